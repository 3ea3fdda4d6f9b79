namespace HostTests.FlowMeter
{
    using System;
    using System.Collections.Generic;
    using System.Device.Gpio;
    using System.Linq;
    using Simulators.FlowSensor;
    using VirtualBoard;
    using Xunit;

    /// <summary>The flow-sensor model against hardware.md §3, with no driver: frequency, duty, phase, disturbances.</summary>
    public class FlowSensorSimulatorTests
    {
        // hardware.md §3.1: YF-S201 k = 7.5 Hz per L/min (450 pulses per litre).
        private const double YfS201HertzPerLitrePerMinute = 7.5;

        private readonly FlowSensorSimulator _sensor;
        private readonly List<(long Ticks, bool Level)> _edges = new List<(long, bool)>();

        public FlowSensorSimulatorTests()
        {
            Board.Reset();
            _sensor = new FlowSensorSimulator(Board.Pin(FlowSensorSimulator.BenchGpio));
            _sensor.Pin.LevelChanged += (pin, level) => _edges.Add((Board.Clock.NowTicks, level));
        }

        private IEnumerable<long> RisingTicks => _edges.Where(e => e.Level).Select(e => e.Ticks);

        [Fact]
        public void Pulses_OneMinuteAt30LitresPerMinuteOnAYfS201_Are13500()
        {
            _sensor.FlowLitresPerMinute = 30;

            Board.Clock.Advance(TimeSpan.FromMinutes(1));

            Assert.Equal(225.0, _sensor.FrequencyHertz);
            Assert.Equal((long)(YfS201HertzPerLitrePerMinute * 30 * 60), _sensor.TruePulseCount);
            Assert.Equal(13500, RisingTicks.Count());
            Assert.Equal(30.0, _sensor.TrueVolumeLitres, 12);
        }

        [Fact]
        public void Waveform_At225Hertz_HasA4444MicrosecondPeriodAndHalfDuty()
        {
            _sensor.FlowLitresPerMinute = 30;

            Board.Clock.Advance(TimeSpan.FromSeconds(2));

            // 1/225 s = 44 444.4 ticks: every edge lands on the first tick at or after its exact time.
            long[] rising = RisingTicks.ToArray();
            Assert.All(rising.Zip(rising.Skip(1), (a, b) => b - a), period => Assert.InRange(period, 44444, 44445));
            long[] highTimes = _edges.Zip(_edges.Skip(1), (a, b) => (a, b)).Where(p => p.a.Level).Select(p => p.b.Ticks - p.a.Ticks).ToArray();
            Assert.All(highTimes, high => Assert.InRange(high, 22222, 22223));
            Assert.Equal(_sensor.LineEdges, _edges.Count);
        }

        [Fact]
        public void Pulses_FlowChangingMidPeriod_FollowTheIntegratedFlowExactly()
        {
            // Odd durations and rates, so that every change falls part-way through a period.
            (double LitresPerMinute, long Ticks)[] profile =
            {
                (1.0, 13_333_337), (30.0, 7_777_771), (0.0, 5_000_003), (17.3, 123_456_789), (2.5, 3_333_331), (29.9, 99_999_989),
            };
            double expectedPhase = 0.5;
            double expectedLitres = 0;

            foreach ((double litresPerMinute, long ticks) in profile)
            {
                _sensor.FlowLitresPerMinute = litresPerMinute;
                Board.Clock.Advance(ticks);
                double seconds = ticks / (double)TimeSpan.TicksPerSecond;
                expectedPhase += YfS201HertzPerLitrePerMinute * litresPerMinute * seconds;
                expectedLitres += litresPerMinute * seconds / 60.0;
            }

            Assert.Equal((long)Math.Floor(expectedPhase), _sensor.TruePulseCount);
            Assert.Equal(_sensor.TruePulseCount, RisingTicks.Count());
            Assert.Equal(expectedLitres, _sensor.TrueVolumeLitres, 9);
            Assert.Equal(expectedPhase, _sensor.Phase, 6);
        }

        [Fact]
        public void NoFlow_DrivesNoEdges()
        {
            Board.Clock.Advance(TimeSpan.FromMinutes(10));

            Assert.Empty(_edges);
            Assert.False(_sensor.Pin.Level);
            Assert.Equal(0, _sensor.TrueVolumeLitres);
        }

        [Fact]
        public void Bounce_TwoPerEdge_AddsTwoShortPulsesAfterEveryRealEdge()
        {
            _sensor.BouncesPerEdge = 2;
            _sensor.BounceTicks = 500; // 50 µs
            _sensor.FlowLitresPerMinute = 30;

            // 1 s + 1 ms: the bounce after the 225th falling edge (at exactly 1 s) has settled, the 226th pulse is 1.2 ms away.
            Board.Clock.Advance(TimeSpan.FromMilliseconds(1001));

            Assert.Equal(225, _sensor.TruePulseCount);
            // Each real edge is followed by 2 back-and-forth pairs, 50 µs apart: per pulse 2 real + 2 × 4 bounce edges.
            Assert.Equal(225 * 10, _sensor.LineEdges);
            Assert.Equal(225 * 5, _sensor.LineRisingEdges);
            long[] gaps = _edges.Zip(_edges.Skip(1), (a, b) => b.Ticks - a.Ticks).ToArray();
            Assert.Equal(225 * 8, gaps.Count(g => g == 500));
            Assert.False(_sensor.Pin.Level);
        }

        [Fact]
        public void Glitches_AddOneNarrowSpikeMidLowPhase()
        {
            _sensor.Glitches = true;
            _sensor.GlitchTicks = 20; // 2 µs
            _sensor.FlowLitresPerMinute = 30;

            Board.Clock.Advance(TimeSpan.FromSeconds(1));

            Assert.Equal(225, _sensor.TruePulseCount);
            Assert.Equal(2 * 225, _sensor.LineRisingEdges);
            long[] highTimes = _edges.Zip(_edges.Skip(1), (a, b) => (a, b)).Where(p => p.a.Level).Select(p => p.b.Ticks - p.a.Ticks).ToArray();
            Assert.Equal(225, highTimes.Count(h => h == 20));
            Assert.Equal(225, highTimes.Count(h => h >= 22222));
        }

        [Fact]
        public void Edges_ReachGpioEventsAndThePulseCounterAlike()
        {
            int risingEvents = 0;
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(FlowSensorSimulator.BenchGpio, PinMode.Input);
            pin.ValueChanged += (sender, e) =>
            {
                if (e.ChangeType == PinEventTypes.Rising)
                {
                    risingEvents++;
                }
            };
            using var counter = new GpioPulseCounter(FlowSensorSimulator.BenchGpio) { Polarity = GpioPulsePolarity.Rising };
            counter.Start();
            _sensor.FlowLitresPerMinute = 10;

            Board.Clock.Advance(TimeSpan.FromSeconds(60));
            Board.Events.WaitUntilIdle();

            Assert.Equal(4500, _sensor.TruePulseCount);
            Assert.Equal(4500, counter.Read().Count);
            Assert.Equal(4500, risingEvents);
            Assert.Equal(9000, Board.Events.Delivered);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(-1)]
        public void InjectOverflowRace_NextPulseCounterReadIsOffBy32767Once(int sign)
        {
            // nf-interpreter's native read adds the overflow accumulator (steps of MAX_COUNTER_VALUE, 0x7FFF) to the
            // hardware count without a lock: a reading that falls on an overflow is one step off.
            using var counter = new GpioPulseCounter(FlowSensorSimulator.BenchGpio) { Polarity = GpioPulsePolarity.Rising };
            counter.Start();
            _sensor.FlowLitresPerMinute = 10;
            Board.Clock.Advance(TimeSpan.FromSeconds(2)); // 150 pulses

            _sensor.InjectOverflowRace(sign);
            long glitched = counter.Read().Count;
            long next = counter.Read().Count;

            Assert.Equal(150 + (sign * 32767), glitched);
            Assert.Equal(150, next);
            Assert.Equal(150, _sensor.TruePulseCount);
        }

        [Fact]
        public void InjectOverflowRace_AlsoSpoilsAReadWithReset()
        {
            using var counter = new GpioPulseCounter(FlowSensorSimulator.BenchGpio) { Polarity = GpioPulsePolarity.Rising };
            counter.Start();
            _sensor.FlowLitresPerMinute = 10;
            Board.Clock.Advance(TimeSpan.FromSeconds(2));

            _sensor.InjectOverflowRace(-1);

            Assert.Equal(150 - 32767, counter.Reset().Count);
            Assert.Equal(0, counter.Read().Count);
        }

        [Fact]
        public void InjectOverflowRace_NoPulseCounterOnThePin_Throws()
        {
            Assert.Throws<InvalidOperationException>(() => _sensor.InjectOverflowRace(1));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(2)]
        [InlineData(-32767)]
        public void InjectOverflowRace_SignOtherThanPlusOrMinusOne_ThrowsNamingSign(int sign)
        {
            using var counter = new GpioPulseCounter(FlowSensorSimulator.BenchGpio);

            ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => _sensor.InjectOverflowRace(sign));

            Assert.Equal("sign", thrown.ParamName);
        }
    }
}
