namespace Samples.Irrigation
{
    /// <summary>
    /// One watering zone: the valve that feeds it and the soil-moisture probe that watches it. Checked by
    /// <see cref="IrrigationSettings.Validate"/>.
    /// </summary>
    public sealed class ZoneSettings
    {
        /// <summary>Creates a zone on a valve output and an ADC channel, with the default probe calibration and thresholds.</summary>
        /// <param name="valvePin">MCP23008 output GP0..GP7 that opens the zone's valve.</param>
        /// <param name="probeChannel">ADC channel of the zone's soil-moisture probe.</param>
        public ZoneSettings(int valvePin, int probeChannel)
        {
            ValvePin = valvePin;
            ProbeChannel = probeChannel;
            ProbeDryRaw = 3000;
            ProbeWetRaw = 1200;
            DryThresholdPercent = 30;
            WetTargetPercent = 60;
        }

        /// <summary>MCP23008 output (0..7 = GP0..GP7) that drives the zone's valve through the driver stage; high opens it.</summary>
        public int ValvePin { get; set; }

        /// <summary>ADC channel (0..7, ADC1) of the zone's soil-moisture probe.</summary>
        public int ProbeChannel { get; set; }

        /// <summary>Raw ADC reading (0..4095) of the probe in dry soil: 0 % moisture.</summary>
        public int ProbeDryRaw { get; set; }

        /// <summary>Raw ADC reading (0..4095) of the probe in saturated soil: 100 % moisture. Must differ from <see cref="ProbeDryRaw"/>.</summary>
        public int ProbeWetRaw { get; set; }

        /// <summary>The schedule waters the zone when its moisture is below this, in % (0..100).</summary>
        public int DryThresholdPercent { get; set; }

        /// <summary>A scheduled run stops once the zone's moisture reaches this, in % (DryThresholdPercent..100).</summary>
        public int WetTargetPercent { get; set; }
    }
}
