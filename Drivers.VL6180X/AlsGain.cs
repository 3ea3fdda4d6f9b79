namespace Drivers.VL6180X
{
    /// <summary>
    /// ALS analogue gain, SYSALS__ANALOGUE_GAIN bits [2:0]. Names give the nominal gain; lux are computed with the
    /// datasheet's actual gain, given on each member (DocID026171 §2.13.4, Table 13).
    /// </summary>
    public enum AlsGain
    {
        /// <summary>Code 0: gain 20 (actual 20.0), up to ≈ 1 040 lux.</summary>
        Gain20 = 0,

        /// <summary>Code 1: gain 10 (actual 10.32), up to ≈ 2 080 lux.</summary>
        Gain10 = 1,

        /// <summary>Code 2: gain 5 (actual 5.21), up to ≈ 4 160 lux.</summary>
        Gain5 = 2,

        /// <summary>Code 3: gain 2.5 (actual 2.60), up to ≈ 8 320 lux.</summary>
        Gain2_5 = 3,

        /// <summary>Code 4: gain 1.67 (actual 1.72), up to ≈ 12 530 lux.</summary>
        Gain1_67 = 4,

        /// <summary>Code 5: gain 1.25 (actual 1.28), up to ≈ 16 640 lux.</summary>
        Gain1_25 = 5,

        /// <summary>Code 6: gain 1 (actual 1.01), up to ≈ 20 800 lux. The default.</summary>
        Gain1 = 6,

        /// <summary>Code 7: gain 40 (actual 40.0), up to ≈ 520 lux.</summary>
        Gain40 = 7,
    }
}
