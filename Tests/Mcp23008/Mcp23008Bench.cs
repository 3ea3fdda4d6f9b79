using System.Device.I2c;
using nanoFramework.Hardware.Esp32;

namespace NFUnitTest.Mcp23008Tests
{
    /// <summary>
    /// The bench wiring of the driver README: MCP23008 at 0x20 on I2C1 (SDA GPIO21, SCL GPIO22), INT to GPIO27, valve
    /// driver stage on GP0..GP7. The tests switch outputs briefly: disconnect the valve supply while they run.
    /// </summary>
    internal static class Mcp23008Bench
    {
        public const int Address = 0x20;
        public const int InterruptGpio = 27;

        public static I2cDevice OpenDevice()
        {
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            return I2cDevice.Create(new I2cConnectionSettings(1, Address));
        }
    }
}
