namespace Drivers.VL6180X
{
    /// <summary>Ambient-light error code, RESULT__ALS_STATUS bits [7:4] (datasheet DocID026171 §6.2).</summary>
    public enum AlsStatus
    {
        /// <summary>0: valid measurement.</summary>
        NoError = 0,

        /// <summary>1: the count overflowed (too much light for the gain and integration period).</summary>
        Overflow = 1,

        /// <summary>2: the count underflowed.</summary>
        Underflow = 2,
    }
}
