namespace Drivers.Mcp23008
{
    /// <summary>
    /// Mode of one MCP23008 pin (IODIR and GPPU bits, datasheet §1.6.1 and §1.6.7). The values are this driver's own: they
    /// are not the integer values of <c>System.Device.Gpio.PinMode</c>, which differ between nanoFramework and .NET IoT.
    /// </summary>
    public enum Mcp23008PinMode
    {
        /// <summary>Input without the internal pull-up (IODIR = 1, GPPU = 0).</summary>
        Input = 0,

        /// <summary>Input with the internal 100 kΩ pull-up (IODIR = 1, GPPU = 1).</summary>
        InputPullUp = 1,

        /// <summary>Output driven from the output latch OLAT (IODIR = 0; GPPU is left as it is and has no effect).</summary>
        Output = 2,
    }
}
