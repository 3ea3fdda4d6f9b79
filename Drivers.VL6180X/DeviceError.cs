namespace Drivers.VL6180X
{
    /// <summary>
    /// Device error reported in RESULT__INTERRUPT_STATUS_GPIO bits [7:6] (datasheet DocID026171 §6.2). With an error the
    /// new-sample flag of the measurement never appears; ST's API (<c>VL6180x_RangePollMeasurement</c>) stops polling
    /// and reports a range error.
    /// </summary>
    public enum DeviceError
    {
        /// <summary>0: no error.</summary>
        None = 0,

        /// <summary>1: laser safety error (the VCSEL was switched off).</summary>
        LaserSafety = 1,

        /// <summary>2: PLL error (PLL1 or PLL2 lost lock).</summary>
        Pll = 2,

        /// <summary>3: not defined by the datasheet.</summary>
        Undefined = 3,
    }
}
