namespace Drivers.FlowMeter
{
    /// <summary>
    /// K-factors of common hall-effect turbine flow sensors, in pulses per litre (= 60 × the datasheet's k in Hz per
    /// L/min). Nominal values: units scatter by about ±10 %, so calibrate each unit with
    /// <see cref="FlowMeter.Calibrate(double)"/> when the volume matters. Constants cost nothing on the device.
    /// </summary>
    public static class FlowSensorPulsesPerLitre
    {
        /// <summary>YF-S201 (½″): k = 7.5 Hz per L/min → 450 pulses per litre; 1–30 L/min, 225 Hz at 30 L/min.</summary>
        public const double YfS201 = 450.0;

        /// <summary>YF-S401 (≈ 6 mm hose): k = 98 Hz per L/min → 5880 pulses per litre; 0.3–6 L/min, ≈ 588 Hz at 6 L/min.</summary>
        public const double YfS401 = 5880.0;

        /// <summary>FS300A (¾″): k = 5.5 Hz per L/min → 330 pulses per litre; up to 60 L/min.</summary>
        public const double Fs300A = 330.0;

        /// <summary>FS400A (1″): k = 4.8 Hz per L/min → 288 pulses per litre; up to 60 L/min.</summary>
        public const double Fs400A = 288.0;
    }
}
