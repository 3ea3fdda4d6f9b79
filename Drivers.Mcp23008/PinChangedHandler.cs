namespace Drivers.Mcp23008
{
    /// <summary>
    /// Receives one pin change reported by an MCP23008 interrupt. A delegate of its own, with primitive arguments, so
    /// that raising it allocates nothing: no event-argument object per change.
    /// </summary>
    /// <param name="pin">The pin, 0 to 7 (GP0 to GP7).</param>
    /// <param name="value">The pin's GPIO bit captured in INTCAP when the interrupt occurred (after IPOL inversion).</param>
    public delegate void PinChangedHandler(int pin, bool value);
}
