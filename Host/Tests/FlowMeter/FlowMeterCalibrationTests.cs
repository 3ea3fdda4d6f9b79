namespace HostTests.FlowMeter
{
    using System;
    using Drivers.FlowMeter;
    using Xunit;

    /// <summary>K-factor presets against hardware.md §3.1, custom factors, and calibration from a measured volume.</summary>
    public class FlowMeterCalibrationTests
    {
        [Theory]
        [InlineData(FlowSensorPulsesPerLitre.YfS201, 7.5)]
        [InlineData(FlowSensorPulsesPerLitre.YfS401, 98.0)]
        [InlineData(FlowSensorPulsesPerLitre.Fs300A, 5.5)]
        [InlineData(FlowSensorPulsesPerLitre.Fs400A, 4.8)]
        public void Preset_IsSixtyTimesTheDatasheetHertzPerLitrePerMinute(double preset, double hertzPerLitrePerMinute)
        {
            Assert.Equal(60 * hertzPerLitrePerMinute, preset, 9);
        }

        [Theory]
        [InlineData(FlowSensorPulsesPerLitre.YfS201, 10.0)]
        [InlineData(FlowSensorPulsesPerLitre.YfS401, 3.0)]
        [InlineData(FlowSensorPulsesPerLitre.Fs300A, 45.0)]
        [InlineData(FlowSensorPulsesPerLitre.Fs400A, 60.0)]
        public void TotalLitres_SensorMatchingItsPreset_IsTheVolumeThatFlowed(double preset, double litresPerMinute)
        {
            using var rig = new MeterRig(Source.PulseCounter, preset, preset);
            rig.Sensor.FlowLitresPerMinute = litresPerMinute;

            rig.Run(TimeSpan.FromMinutes(2));

            Assert.Equal(2 * litresPerMinute, rig.Sensor.TrueVolumeLitres, 9);
            Assert.Equal(2 * litresPerMinute, rig.Meter.TotalLitres, 9);
            Assert.Equal(litresPerMinute, rig.Meter.SampleLitresPerMinute(), 9);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void Calibrate_UnitTenPercentFast_LearnsItsOwnKFactorFromAMeasuredVolume(Source source)
        {
            // A YF-S201 that really gives 495 pulses per litre, read with the nominal 450: 10 % high until calibrated.
            using var rig = new MeterRig(source, 495, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.FlowLitresPerMinute = 12;
            rig.Run(TimeSpan.FromSeconds(30));
            rig.Meter.StartCalibration();
            rig.Sensor.FlowLitresPerMinute = 5;
            rig.Run(TimeSpan.FromMinutes(2)); // 10 L into the jug
            Assert.Equal(11.0 + 6.6, rig.Meter.TotalLitres, 9);

            double pulsesPerLitre = rig.Meter.Calibrate(10.0);

            Assert.Equal(495.0, pulsesPerLitre, 9);
            Assert.Equal(495.0, rig.Meter.PulsesPerLitre, 9);
            Assert.Equal(rig.Sensor.TrueVolumeLitres, rig.Meter.TotalLitres, 9); // 16 L: litres are recomputed from pulses
            rig.Meter.SampleLitresPerMinute();
            rig.Sensor.FlowLitresPerMinute = 20;
            rig.Run(TimeSpan.FromSeconds(6));
            Assert.Equal(20.0, rig.Meter.SampleLitresPerMinute(), 9);
        }

        [Fact]
        public void Calibrate_NoPulsesSinceTheMark_ThrowsInvalidOperation()
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 10);
            rig.Run(TimeSpan.FromSeconds(5));
            rig.Sensor.FlowLitresPerMinute = 0;
            rig.Meter.StartCalibration();
            rig.Run(TimeSpan.FromSeconds(5));

            Assert.Throws<InvalidOperationException>(() => rig.Meter.Calibrate(1.0));
            Assert.Equal(450.0, rig.Meter.PulsesPerLitre);
        }

        [Fact]
        public void PulsesPerLitre_CustomValue_RescalesTotalsAndRates()
        {
            using var rig = new MeterRig(Source.PulseCounter, 500, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.FlowLitresPerMinute = 15;
            rig.Run(TimeSpan.FromMinutes(1));

            rig.Meter.PulsesPerLitre = 500;

            Assert.Equal(7500, rig.Meter.TotalPulses);
            Assert.Equal(15.0, rig.Meter.TotalLitres, 12);
            Assert.Equal(15.0, rig.Meter.SampleLitresPerMinute(), 12);
        }
    }
}
