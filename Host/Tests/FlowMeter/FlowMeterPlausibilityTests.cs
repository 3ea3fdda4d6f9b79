namespace HostTests.FlowMeter
{
    using System;
    using Drivers.FlowMeter;
    using Simulators.FlowSensor;
    using VirtualBoard;
    using Xunit;

    /// <summary>
    /// The meter never reports a negative window or a count the sensor cannot produce. The ESP32 pulse counter's native
    /// read adds its overflow accumulator (steps of 32,767) to the hardware count without a lock, so one reading can be
    /// off by ±32,767 (nf-interpreter nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp); the
    /// simulator injects exactly that, and the meter must measure through it.
    /// </summary>
    public class FlowMeterPlausibilityTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(-1)]
        public void SampleLitresPerMinute_ReadRaceInTheWindow_ReportsTheTrueWindowThenTheNext(int sign)
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 20); // 150 Hz
            rig.Run(TimeSpan.FromSeconds(1));
            rig.Meter.SampleLitresPerMinute();
            rig.Run(TimeSpan.FromSeconds(2));

            rig.Sensor.InjectOverflowRace(sign);
            double glitched = rig.Meter.SampleLitresPerMinute(out long glitchedPulses, out _);
            rig.Run(TimeSpan.FromSeconds(2));
            double next = rig.Meter.SampleLitresPerMinute(out long nextPulses, out _);

            Assert.Equal(300, glitchedPulses);
            Assert.Equal(20.0, glitched, 12);
            Assert.Equal(300, nextPulses);
            Assert.Equal(20.0, next, 12);
            Assert.Equal(rig.Sensor.TruePulseCount, rig.Meter.TotalPulses);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(-1)]
        public void SampleLitresPerMinute_ReadRace_CostsOneMoreReadOfTheCounter(int sign)
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 20);
            PulseCounterUnit unit = Board.Pin(FlowSensorSimulator.BenchGpio).PulseCounters[0];
            rig.Run(TimeSpan.FromSeconds(1));
            long readsBefore = unit.Reads;

            rig.Meter.SampleLitresPerMinute();
            long plainReads = unit.Reads - readsBefore;
            rig.Sensor.InjectOverflowRace(sign);
            rig.Run(TimeSpan.FromSeconds(1));
            rig.Meter.SampleLitresPerMinute();

            Assert.Equal(1, plainReads);
            Assert.Equal(3, unit.Reads - readsBefore);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(-1)]
        public void TotalPulsesAndLitres_ReadRace_StayTheTruth(int sign)
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 30);
            rig.Run(TimeSpan.FromSeconds(4)); // 900 pulses = 2 L

            rig.Sensor.InjectOverflowRace(sign);
            long total = rig.Meter.TotalPulses;
            rig.Sensor.InjectOverflowRace(sign);
            double litres = rig.Meter.TotalLitres;

            Assert.Equal(900, total);
            Assert.Equal(2.0, litres, 12);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(-1)]
        public void Calibrate_ReadRace_UsesTheTrueCount(int sign)
        {
            using var rig = new MeterRig(Source.PulseCounter, 480, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.FlowLitresPerMinute = 10;
            rig.Meter.StartCalibration();
            rig.Run(TimeSpan.FromSeconds(30)); // 5 L, 2400 pulses of this unit

            rig.Sensor.InjectOverflowRace(sign);
            double kFactor = rig.Meter.Calibrate(5.0);

            Assert.Equal(480.0, kFactor, 9);
        }

        [Fact]
        public void SampleLitresPerMinute_LongWindowPastTheRaceStep_CountsEveryPulse()
        {
            // A YF-S401 at 6 L/min makes 35,280 pulses a minute: a true window larger than the race's 32,767 is read twice
            // and kept.
            using var rig = new MeterRig(Source.PulseCounter, 5880, FlowSensorPulsesPerLitre.YfS401);
            rig.Sensor.FlowLitresPerMinute = 6;
            rig.Run(TimeSpan.FromMinutes(1));

            double rate = rig.Meter.SampleLitresPerMinute(out long pulses, out _);

            Assert.Equal(35_280, pulses);
            Assert.Equal(6.0, rate, 12);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void SampleLitresPerMinute_FlowBeyondOneAndAHalfTimesTheRating_IsRefusedAndNotCounted(Source source)
        {
            using var rig = MeterRig.YfS201(source, 20);
            rig.Run(TimeSpan.FromSeconds(2));
            rig.Meter.SampleLitresPerMinute();
            rig.Sensor.FlowLitresPerMinute = 60; // 450 Hz: 900 pulses in 2 s, over 1.5 × 225 Hz × 2 s + 128 = 803
            rig.Run(TimeSpan.FromSeconds(2));

            Assert.Throws<InvalidOperationException>(() => rig.Meter.SampleLitresPerMinute());
            rig.Sensor.FlowLitresPerMinute = 20;
            rig.Run(TimeSpan.FromSeconds(2));
            double rate = rig.Meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

            // The refused stretch stays in the window's time but none of its pulses are counted.
            Assert.Equal(300, pulses);
            Assert.Equal(4_000_000, elapsedMicroseconds);
            Assert.Equal(10.0, rate, 12);
            Assert.Equal(300 + 300, rig.Meter.TotalPulses);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void SampleLitresPerMinute_FlowAtOneAndAFifthTimesTheRating_IsReported(Source source)
        {
            using var rig = MeterRig.YfS201(source, 36); // 270 Hz
            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(36.0, rig.Meter.SampleLitresPerMinute(), 12);
        }

        [Fact]
        public void MaximumLitresPerMinute_RaisedForAFasterSensor_AcceptsItsFlow()
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 50);
            rig.Meter.MaximumLitresPerMinute = 60;
            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(50.0, rig.Meter.SampleLitresPerMinute(), 12);
        }

        [Theory]
        [InlineData(450.0, 30.0)]
        [InlineData(5880.0, 6.0)]
        [InlineData(330.0, 60.0)]
        [InlineData(288.0, 60.0)]
        [InlineData(470.0, 60.0)]
        public void MaximumLitresPerMinute_Default_IsThePresetsRatingElse60(double pulsesPerLitre, double expected)
        {
            using var rig = new MeterRig(Source.PulseCounter, 450, pulsesPerLitre);

            Assert.Equal(expected, rig.Meter.MaximumLitresPerMinute);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-5.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void MaximumLitresPerMinute_NotAFiniteNumberAboveZero_ThrowsNamingValueAndKeepsTheOld(double value)
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 0);

            ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => rig.Meter.MaximumLitresPerMinute = value);

            Assert.Equal("value", thrown.ParamName);
            Assert.Equal(30.0, rig.Meter.MaximumLitresPerMinute);
        }

        [Fact]
        public void PulseCounter_FirmwareWithRelativeTime1000TimesTooLarge_IsRefusedAfter100Milliseconds()
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 20);
            Board.Pin(FlowSensorSimulator.BenchGpio).PulseCounters[0].RelativeTimeMultiplier = 1000;
            rig.Run(TimeSpan.FromMilliseconds(50));
            rig.Meter.SampleLitresPerMinute(); // too soon to judge the clock

            rig.Run(TimeSpan.FromMilliseconds(100));
            NotSupportedException refused = Assert.Throws<NotSupportedException>(() => rig.Meter.SampleLitresPerMinute());

            Assert.Contains("firmware", refused.Message);
            Assert.Throws<NotSupportedException>(() => rig.Meter.TotalPulses);
        }

        [Fact]
        public void PulseCounter_RelativeTimeAgreeingWithTheTickCount_IsCheckedOnceAndTrusted()
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 20);
            rig.Run(TimeSpan.FromMilliseconds(150));
            rig.Meter.SampleLitresPerMinute();

            // Once accepted, the clock is not judged again (the check costs nothing after the first 100 ms): a clock that
            // went wrong later would only show as a rate far too low.
            Board.Pin(FlowSensorSimulator.BenchGpio).PulseCounters[0].RelativeTimeMultiplier = 1000;
            rig.Run(TimeSpan.FromSeconds(1));

            Assert.InRange(rig.Meter.SampleLitresPerMinute(), 0.0, 0.1);
        }

        [Fact]
        public void MaximumLitresPerMinute_AfterDispose_Throws()
        {
            var rig = MeterRig.YfS201(Source.PulseCounter, 0);
            rig.Dispose();

            Assert.Throws<ObjectDisposedException>(() => rig.Meter.MaximumLitresPerMinute);
        }
    }
}
