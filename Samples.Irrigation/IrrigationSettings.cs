using Drivers.FlowMeter;

namespace Samples.Irrigation
{
    /// <summary>
    /// Everything the controller needs to know about the garden: zones, probe calibration, flow sensor, tank geometry,
    /// safety limits and the schedule. <see cref="Validate"/> checks every setting against its allowed range at start.
    /// </summary>
    public sealed class IrrigationSettings
    {
        /// <summary>Most zones: the MCP23008 has eight outputs.</summary>
        public const int MaxZones = 8;

        /// <summary>Full scale of the ESP32's 12-bit ADC.</summary>
        public const int AdcMaxRaw = 4095;

        /// <summary>Highest ADC1 channel: ADC2 is unusable while Wi-Fi runs.</summary>
        public const int MaxProbeChannel = 7;

        /// <summary>Longest leak window, in minutes.</summary>
        public const int MaxLeakWindowMinutes = 30;

        /// <summary>Longest watering run the configuration may allow, in minutes.</summary>
        public const int MaxRunMinutesLimit = 120;

        /// <summary>
        /// Farthest tank-gauge distance, in mm: the VL6180X's ranging is specified to 100 mm at 1× scaling (DocID026171
        /// feature list; AN4545 Table 1: beyond that "possible … but not guaranteed", overflow typically near 200 mm).
        /// </summary>
        public const int TankGaugeMaxMillimeters = 100;

        /// <summary>
        /// The bench: four zones (valves on GP0..GP3, probes on ADC1 channels 0, 3, 6, 7 = GPIO36, 39, 34, 35, lines of
        /// 12, 10, 8 and 6 L/min, a third either way), a YF-S201 flow sensor, a 600 L tank read by a float gauge.
        /// </summary>
        public IrrigationSettings()
        {
            Zones = new ZoneSettings[]
            {
                new ZoneSettings(0, 0, 8.0, 16.0),
                new ZoneSettings(1, 3, 7.0, 13.0),
                new ZoneSettings(2, 6, 5.0, 11.0),
                new ZoneSettings(3, 7, 4.0, 8.0),
            };
            ProbeSamples = 8;
            FlowPulsesPerLitre = FlowSensorPulsesPerLitre.YfS201;
            FlowSensorMinimumLitresPerMinute = FlowSensorRatedFlow.YfS201MinimumLitresPerMinute;
            FlowSensorMaximumLitresPerMinute = FlowSensorRatedFlow.YfS201MaximumLitresPerMinute;
            MinimumFlowLitresPerMinute = FlowSensorRatedFlow.YfS201MinimumLitresPerMinute;
            NoFlowTimeoutSeconds = 30;
            LeakFlowLitresPerMinute = 0.3;
            LeakWindowMinutes = 5;
            ValveSettleSeconds = 5;
            MaxRunMinutes = 30;
            TankFullDistanceMillimeters = 15;
            TankEmptyDistanceMillimeters = 98;
            TankCapacityLitres = 600;
            MinimumReservoirPercent = 10;
            SkipInBrightLight = true;
            BrightLightLux = 10000;
            ScheduleIntervalMinutes = 30;
        }

        /// <summary>The zones, 1 to 8; zone n (as the log prints it) is <c>Zones[n - 1]</c>.</summary>
        public ZoneSettings[] Zones { get; set; }

        /// <summary>ADC readings averaged for one moisture value, 1..64.</summary>
        public int ProbeSamples { get; set; }

        /// <summary>Flow sensor K-factor in pulses per litre (YF-S201: 450), above 0.</summary>
        public double FlowPulsesPerLitre { get; set; }

        /// <summary>The flow sensor's rated minimum, in L/min (YF-S201: 1), above 0: below it the turbine may not turn.</summary>
        public double FlowSensorMinimumLitresPerMinute { get; set; }

        /// <summary>
        /// The flow sensor's rated maximum, in L/min (YF-S201: 30), above the minimum: a reading above it is rejected as
        /// implausible.
        /// </summary>
        public double FlowSensorMaximumLitresPerMinute { get; set; }

        /// <summary>
        /// Below this flow, in L/min, a valve that is open counts as dry: the sensor's rated minimum .. its rated maximum
        /// (less would be below what the sensor can see).
        /// </summary>
        public double MinimumFlowLitresPerMinute { get; set; }

        /// <summary>A run stops with a no-flow alarm after this long without flow, in s (10..600).</summary>
        public int NoFlowTimeoutSeconds { get; set; }

        /// <summary>
        /// Flow at or above this, in L/min, while every valve is closed raises the leak alarm (above 0). A flow below the
        /// sensor's rated minimum may not turn its turbine at all.
        /// </summary>
        public double LeakFlowLitresPerMinute { get; set; }

        /// <summary>The idle leak check averages the flow over the last this many minutes with every valve closed (1..30).</summary>
        public int LeakWindowMinutes { get; set; }

        /// <summary>Time the line gets to stop flowing after a valve closes, before the leak check, in s (1..60).</summary>
        public int ValveSettleSeconds { get; set; }

        /// <summary>No run lasts longer than this, in minutes (1..120).</summary>
        public int MaxRunMinutes { get; set; }

        /// <summary>
        /// Distance the VL6180X reads to the tank gauge's target with the tank full, in mm (1..99). The sensor always
        /// ranges at 1× scaling.
        /// </summary>
        public int TankFullDistanceMillimeters { get; set; }

        /// <summary>
        /// Distance the VL6180X reads to the tank gauge's target with the tank empty (water at the outlet), in mm: above
        /// the full distance, at most <see cref="TankGaugeMaxMillimeters"/>.
        /// </summary>
        public int TankEmptyDistanceMillimeters { get; set; }

        /// <summary>Litres between the empty and the full level (straight walls and a linear gauge assumed), above 0.</summary>
        public int TankCapacityLitres { get; set; }

        /// <summary>The schedule skips watering while the tank holds less than this, in % of capacity (0..100).</summary>
        public int MinimumReservoirPercent { get; set; }

        /// <summary>Whether the schedule skips watering while the light is at or above <see cref="BrightLightLux"/>.</summary>
        public bool SkipInBrightLight { get; set; }

        /// <summary>Ambient light counted as bright midday, in lux (1..100000).</summary>
        public int BrightLightLux { get; set; }

        /// <summary>Time between two schedule passes, in minutes (1..1440).</summary>
        public int ScheduleIntervalMinutes { get; set; }

        /// <summary>
        /// Checks every setting; throws for the first one outside its range, naming it and the allowed range.
        /// </summary>
        /// <exception cref="ConfigurationException">A setting is outside its allowed range.</exception>
        public void Validate()
        {
            if (Zones == null || Zones.Length < 1 || Zones.Length > MaxZones)
            {
                throw new ConfigurationException("Zones", "Zones has " + (Zones == null ? "no" : Zones.Length.ToString()) + " zones; allowed 1..8.");
            }

            for (int i = 0; i < Zones.Length; i++)
            {
                ValidateZone(i);
            }

            CheckRange("ProbeSamples", ProbeSamples, 1, 64);
            CheckPositive("FlowPulsesPerLitre", FlowPulsesPerLitre);
            CheckPositive("FlowSensorMinimumLitresPerMinute", FlowSensorMinimumLitresPerMinute);
            CheckPositive("FlowSensorMaximumLitresPerMinute", FlowSensorMaximumLitresPerMinute);
            if (!(FlowSensorMaximumLitresPerMinute > FlowSensorMinimumLitresPerMinute))
            {
                throw new ConfigurationException("FlowSensorMaximumLitresPerMinute", "FlowSensorMaximumLitresPerMinute is " + FlowSensorMaximumLitresPerMinute.ToString() + "; allowed: above FlowSensorMinimumLitresPerMinute (" + FlowSensorMinimumLitresPerMinute.ToString() + ").");
            }

            CheckFlow("MinimumFlowLitresPerMinute", MinimumFlowLitresPerMinute, FlowSensorMinimumLitresPerMinute, FlowSensorMaximumLitresPerMinute);
            for (int i = 0; i < Zones.Length; i++)
            {
                ValidateZoneFlow(i);
            }

            CheckRange("NoFlowTimeoutSeconds", NoFlowTimeoutSeconds, 10, 600);
            CheckPositive("LeakFlowLitresPerMinute", LeakFlowLitresPerMinute);
            CheckRange("LeakWindowMinutes", LeakWindowMinutes, 1, MaxLeakWindowMinutes);
            CheckRange("ValveSettleSeconds", ValveSettleSeconds, 1, 60);
            CheckRange("MaxRunMinutes", MaxRunMinutes, 1, MaxRunMinutesLimit);
            CheckRange("TankFullDistanceMillimeters", TankFullDistanceMillimeters, 1, TankGaugeMaxMillimeters - 1);
            CheckRange("TankEmptyDistanceMillimeters", TankEmptyDistanceMillimeters, TankFullDistanceMillimeters + 1, TankGaugeMaxMillimeters);
            CheckRange("TankCapacityLitres", TankCapacityLitres, 1, 1000000);
            CheckRange("MinimumReservoirPercent", MinimumReservoirPercent, 0, 100);
            CheckRange("BrightLightLux", BrightLightLux, 1, 100000);
            CheckRange("ScheduleIntervalMinutes", ScheduleIntervalMinutes, 1, 1440);
        }

        private void ValidateZone(int index)
        {
            ZoneSettings zone = Zones[index];
            string prefix = "Zones[" + index.ToString() + "]";
            if (zone == null)
            {
                throw new ConfigurationException(prefix, prefix + " is null; every zone needs its settings.");
            }

            CheckRange(prefix + ".ValvePin", zone.ValvePin, 0, 7);
            CheckRange(prefix + ".ProbeChannel", zone.ProbeChannel, 0, MaxProbeChannel);
            if (zone.ProbeChannel == 1 || zone.ProbeChannel == 2)
            {
                throw new ConfigurationException(prefix + ".ProbeChannel", prefix + ".ProbeChannel is " + zone.ProbeChannel.ToString() + " (GPIO" + MoistureProbes.GpioOfChannel(zone.ProbeChannel).ToString() + "); ESP32-WROOM-32, WROVER and DevKitC boards have no GPIO37 or GPIO38: allowed ADC1 channels 0, 3, 4, 5, 6, 7 (GPIO36, 39, 32, 33, 34, 35).");
            }

            CheckRange(prefix + ".ProbeDryRaw", zone.ProbeDryRaw, 0, AdcMaxRaw);
            CheckRange(prefix + ".ProbeWetRaw", zone.ProbeWetRaw, 0, AdcMaxRaw);
            if (zone.ProbeWetRaw == zone.ProbeDryRaw)
            {
                throw new ConfigurationException(prefix + ".ProbeWetRaw", prefix + ".ProbeWetRaw is " + zone.ProbeWetRaw.ToString() + ", the same as ProbeDryRaw; the dry and wet readings must differ (0..4095 each).");
            }

            CheckRange(prefix + ".DryThresholdPercent", zone.DryThresholdPercent, 0, 100);
            CheckRange(prefix + ".WetTargetPercent", zone.WetTargetPercent, zone.DryThresholdPercent, 100);
            for (int other = 0; other < index; other++)
            {
                if (Zones[other].ValvePin == zone.ValvePin)
                {
                    throw new ConfigurationException(prefix + ".ValvePin", prefix + ".ValvePin is GP" + zone.ValvePin.ToString() + ", already used by Zones[" + other.ToString() + "]; each zone needs its own valve output (0..7).");
                }

                if (Zones[other].ProbeChannel == zone.ProbeChannel)
                {
                    throw new ConfigurationException(prefix + ".ProbeChannel", prefix + ".ProbeChannel is " + zone.ProbeChannel.ToString() + ", already used by Zones[" + other.ToString() + "]; each zone needs its own probe channel (0..7).");
                }
            }
        }

        // The zone's expected flow lies within what the flow sensor is rated for, and is a range.
        private void ValidateZoneFlow(int index)
        {
            ZoneSettings zone = Zones[index];
            string prefix = "Zones[" + index.ToString() + "]";
            CheckFlow(prefix + ".ExpectedMinimumLitresPerMinute", zone.ExpectedMinimumLitresPerMinute, FlowSensorMinimumLitresPerMinute, FlowSensorMaximumLitresPerMinute);
            CheckFlow(prefix + ".ExpectedMaximumLitresPerMinute", zone.ExpectedMaximumLitresPerMinute, FlowSensorMinimumLitresPerMinute, FlowSensorMaximumLitresPerMinute);
            if (!(zone.ExpectedMaximumLitresPerMinute > zone.ExpectedMinimumLitresPerMinute))
            {
                throw new ConfigurationException(prefix + ".ExpectedMaximumLitresPerMinute", prefix + ".ExpectedMaximumLitresPerMinute is " + zone.ExpectedMaximumLitresPerMinute.ToString() + "; allowed: above ExpectedMinimumLitresPerMinute (" + zone.ExpectedMinimumLitresPerMinute.ToString() + ").");
            }
        }

        // A flow setting within the sensor's rated range.
        private static void CheckFlow(string setting, double value, double min, double max)
        {
            if (double.IsNaN(value) || double.IsNaN(min) || double.IsNaN(max) || !(value >= min && value <= max))
            {
                throw new ConfigurationException(setting, setting + " is " + value.ToString() + "; allowed " + min.ToString() + ".." + max.ToString() + " L/min (the flow sensor's rated range).");
            }
        }

        private static void CheckRange(string setting, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                throw new ConfigurationException(setting, setting + " is " + value.ToString() + "; allowed " + min.ToString() + ".." + max.ToString() + ".");
            }
        }

        private static void CheckPositive(string setting, double value)
        {
            if (double.IsNaN(value) || !(value > 0) || double.IsInfinity(value))
            {
                throw new ConfigurationException(setting, setting + " is " + value.ToString() + "; allowed: a finite number above 0.");
            }
        }
    }
}
