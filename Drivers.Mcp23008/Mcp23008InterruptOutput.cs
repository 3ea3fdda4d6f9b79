namespace Drivers.Mcp23008
{
    /// <summary>How the MCP23008 drives its INT pin (IOCON.ODR and IOCON.INTPOL, datasheet §1.6.6).</summary>
    public enum Mcp23008InterruptOutput
    {
        /// <summary>Push-pull, low while an interrupt is pending (ODR = 0, INTPOL = 0; the power-on setting).</summary>
        ActiveLow = 0,

        /// <summary>Push-pull, high while an interrupt is pending (ODR = 0, INTPOL = 1).</summary>
        ActiveHigh = 1,

        /// <summary>
        /// Open drain, pulled low while an interrupt is pending and released otherwise (ODR = 1, INTPOL ignored): needs a
        /// pull-up, and lets several INT outputs share one line.
        /// </summary>
        OpenDrain = 2,
    }
}
