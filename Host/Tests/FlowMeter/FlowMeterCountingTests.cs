namespace HostTests.FlowMeter
{
    using System;
    using System.Threading;
    using Drivers.FlowMeter;
    using VirtualBoard;
    using Xunit;

    /// <summary>Totals, rates and sampling windows, on both pulse sources, against the simulated sensor's truth.</summary>
    public class FlowMeterCountingTests
    {
        // hardware.md §3.1: k in Hz per L/min; pulses per litre = 60·k.
        private const double YfS201HertzPerLitrePerMinute = 7.5;
        private const double YfS401HertzPerLitrePerMinute = 98.0;

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void TotalPulses_OneMillionPulses_CountsEveryPulseAndReadsAllocateNothing(Source source)
        {
            using var rig = new MeterRig(source, 5880, FlowSensorPulsesPerLitre.YfS401);
            rig.Sensor.FlowLitresPerMinute = 6; // 588 Hz, the YF-S401's top
            double hertz = YfS401HertzPerLitrePerMinute * 6;
            rig.Run(TimeSpan.FromSeconds(1)); // warm-up: 588 pulses
            long handlerBytesBefore = Board.Events.HandlerAllocatedBytes;
            long readBytes = 0;
            long windowSum = rig.Meter.TotalPulses;
            rig.Meter.SampleLitresPerMinute(out _, out _);

            // 1,000,000 more pulses in 100 steps; phase starts mid-period, so no edge sits on a step boundary.
            const int Steps = 100;
            const long PulsesPerStep = 10_000;
            for (int i = 0; i < Steps; i++)
            {
                rig.Run((long)(PulsesPerStep / hertz * TimeSpan.TicksPerSecond));
                long pulses = 0;
                readBytes += AllocationLedger.DriverBytes(() => rig.Meter.SampleLitresPerMinute(out pulses, out _));
                readBytes += AllocationLedger.DriverBytes(() => _ = rig.Meter.TotalPulses + rig.Meter.TotalLitres);
                windowSum += pulses;
            }

            const long Expected = 588 + (Steps * PulsesPerStep);
            Assert.Equal(Expected, rig.Sensor.TruePulseCount);
            Assert.Equal(Expected, rig.Meter.TotalPulses);
            Assert.Equal(Expected, windowSum);
            Assert.Equal(Expected / 5880.0, rig.Meter.TotalLitres, 12);
            Assert.Equal(0, readBytes);
            Assert.Equal(0, Board.Events.HandlerAllocatedBytes - handlerBytesBefore);
            if (source == Source.GpioInterrupt)
            {
                // Both edges reach the handler, which counts only rising ones. The sensor rested low at the start and
                // the last pulse's falling edge is still half a period away: one falling edge fewer than rising ones.
                Assert.Equal((2 * Expected) - 1, Board.Events.Delivered);
            }
        }

        [Theory]
        [InlineData(Source.PulseCounter, 1.0)]
        [InlineData(Source.PulseCounter, 10.0)]
        [InlineData(Source.PulseCounter, 30.0)]
        [InlineData(Source.GpioInterrupt, 1.0)]
        [InlineData(Source.GpioInterrupt, 10.0)]
        [InlineData(Source.GpioInterrupt, 30.0)]
        public void SampleLitresPerMinute_SteadyFlowOnAYfS201_IsTheFlowExactly(Source source, double litresPerMinute)
        {
            using var rig = new MeterRig(source, 450, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.FlowLitresPerMinute = litresPerMinute;
            long expectedPulses = (long)(YfS201HertzPerLitrePerMinute * litresPerMinute * 10);

            for (int window = 0; window < 3; window++)
            {
                rig.Run(TimeSpan.FromSeconds(10));

                double rate = rig.Meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

                Assert.Equal(expectedPulses, pulses);
                Assert.Equal(10_000_000, elapsedMicroseconds);
                Assert.Equal(litresPerMinute, rate, 12);
            }
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void SampleLitresPerMinute_IrregularWindows_UsesTheElapsedTimeItMeasured(Source source)
        {
            using var rig = MeterRig.YfS201(source, 25);
            long[] windowMilliseconds = { 1_300, 7_700, 250, 61_001, 3 };
            long trueBefore = 0;

            foreach (long milliseconds in windowMilliseconds)
            {
                rig.Run(TimeSpan.FromMilliseconds(milliseconds));

                double rate = rig.Meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

                long truePulses = rig.Sensor.TruePulseCount - trueBefore;
                trueBefore = rig.Sensor.TruePulseCount;
                Assert.Equal(truePulses, pulses);
                Assert.Equal(milliseconds * 1000, elapsedMicroseconds);
                Assert.Equal(truePulses / 450.0 / (milliseconds / 60_000.0), rate, 9);
            }
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void SampleLitresPerMinute_NoTimeElapsed_ReturnsZeroAndKeepsTheWindowOpen(Source source)
        {
            using var rig = MeterRig.YfS201(source, 30);
            rig.Run(TimeSpan.FromSeconds(2));
            rig.Meter.SampleLitresPerMinute();
            rig.Run(TimeSpan.FromSeconds(2));
            rig.Meter.SampleLitresPerMinute();

            double rate = rig.Meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

            Assert.Equal(0.0, rate);
            Assert.Equal(0, pulses);
            Assert.Equal(0, elapsedMicroseconds);
            rig.Run(TimeSpan.FromSeconds(2));
            Assert.Equal(30.0, rig.Meter.SampleLitresPerMinute(out pulses, out _), 12);
            Assert.Equal(450, pulses);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void SampleLitresPerMinute_PulsesArrivingOnAnotherThread_EveryPulseLandsInExactlyOneWindow(Source source)
        {
            using var rig = new MeterRig(source, 5880, FlowSensorPulsesPerLitre.YfS401);
            rig.Sensor.FlowLitresPerMinute = 6;
            int samples = 0;
            var driver = new Thread(() =>
            {
                // 20 s of flow in 1 ms steps. After every 100 steps the driver waits for one more sample, so the two
                // threads are sure to overlap many times even on a busy machine.
                for (int block = 0; block < 200; block++)
                {
                    int seen = Volatile.Read(ref samples);
                    for (int step = 0; step < (block == 199 ? 99 : 100); step++)
                    {
                        Board.Clock.Advance(TimeSpan.FromMilliseconds(1));
                    }

                    SpinWait.SpinUntil(() => Volatile.Read(ref samples) > seen + 1);
                }
            });
            long windowSum = 0;
            int windowsWithPulses = 0;

            driver.Start();
            while (driver.IsAlive)
            {
                rig.Meter.SampleLitresPerMinute(out long pulses, out _);
                Interlocked.Increment(ref samples);
                windowSum += pulses;
                windowsWithPulses += pulses > 0 ? 1 : 0;
            }

            driver.Join();
            Board.Events.WaitUntilIdle();
            Board.Clock.Advance(TimeSpan.FromMilliseconds(1)); // 20 s in all; the last window is never empty of time
            Board.Events.WaitUntilIdle();
            rig.Meter.SampleLitresPerMinute(out long last, out _);
            windowSum += last;

            Assert.Equal((long)(YfS401HertzPerLitrePerMinute * 6 * 20), rig.Sensor.TruePulseCount);
            Assert.Equal(rig.Sensor.TruePulseCount, windowSum);
            Assert.Equal(rig.Sensor.TruePulseCount, rig.Meter.TotalPulses);
            Assert.True(windowsWithPulses > 10, $"the sampler saw pulses in {windowsWithPulses} window(s)");
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void Reset_AfterFlow_ZeroesTotalsAndRestartsTheWindow(Source source)
        {
            using var rig = MeterRig.YfS201(source, 30);
            rig.Run(TimeSpan.FromSeconds(10));

            rig.Meter.Reset();

            Assert.Equal(0, rig.Meter.TotalPulses);
            Assert.Equal(0.0, rig.Meter.TotalLitres);
            rig.Run(TimeSpan.FromSeconds(4));
            Assert.Equal(30.0, rig.Meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds), 12);
            Assert.Equal(900, pulses);
            Assert.Equal(4_000_000, elapsedMicroseconds);
            Assert.Equal(900, rig.Meter.TotalPulses);
            Assert.Equal(2.0, rig.Meter.TotalLitres, 12);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void TotalPulses_PastTheSixteenBitRange_KeepsCounting(Source source)
        {
            // A 16-bit counter wraps at 65 535 pulses ≈ 145.6 L on a YF-S201 (hardware.md §3.4 #1).
            using var rig = MeterRig.YfS201(source, 30);

            rig.Run(TimeSpan.FromMinutes(10)); // 300 L

            Assert.Equal(135_000, rig.Meter.TotalPulses);
            Assert.Equal(300.0, rig.Meter.TotalLitres, 12);
        }
    }
}
