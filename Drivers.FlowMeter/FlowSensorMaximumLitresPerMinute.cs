namespace Drivers.FlowMeter
{
    /// <summary>
    /// Rated maximum flow of the sensors in <see cref="FlowSensorPulsesPerLitre"/>, in L/min (hardware.md §3.1). The
    /// meter refuses a reading that implies more than <see cref="FlowMeter.PlausibilityMargin"/> times this (see
    /// <see cref="FlowMeter.MaximumLitresPerMinute"/>). Constants cost nothing on the device.
    /// </summary>
    public static class FlowSensorMaximumLitresPerMinute
    {
        /// <summary>YF-S201: 1–30 L/min (225 Hz at 30 L/min).</summary>
        public const double YfS201 = 30.0;

        /// <summary>YF-S401: 0.3–6 L/min (≈ 588 Hz at 6 L/min).</summary>
        public const double YfS401 = 6.0;

        /// <summary>FS300A: up to 60 L/min.</summary>
        public const double Fs300A = 60.0;

        /// <summary>FS400A: up to 60 L/min.</summary>
        public const double Fs400A = 60.0;

        /// <summary>
        /// The meter's assumption for a K-factor that is not one of the presets: the largest rated flow above, 60 L/min.
        /// Set <see cref="FlowMeter.MaximumLitresPerMinute"/> to the sensor's own rating for a tighter check.
        /// </summary>
        public const double Unknown = 60.0;

        /// <summary>The rated maximum of the preset whose K-factor is exactly <paramref name="pulsesPerLitre"/>, else <see cref="Unknown"/>.</summary>
        /// <param name="pulsesPerLitre">A K-factor in pulses per litre.</param>
        /// <returns>Litres per minute.</returns>
        public static double ForKFactor(double pulsesPerLitre)
        {
            if (pulsesPerLitre == FlowSensorPulsesPerLitre.YfS201)
            {
                return YfS201;
            }

            if (pulsesPerLitre == FlowSensorPulsesPerLitre.YfS401)
            {
                return YfS401;
            }

            if (pulsesPerLitre == FlowSensorPulsesPerLitre.Fs300A)
            {
                return Fs300A;
            }

            return pulsesPerLitre == FlowSensorPulsesPerLitre.Fs400A ? Fs400A : Unknown;
        }
    }
}
