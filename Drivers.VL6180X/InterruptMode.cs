namespace Drivers.VL6180X
{
    /// <summary>
    /// What raises an interrupt for range or ALS: a field of SYSTEM__INTERRUPT_CONFIG_GPIO, reported in
    /// RESULT__INTERRUPT_STATUS_GPIO and on GPIO1 (DocID026171 §2.9, §6.2).
    /// </summary>
    public enum InterruptMode
    {
        /// <summary>0: no interrupt; the status field reads 0.</summary>
        Disabled = 0,

        /// <summary>1: the result is below the low threshold.</summary>
        LevelLow = 1,

        /// <summary>2: the result is above the high threshold.</summary>
        LevelHigh = 2,

        /// <summary>3: the result is below the low or above the high threshold.</summary>
        OutOfWindow = 3,

        /// <summary>4: every new sample. The default, and what single-shot reads wait for.</summary>
        NewSampleReady = 4,
    }
}
