namespace HostTests.FlowMeter
{
    using System;
    using Drivers.FlowMeter;
    using Xunit;

    /// <summary>
    /// Bounce and glitches: the GPIO source's minimum-pulse interval and the PCNT glitch filter, each shown off and on
    /// against the same disturbed signal. A YF-S201 at 30 L/min: 225 Hz, a 4.44 ms period, 2.22 ms half-periods.
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

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Meter.TotalPulses);
        }

        [Fact]
        public void MinimumPulseInterval_ShorterThanHalfAPeriodPlusBounce_CountsTheFallingEdgesBounceToo()
        {
            // The bounce after a falling edge makes rising edges half a period after the real one, 2.27 ms here.
            using var rig = BouncingGpioRig(minimumPulseIntervalMilliseconds: 2);

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
        public void FilterPulses_GlitchesNarrowerThanTheFilter_AreIgnored()
        {
            using var rig = GlitchingPulseCounterRig(FlowMeter.DefaultFilterPulses); // 1023 cycles = 12.79 µs > 2 µs

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Sensor.LineRisingEdges);
            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void FilterPulses_Off_CountsEveryGlitch()
        {
            using var rig = GlitchingPulseCounterRig(filterPulses: 0);

            rig.Run(TimeSpan.FromSeconds(10));

            Assert.Equal(TruePulsesIn10Seconds * 2, rig.Meter.TotalPulses);
        }

        [Fact]
        public void FilterPulses_BounceNarrowerThanTheFilter_IsIgnored()
        {
            using var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201, filterPulses: FlowMeter.MaxFilterPulses);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 100; // 10 µs
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Sensor.LineRisingEdges);
            Assert.Equal(TruePulsesIn10Seconds, rig.Meter.TotalPulses);
        }

        [Fact]
        public void FilterPulses_BounceWiderThanTheLargestFilter_GetsThrough()
        {
            // 50 µs bounce is beyond PCNT's 12.79 µs: it needs an RC filter or the GPIO source's interval (README).
            using var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201, filterPulses: FlowMeter.MaxFilterPulses);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 500;
            rig.Sensor.FlowLitresPerMinute = 30;

            rig.Run(TenSecondsSettled);

            Assert.Equal(TruePulsesIn10Seconds * 7, rig.Meter.TotalPulses);
        }

        private static MeterRig BouncingGpioRig(int minimumPulseIntervalMilliseconds)
        {
            var rig = new MeterRig(Source.GpioInterrupt, 450, FlowSensorPulsesPerLitre.YfS201, minimumPulseIntervalMilliseconds: minimumPulseIntervalMilliseconds);
            rig.Sensor.BouncesPerEdge = 3;
            rig.Sensor.BounceTicks = 500; // 50 µs: 3 bounces settle 300 µs after each edge
            rig.Sensor.WaitForHandlers = true;
            rig.Sensor.FlowLitresPerMinute = 30;
            return rig;
        }

        private static MeterRig GlitchingPulseCounterRig(int filterPulses)
        {
            var rig = new MeterRig(Source.PulseCounter, 450, FlowSensorPulsesPerLitre.YfS201, filterPulses: filterPulses);
            rig.Sensor.Glitches = true;
            rig.Sensor.GlitchTicks = 20; // 2 µs spikes mid-low-phase
            rig.Sensor.FlowLitresPerMinute = 30;
            return rig;
        }
    }
}
