using Drivers.FlowMeter;

namespace Samples.Irrigation
{
    /// <summary>
    /// One watering zone: the valve that feeds it, the soil-moisture probe that watches it and the flow its line
    /// should draw. Checked by <see cref="IrrigationSettings.Validate"/>.
    /// </summary>
    public sealed class ZoneSettings
    {
        /// <summary>
        /// Creates a zone on a valve output and an ADC channel, with the default probe calibration and thresholds and an
        /// expected flow as wide as the flow sensor's rated range (which catches no burst and no blocked line: set the
        /// zone's own range with the other constructor or <see cref="ExpectedMinimumLitresPerMinute"/> and
        /// <see cref="ExpectedMaximumLitresPerMinute"/>).
        /// </summary>
        /// <param name="valvePin">MCP23008 output GP0..GP7 that opens the zone's valve.</param>
        /// <param name="probeChannel">ADC1 channel of the zone's soil-moisture probe (0, 3, 4, 5, 6 or 7).</param>
        public ZoneSettings(int valvePin, int probeChannel)
            : this(valvePin, probeChannel, FlowSensorRatedFlow.YfS201MinimumLitresPerMinute, FlowSensorRatedFlow.YfS201MaximumLitresPerMinute)
        {
        }

        /// <summary>Creates a zone with its expected flow range, the default probe calibration and thresholds.</summary>
        /// <param name="valvePin">MCP23008 output GP0..GP7 that opens the zone's valve.</param>
        /// <param name="probeChannel">ADC1 channel of the zone's soil-moisture probe (0, 3, 4, 5, 6 or 7).</param>
        /// <param name="expectedMinimumLitresPerMinute">Least flow of a healthy line with the valve open, in L/min.</param>
        /// <param name="expectedMaximumLitresPerMinute">Most flow of a healthy line with the valve open, in L/min.</param>
        public ZoneSettings(int valvePin, int probeChannel, double expectedMinimumLitresPerMinute, double expectedMaximumLitresPerMinute)
        {
            ValvePin = valvePin;
            ProbeChannel = probeChannel;
            ProbeDryRaw = 3000;
            ProbeWetRaw = 1200;
            DryThresholdPercent = 30;
            WetTargetPercent = 60;
            ExpectedMinimumLitresPerMinute = expectedMinimumLitresPerMinute;
            ExpectedMaximumLitresPerMinute = expectedMaximumLitresPerMinute;
        }

        /// <summary>MCP23008 output (0..7 = GP0..GP7) that drives the zone's valve through the driver stage; high opens it.</summary>
        public int ValvePin { get; set; }

        /// <summary>
        /// nanoFramework ADC channel (ADC1) of the zone's soil-moisture probe: 0 = GPIO36, 3 = GPIO39, 4 = GPIO32,
        /// 5 = GPIO33, 6 = GPIO34, 7 = GPIO35. Channels 1 and 2 (GPIO37, GPIO38) are rejected: ESP32-WROOM-32, WROVER and
        /// DevKitC boards do not bring those pins out.
        /// </summary>
        public int ProbeChannel { get; set; }

        /// <summary>Raw ADC reading (0..4095) of the probe in dry soil: 0 % moisture.</summary>
        public int ProbeDryRaw { get; set; }

        /// <summary>Raw ADC reading (0..4095) of the probe in saturated soil: 100 % moisture. Must differ from <see cref="ProbeDryRaw"/>.</summary>
        public int ProbeWetRaw { get; set; }

        /// <summary>The schedule waters the zone when its moisture is below this, in % (0..100).</summary>
        public int DryThresholdPercent { get; set; }

        /// <summary>A scheduled run stops once the zone's moisture reaches this, in % (DryThresholdPercent..100).</summary>
        public int WetTargetPercent { get; set; }

        /// <summary>
        /// Least flow of the zone's healthy line with its valve open, in L/min: the flow sensor's rated minimum
        /// .. <see cref="ExpectedMaximumLitresPerMinute"/>. Less (but still some flow) for a while stops the run with a
        /// blocked-line alarm.
        /// </summary>
        public double ExpectedMinimumLitresPerMinute { get; set; }

        /// <summary>
        /// Most flow of the zone's healthy line with its valve open, in L/min: above
        /// <see cref="ExpectedMinimumLitresPerMinute"/>, at most the flow sensor's rated maximum. More for a while stops
        /// the run with a burst-pipe alarm.
        /// </summary>
        public double ExpectedMaximumLitresPerMinute { get; set; }
    }
}
