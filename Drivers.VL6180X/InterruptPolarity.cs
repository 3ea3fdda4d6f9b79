namespace Drivers.VL6180X
{
    /// <summary>Level of the GPIO1 interrupt output while an interrupt is pending, SYSTEM__MODE_GPIO1 bit 5.</summary>
    public enum InterruptPolarity
    {
        /// <summary>GPIO1 goes low while an interrupt is pending. The default.</summary>
        ActiveLow = 0,

        /// <summary>GPIO1 goes high while an interrupt is pending.</summary>
        ActiveHigh = 1,
    }
}
