namespace HostTests.FlowMeter
{
    using System;
    using Drivers.FlowMeter;
    using VirtualBoard;
    using Xunit;

    /// <summary>
    /// Bounce and glitches: the GPIO source's minimum-pulse interval and the PCNT glitch filter, each shown off and on
    /// against the same disturbed signal. A YF-S201 at 30 L/min: 225 Hz, a 4.44 ms period, 2.22 ms half-periods. The
    /// PCNT filter is in nanoseconds: nanoFramework hands it to ESP-IDF as max_glitch_ns, and IDF programs
    /// 80 × ns / 1000 APB cycles of 12.5 ns (1023 ns → 81 cycles → 1012.5 ns).
    /// </summary>
    public class FlowMeterFilterTests
    {
        private const long TruePulsesIn10Seconds = 2250; // 7.5 Hz per L/min × 30 L/min × 10 s (hardware.md §3.1)

        // The 2250th falling edge comes at exactly 10 s; 1 ms more lets its bounce settle (the next pulse is 2.2 ms away).
        private static readonly TimeSpan TenSecondsSettled = TimeSpan.FromMilliseconds(10_001);

        [Fact]
        public void MinimumPulseInterval_BouncingSignal_CountsEachPulseOnce()
        {
            // 4 ms: above half a period + the bounce + 1 ms of TickCount64 resolution (2.22 + 0.3 + 1), at most a period.
            using var rig = BouncingGpioRig(minimumPulseIntervalMilliseconds: 4);

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Sensor.LineRisingEdges); // 1 real + 3 + 3 bounce rising edges
            Assert.Equal(TruePulsesIn10Seconds, rig.Sensor.TruePulseCount);
            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void MinimumPulseInterval_Off_CountsEveryBounce()
        {
            using var rig = BouncingGpioRig(minimumPulseIntervalMilliseconds: 0);
            AcceptDisturbedCounts(rig);

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Meter.TotalPulses);
        }

        [Fact]
        public void MinimumPulseInterval_ShorterThanHalfAPeriodPlusBounce_CountsTheFallingEdgesBounceToo()
        {
            // The bounce after a falling edge makes rising edges half a period after the real one, 2.27 ms here.
            using var rig = BouncingGpioRig(minimumPulseIntervalMilliseconds: 2);
            AcceptDisturbedCounts(rig);

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Meter.TotalPulses);
        }

        [Fact]
        public void MinimumPulseInterval_LongerThanThePeriod_DropsRealPulses()
        {
            using var rig = new MeterRig(Source.GpioInterrupt, 450, FlowSensorPulsesPerLitre.YfS201, minimumPulseIntervalMilliseconds: 5);
            rig.Sensor.WaitForHandlers = true;
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds, rig.Sensor.TruePulseCount);
            Assert.InRange(rig.Meter.TotalPulses, 1, TruePulsesIn10Seconds * 3 / 4);
        }

        [Fact]
        public void DefaultFilter_Is1023NanosecondsThatIs81ApbCycles()
        {
            Assert.Equal(1023, FlowMeter.DefaultFilterNanoseconds);
            Assert.Equal(FlowMeter.MaxFilterNanoseconds, FlowMeter.DefaultFilterNanoseconds);
            Assert.Equal(81, PulseCounterUnit.FilterCyclesFor(FlowMeter.DefaultFilterNanoseconds));

            using var rig = MeterRig.YfS201(Source.PulseCounter, 0);

            // 81 cycles × 12.5 ns = 1012.5 ns: pulses of 1.0 µs (10 ticks) are dropped, 1.1 µs (11 ticks) are counted.
            Assert.Equal(11, Board.Pin(Simulators.FlowSensor.FlowSensorSimulator.BenchGpio).PulseCounters[0].FilterTicks);
        }

        [Theory]
        [InlineData(5)] // 0.5 µs
        [InlineData(10)] // 1.0 µs, still under 1012.5 ns
        public void DefaultFilter_GlitchesUnderOneMicrosecond_AreIgnored(long glitchTicks)
        {
            using var rig = GlitchingPulseCounterRig(FlowMeter.DefaultFilterNanoseconds, glitchTicks);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Sensor.LineRisingEdges);
            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void DefaultFilter_GlitchesOf1Point1Microseconds_AreCounted()
        {
            // Read as APB cycles (12.79 µs) the filter would drop these: in nanoseconds it cannot.
            using var rig = GlitchingPulseCounterRig(FlowMeter.DefaultFilterNanoseconds, glitchTicks: 11);
            AcceptDisturbedCounts(rig);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Meter.TotalPulses);
        }

        [Fact]
        public void Filter_Off_CountsEveryGlitch()
        {
            using var rig = GlitchingPulseCounterRig(filterNanoseconds: 0, glitchTicks: 5);
            AcceptDisturbedCounts(rig);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Meter.TotalPulses);
        }

        [Fact]
        public void Filter_Under13Nanoseconds_IsZeroApbCyclesAndFiltersNothing()
        {
            // IDF: 80 × 12 / 1000 = 0 cycles in integer arithmetic.
            Assert.Equal(0, PulseCounterUnit.FilterCyclesFor(12));
            using var rig = GlitchingPulseCounterRig(filterNanoseconds: 12, glitchTicks: 1);
            AcceptDisturbedCounts(rig);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Meter.TotalPulses);
        }

        [Fact]
        public void Filter_125Nanoseconds_Drops100NanosecondGlitches()
        {
            Assert.Equal(10, PulseCounterUnit.FilterCyclesFor(125)); // 125 ns exactly
            using var rig = GlitchingPulseCounterRig(filterNanoseconds: 125, glitchTicks: 1);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void DefaultFilter_BounceNarrowerThanTheFilter_IsIgnored()
        {
            using var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 8; // 0.8 µs
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Sensor.LineRisingEdges);
            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void LargestFilter_MicrosecondBounce_GetsThrough()
        {
            // 2 µs bounce is beyond PCNT's ≈ 1 µs: it needs an RC filter or the GPIO source's interval (README).
            using var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201, filterNanoseconds: FlowMeter.MaxFilterNanoseconds);
            AcceptDisturbedCounts(rig);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 20;
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Meter.TotalPulses);
        }

        [Fact]
        public void DisturbedCount_BeyondWhatTheSensorCanTurn_IsRefused()
        {
            // The same 2 µs bounce with the YF-S201's own 30 L/min rating: seven counts per pulse are 1575 Hz, far over
            // 1.5 × 225 Hz, so the meter refuses the reading instead of reporting 210 L/min.
            using var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 20;
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TenSecondsSettled);

            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => rig.Meter.SampleLitresPerMinute());
            Assert.Contains("MaximumLitresPerMinute", refused.Message);
            Assert.Equal(0, rig.Meter.TotalPulses);
        }

        // The filter tests count disturbances on purpose: lift the plausibility bound so the meter reports them.
        private static void AcceptDisturbedCounts(MeterRig rig) => rig.Meter.MaximumLitresPerMinute = 1000;

        private static MeterRig BouncingGpioRig(int minimumPulseIntervalMilliseconds)
        {
            var rig = new MeterRig(Source.GpioInterrupt, 450, FlowSensorPulsesPerLitre.YfS201, minimumPulseIntervalMilliseconds: minimumPulseIntervalMilliseconds);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 500; // 50 µs: 3 bounces settle 300 µs after each edge
            rig.Sensor.WaitForHandlers = true;
            rig.Sensor.FlowLitresPerMinute = 30;
            return rig;
        }

        private static MeterRig GlitchingPulseCounterRig(int filterNanoseconds, long glitchTicks)
        {
            var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201, filterNanoseconds: filterNanoseconds);
            rig.Sensor.Glitches = true;
            rig.Sensor.GlitchTicks = glitchTicks;
            rig.Sensor.FlowLitresPerMinute = 30;
            return rig;
        }
    }
}
