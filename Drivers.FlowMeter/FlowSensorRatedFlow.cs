namespace Drivers.FlowMeter
{
    /// <summary>
    /// Rated flow ranges of the sensors in <see cref="FlowSensorPulsesPerLitre"/>, in L/min, from the makers' data
    /// (hardware.md §3.1). Below the minimum the turbine may not turn (a drip reads 0); above the maximum the reading is
    /// outside the sensor's specification, and the meter refuses a reading that implies more than
    /// <see cref="FlowMeter.PlausibilityMargin"/> times it (see <see cref="FlowMeter.MaximumLitresPerMinute"/>).
    /// Constants cost nothing on the device.
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

        /// <summary>
        /// The meter's assumption for a K-factor that is not one of the presets: the largest rated flow above, 60 L/min.
        /// Set <see cref="FlowMeter.MaximumLitresPerMinute"/> to the sensor's own rating for a tighter check.
        /// </summary>
        public const double UnknownMaximumLitresPerMinute = 60.0;

        /// <summary>The rated maximum of the preset whose K-factor is exactly <paramref name="pulsesPerLitre"/>, else <see cref="UnknownMaximumLitresPerMinute"/>.</summary>
        /// <param name="pulsesPerLitre">A K-factor in pulses per litre.</param>
        /// <returns>Litres per minute.</returns>
        public static double MaximumForKFactor(double pulsesPerLitre)
        {
            if (pulsesPerLitre == FlowSensorPulsesPerLitre.YfS201)
            {
                return YfS201MaximumLitresPerMinute;
            }

            if (pulsesPerLitre == FlowSensorPulsesPerLitre.YfS401)
            {
                return YfS401MaximumLitresPerMinute;
            }

            if (pulsesPerLitre == FlowSensorPulsesPerLitre.Fs300A)
            {
                return Fs300AMaximumLitresPerMinute;
            }

            return pulsesPerLitre == FlowSensorPulsesPerLitre.Fs400A ? Fs400AMaximumLitresPerMinute : UnknownMaximumLitresPerMinute;
        }
    }
}
