using System;
using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Irrigation
{
    /// <summary>
    /// The configuration check the firmware runs at start: every setting outside its range is rejected with a message
    /// naming the setting and the allowed range. No hardware needed.
    /// </summary>
    [TestClass]
    public class IrrigationSettingsTests
    {
        [TestMethod]
        public void Validate_BenchDefaults_Accepted()
        {
            new IrrigationSettings().Validate();
        }

        [TestMethod]
        [DataRow("ProbeSamples", 0, "ProbeSamples is 0; allowed 1..64.")]
        [DataRow("ProbeSamples", 65, "ProbeSamples is 65; allowed 1..64.")]
        [DataRow("NoFlowTimeoutSeconds", 9, "NoFlowTimeoutSeconds is 9; allowed 10..600.")]
        [DataRow("ValveSettleSeconds", 0, "ValveSettleSeconds is 0; allowed 1..60.")]
        [DataRow("MaxRunMinutes", 0, "MaxRunMinutes is 0; allowed 1..120.")]
        [DataRow("MaxRunMinutes", 121, "MaxRunMinutes is 121; allowed 1..120.")]
        [DataRow("TankFullDistanceMillimeters", 0, "TankFullDistanceMillimeters is 0; allowed 1..99.")]
        [DataRow("TankFullDistanceMillimeters", 100, "TankFullDistanceMillimeters is 100; allowed 1..99.")]
        [DataRow("TankEmptyDistanceMillimeters", 15, "TankEmptyDistanceMillimeters is 15; allowed 16..100.")]
        [DataRow("TankEmptyDistanceMillimeters", 101, "TankEmptyDistanceMillimeters is 101; allowed 16..100.")]
        [DataRow("LeakWindowMinutes", 0, "LeakWindowMinutes is 0; allowed 1..30.")]
        [DataRow("LeakWindowMinutes", 31, "LeakWindowMinutes is 31; allowed 1..30.")]
        [DataRow("TankCapacityLitres", 0, "TankCapacityLitres is 0; allowed 1..1000000.")]
        [DataRow("MinimumReservoirPercent", 101, "MinimumReservoirPercent is 101; allowed 0..100.")]
        [DataRow("BrightLightLux", 0, "BrightLightLux is 0; allowed 1..100000.")]
        [DataRow("ScheduleIntervalMinutes", 1441, "ScheduleIntervalMinutes is 1441; allowed 1..1440.")]
        [DataRow("Zones[1].ValvePin", 8, "Zones[1].ValvePin is 8; allowed 0..7.")]
        [DataRow("Zones[1].ProbeChannel", -1, "Zones[1].ProbeChannel is -1; allowed 0..7.")]
        [DataRow("Zones[1].ProbeDryRaw", 4096, "Zones[1].ProbeDryRaw is 4096; allowed 0..4095.")]
        [DataRow("Zones[1].ProbeWetRaw", -5, "Zones[1].ProbeWetRaw is -5; allowed 0..4095.")]
        [DataRow("Zones[1].DryThresholdPercent", 101, "Zones[1].DryThresholdPercent is 101; allowed 0..100.")]
        [DataRow("Zones[1].WetTargetPercent", 20, "Zones[1].WetTargetPercent is 20; allowed 30..100.")]
        public void Validate_SettingOutOfRange_RejectedNamingSettingAndRange(string setting, int value, string message)
        {
            IrrigationSettings settings = new IrrigationSettings();
            Set(settings, setting, value);

            AssertRejected(settings, setting, message);
        }

        [TestMethod]
        public void Validate_TankBeyondTheSpecifiedRange_Rejected()
        {
            // The VL6180X is specified to 100 mm at 1x: the old lid-mounted 550 mm geometry is refused.
            IrrigationSettings settings = new IrrigationSettings();
            settings.TankFullDistanceMillimeters = 50;
            settings.TankEmptyDistanceMillimeters = 550;

            AssertRejected(settings, "TankEmptyDistanceMillimeters", "TankEmptyDistanceMillimeters is 550; allowed 51..100.");
        }

        [TestMethod]
        [DataRow(1, "Zones[1].ProbeChannel is 1 (GPIO37); ESP32-WROOM-32, WROVER and DevKitC boards have no GPIO37 or GPIO38: allowed ADC1 channels 0, 3, 4, 5, 6, 7 (GPIO36, 39, 32, 33, 34, 35).")]
        [DataRow(2, "Zones[1].ProbeChannel is 2 (GPIO38); ESP32-WROOM-32, WROVER and DevKitC boards have no GPIO37 or GPIO38: allowed ADC1 channels 0, 3, 4, 5, 6, 7 (GPIO36, 39, 32, 33, 34, 35).")]
        public void Validate_ProbeOnAChannelWithoutAPin_RejectedNamingTheGpio(int channel, string message)
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[1].ProbeChannel = channel;

            AssertRejected(settings, "Zones[1].ProbeChannel", message);
        }

        [TestMethod]
        public void Defaults_ProbesOnChannelsWithPinsOnEveryBoard()
        {
            IrrigationSettings settings = new IrrigationSettings();

            Assert.AreEqual(0, settings.Zones[0].ProbeChannel);
            Assert.AreEqual(3, settings.Zones[1].ProbeChannel);
            Assert.AreEqual(6, settings.Zones[2].ProbeChannel);
            Assert.AreEqual(7, settings.Zones[3].ProbeChannel);
            Assert.AreEqual(36, MoistureProbes.GpioOfChannel(settings.Zones[0].ProbeChannel));
            Assert.AreEqual(39, MoistureProbes.GpioOfChannel(settings.Zones[1].ProbeChannel));
            Assert.AreEqual(34, MoistureProbes.GpioOfChannel(settings.Zones[2].ProbeChannel));
            Assert.AreEqual(35, MoistureProbes.GpioOfChannel(settings.Zones[3].ProbeChannel));
        }

        [TestMethod]
        [DataRow(0, 36)]
        [DataRow(1, 37)]
        [DataRow(2, 38)]
        [DataRow(3, 39)]
        [DataRow(4, 32)]
        [DataRow(5, 33)]
        [DataRow(6, 34)]
        [DataRow(7, 35)]
        public void GpioOfChannel_NanoFrameworkEsp32AdcMap(int channel, int gpio)
        {
            Assert.AreEqual(gpio, MoistureProbes.GpioOfChannel(channel));
        }

        [TestMethod]
        public void Validate_MinimumFlowBelowTheSensorRating_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.MinimumFlowLitresPerMinute = 0.5;

            AssertRejected(settings, "MinimumFlowLitresPerMinute", "MinimumFlowLitresPerMinute is 0.5; allowed 1..30 L/min (the flow sensor's rated range).");
        }

        [TestMethod]
        public void Validate_ZoneExpectingMoreThanTheSensorReads_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[2].ExpectedMaximumLitresPerMinute = 31;

            AssertRejected(settings, "Zones[2].ExpectedMaximumLitresPerMinute", "Zones[2].ExpectedMaximumLitresPerMinute is 31; allowed 1..30 L/min (the flow sensor's rated range).");
        }

        [TestMethod]
        public void Validate_ZoneExpectingLessThanTheSensorSees_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[0].ExpectedMinimumLitresPerMinute = 0.5;

            AssertRejected(settings, "Zones[0].ExpectedMinimumLitresPerMinute", "Zones[0].ExpectedMinimumLitresPerMinute is 0.5; allowed 1..30 L/min (the flow sensor's rated range).");
        }

        [TestMethod]
        public void Validate_ZoneFlowRangeUpsideDown_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[0].ExpectedMinimumLitresPerMinute = 15;
            settings.Zones[0].ExpectedMaximumLitresPerMinute = 9;

            AssertRejected(settings, "Zones[0].ExpectedMaximumLitresPerMinute", "Zones[0].ExpectedMaximumLitresPerMinute is 9; allowed: above ExpectedMinimumLitresPerMinute (15).");
        }

        [TestMethod]
        public void Validate_SensorRatingUpsideDown_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.FlowSensorMaximumLitresPerMinute = 0.5;

            AssertRejected(settings, "FlowSensorMaximumLitresPerMinute", "FlowSensorMaximumLitresPerMinute is 0.5; allowed: above FlowSensorMinimumLitresPerMinute (1).");
        }

        [TestMethod]
        public void Validate_YfS401_AcceptsItsOwnRatedRange()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.FlowPulsesPerLitre = Drivers.FlowMeter.FlowSensorPulsesPerLitre.YfS401;
            settings.FlowSensorMinimumLitresPerMinute = Drivers.FlowMeter.FlowSensorRatedFlow.YfS401MinimumLitresPerMinute;
            settings.FlowSensorMaximumLitresPerMinute = Drivers.FlowMeter.FlowSensorRatedFlow.YfS401MaximumLitresPerMinute;
            settings.MinimumFlowLitresPerMinute = 0.3;
            for (int i = 0; i < settings.Zones.Length; i++)
            {
                settings.Zones[i].ExpectedMinimumLitresPerMinute = 0.5;
                settings.Zones[i].ExpectedMaximumLitresPerMinute = 4.0;
            }

            settings.Validate();
        }

        [TestMethod]
        public void Validate_NoZones_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones = new ZoneSettings[0];

            AssertRejected(settings, "Zones", "Zones has 0 zones; allowed 1..8.");
        }

        [TestMethod]
        public void Validate_NineZones_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones = new ZoneSettings[9];
            for (int i = 0; i < 9; i++)
            {
                settings.Zones[i] = new ZoneSettings(i % 8, i % 8);
            }

            AssertRejected(settings, "Zones", "Zones has 9 zones; allowed 1..8.");
        }

        [TestMethod]
        public void Validate_DryAndWetReadingsEqual_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[2].ProbeWetRaw = settings.Zones[2].ProbeDryRaw;

            AssertRejected(settings, "Zones[2].ProbeWetRaw", "Zones[2].ProbeWetRaw is 3000, the same as ProbeDryRaw; the dry and wet readings must differ (0..4095 each).");
        }

        [TestMethod]
        public void Validate_TwoZonesOnOneValve_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[3].ValvePin = 1;

            AssertRejected(settings, "Zones[3].ValvePin", "Zones[3].ValvePin is GP1, already used by Zones[1]; each zone needs its own valve output (0..7).");
        }

        [TestMethod]
        public void Validate_TwoZonesOnOneProbe_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.Zones[1].ProbeChannel = 0;

            AssertRejected(settings, "Zones[1].ProbeChannel", "Zones[1].ProbeChannel is 0, already used by Zones[0]; each zone needs its own probe channel (0..7).");
        }

        [TestMethod]
        public void Validate_NegativeFlowFactor_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.FlowPulsesPerLitre = -450;

            AssertRejected(settings, "FlowPulsesPerLitre", "allowed: a finite number above 0.");
        }

        [TestMethod]
        public void Validate_ZeroLeakThreshold_Rejected()
        {
            IrrigationSettings settings = new IrrigationSettings();
            settings.LeakFlowLitresPerMinute = 0;

            AssertRejected(settings, "LeakFlowLitresPerMinute", "allowed: a finite number above 0.");
        }

        private static void AssertRejected(IrrigationSettings settings, string setting, string message)
        {
            Assert.ThrowsException(typeof(ConfigurationException), () => settings.Validate());
            try
            {
                settings.Validate();
            }
            catch (ConfigurationException ex)
            {
                Assert.AreEqual(setting, ex.Setting);
                Assert.Contains(message, ex.Message);
                Assert.StartsWith("Invalid irrigation configuration: ", ex.Message);
            }
        }

        private static void Set(IrrigationSettings settings, string setting, int value)
        {
            ZoneSettings zone = settings.Zones[1];
            switch (setting)
            {
                case "ProbeSamples": settings.ProbeSamples = value; break;
                case "NoFlowTimeoutSeconds": settings.NoFlowTimeoutSeconds = value; break;
                case "ValveSettleSeconds": settings.ValveSettleSeconds = value; break;
                case "MaxRunMinutes": settings.MaxRunMinutes = value; break;
                case "LeakWindowMinutes": settings.LeakWindowMinutes = value; break;
                case "TankFullDistanceMillimeters": settings.TankFullDistanceMillimeters = value; break;
                case "TankEmptyDistanceMillimeters": settings.TankEmptyDistanceMillimeters = value; break;
                case "TankCapacityLitres": settings.TankCapacityLitres = value; break;
                case "MinimumReservoirPercent": settings.MinimumReservoirPercent = value; break;
                case "BrightLightLux": settings.BrightLightLux = value; break;
                case "ScheduleIntervalMinutes": settings.ScheduleIntervalMinutes = value; break;
                case "Zones[1].ValvePin": zone.ValvePin = value; break;
                case "Zones[1].ProbeChannel": zone.ProbeChannel = value; break;
                case "Zones[1].ProbeDryRaw": zone.ProbeDryRaw = value; break;
                case "Zones[1].ProbeWetRaw": zone.ProbeWetRaw = value; break;
                case "Zones[1].DryThresholdPercent": zone.DryThresholdPercent = value; break;
                case "Zones[1].WetTargetPercent": zone.WetTargetPercent = value; break;
                default: throw new ArgumentException("No such setting in this test: " + setting);
            }
        }
    }
}
