using System;
using HostIrrigation;
using Samples.Irrigation;
using Simulators;
using Simulators.FlowSensor;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// The ESP32 pulse-counter read race seen by the firmware: the native read takes the hardware count, then the
    /// overflow accumulator, without a lock, so one reading can be 32,767 pulses off. The test shifts the virtual PCNT
    /// unit's count around one flow check to give the firmware exactly such a reading. The firmware must stay safe
    /// whether or not the flow meter driver filters the reading: the valve ends closed, no false leak or burst is raised,
    /// and the 72.8 L the glitch stands for are never counted.
    /// </summary>
    public class IrrigationPulseCountGlitchTests
    {
        private const long Glitch = 32767;
        private static readonly Alarm FlowAlarms = Alarm.Leak | Alarm.BurstPipe | Alarm.BlockedLine | Alarm.NoFlow;

        [Theory]
        [InlineData(Glitch)]
        [InlineData(-Glitch)]
        public void Water_OneRacyReadingDuringTheRun_RejectedOrFilteredAndNeverCounted(long offset)
        {
            var bench = new GardenBench(null);

            // The 95 s check reads the count with the offset; every other read is right.
            GlitchAround(bench, 95000, offset);
            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms & FlowAlarms);
            Assert.True(
                outcome == RunOutcome.Completed || (outcome == RunOutcome.Fault && bench.Controller.ActiveAlarms == Alarm.FlowImplausible),
                $"{outcome}, {bench.Controller.ActiveAlarms}");
            Assert.InRange(bench.Controller.LastRun.Litres, 0, bench.Garden.LineLitres + 0.5);
        }

        [Fact]
        public void WaitIdle_OneRacyReadingWhileIdle_NoLeakAlarm()
        {
            var bench = new GardenBench(null);
            long start = GardenBench.NowMilliseconds;

            GlitchAround(bench, start + (10 * 60000), Glitch);
            bench.Controller.WaitIdle(30 * 60000);

            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms & Alarm.Leak);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        // The read the firmware makes at that time falls into the native read race: off by the offset, once
        // (FlowSensorSimulator.InjectOverflowRace models nf-interpreter's unlocked count + accumulator read).
        private static void GlitchAround(GardenBench bench, long readAtMilliseconds, long offset)
        {
            FlowSensorSimulator sensor = bench.Garden.FlowSensor;
            Board.Clock.ScheduleAt((readAtMilliseconds - 100) * TimeSpan.TicksPerMillisecond, () => sensor.InjectOverflowRace(Math.Sign(offset)));
        }
    }
}
