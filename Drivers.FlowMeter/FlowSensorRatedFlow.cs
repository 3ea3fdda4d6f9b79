namespace Drivers.FlowMeter
{
    /// <summary>
    /// Rated flow ranges of the sensors in <see cref="FlowSensorPulsesPerLitre"/>, in L/min, from the makers' data.
    /// Below the minimum the turbine may not turn (a drip reads 0); above the maximum the reading is outside the
    /// sensor's specification. Constants cost nothing on the device.
    /// </summary>
    public static class FlowSensorRatedFlow
    {
        /// <summary>YF-S201: rated from 1 L/min.</summary>
        public const double YfS201MinimumLitresPerMinute = 1.0;

        /// <summary>YF-S201: rated to 30 L/min (225 Hz).</summary>
        public const double YfS201MaximumLitresPerMinute = 30.0;

        /// <summary>YF-S401: rated from 0.3 L/min.</summary>
        public const double YfS401MinimumLitresPerMinute = 0.3;

        /// <summary>YF-S401: rated to 6 L/min (≈ 588 Hz).</summary>
        public const double YfS401MaximumLitresPerMinute = 6.0;

        /// <summary>FS300A: capacity 60 L/min (the maker's data gives no minimum).</summary>
        public const double Fs300AMaximumLitresPerMinute = 60.0;

        /// <summary>FS400A: capacity 60 L/min (the maker's data gives no minimum).</summary>
        public const double Fs400AMaximumLitresPerMinute = 60.0;
    }
}
