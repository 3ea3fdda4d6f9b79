namespace Drivers.VL6180X
{
    /// <summary>
    /// Range error code, RESULT__RANGE_STATUS bits [7:4] (datasheet DocID026171 §6.2, AN4545 Table 1). Every value but
    /// <see cref="NoError"/> means the reading is not a distance. Codes 9 and 10 are not used by the device.
    /// </summary>
    public enum RangeStatus
    {
        /// <summary>0: valid measurement.</summary>
        NoError = 0,

        /// <summary>1: VCSEL continuity test failed (system error).</summary>
        VcselContinuityTest = 1,

        /// <summary>2: VCSEL watchdog test failed (system error).</summary>
        VcselWatchdogTest = 2,

        /// <summary>3: VCSEL watchdog tripped (system error).</summary>
        VcselWatchdog = 3,

        /// <summary>4: PLL1 lock failed (system error).</summary>
        Pll1Lock = 4,

        /// <summary>5: PLL2 lock failed (system error).</summary>
        Pll2Lock = 5,

        /// <summary>6: the early convergence estimate check failed (return signal too weak).</summary>
        EarlyConvergenceEstimate = 6,

        /// <summary>7: no convergence before the maximum convergence time: no target in range.</summary>
        MaxConvergence = 7,

        /// <summary>8: the range-ignore threshold check failed.</summary>
        NoTargetIgnore = 8,

        /// <summary>11: signal-to-noise ratio too low: ambient light too high.</summary>
        MaxSignalToNoiseRatio = 11,

        /// <summary>12: the raw range is below 0 (the part-to-part offset can cause it); the device reports 0.</summary>
        RawRangingAlgoUnderflow = 12,

        /// <summary>13: the raw range overflowed (target too far, typically beyond 200 mm at 1× scaling).</summary>
        RawRangingAlgoOverflow = 13,

        /// <summary>14: the range is below 0 after corrections; the device reports 0.</summary>
        RangingAlgoUnderflow = 14,

        /// <summary>15: the range overflowed (target too far, typically beyond 200 mm at 1× scaling).</summary>
        RangingAlgoOverflow = 15,
    }
}
