using System;
using System.IO;
using System.Linq;
using Drivers.FlowMeter;
using HostIrrigation;
using Samples.Irrigation;
using Simulators;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// Flow checked for sense on the virtual bench: a burst pipe, a blocked line, a sensor that over-reads, a reading
    /// above the sensor's rating, and a leak that starts late in a long idle period.
    /// </summary>
    public class IrrigationFlowPlausibilityTests
    {
        private const int FaultAfterSeconds = 90;

        [Fact]
        public void Water_BurstPipeAfterTheValve_StopsWithBurstPipeAlarmAfterTwoChecksAndClosesTheValve()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.InjectFault(GardenFault.BurstPipe, FaultAfterSeconds);

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.FlowOutOfRange, outcome);
            Assert.Equal(Alarm.BurstPipe, bench.Controller.ActiveAlarms);
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.True(bench.Controller.LastRun.ValvesClosed);

            // The burst starts at 90 s; the 95 s and 100 s checks both read 24 L/min, above zone 1's 16 L/min.
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 100000, 100200);
            Assert.Equal(
                "ALARM burst-pipe: zone 1 draws 24.0 L/min, above its expected 16.0 L/min (burst pipe after the valve); run stopped",
                Assert.Single(log.StartingWith("ALARM")));
            Assert.EndsWith("(stopped: flow out of range)", log.Lines.Last());
        }

        [Fact]
        public void Water_BlockedLine_StopsWithBlockedLineAlarmOnceTheLineHasSettled()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.Zones[0].FlowLitresPerMinute = 3; // zone 1 expects 8..16 L/min

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.FlowOutOfRange, outcome);
            Assert.Equal(Alarm.BlockedLine, bench.Controller.ActiveAlarms);
            Assert.Equal(0, bench.Garden.OpenValves);

            // The 5 s check is the line's settle time; the 10 s and 15 s checks are out of range.
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 15000, 15200);
            Assert.Equal(
                "ALARM blocked-line: zone 1 draws 3.0 L/min, below its expected 8.0 L/min (blocked filter, pipe or emitters); run stopped",
                Assert.Single(log.StartingWith("ALARM")));
        }

        [Theory]
        [InlineData(9.5)]
        [InlineData(14.5)]
        public void Water_FlowWithinTheZoneRange_Completes(double litresPerMinute)
        {
            var bench = new GardenBench(null);
            bench.Garden.Zones[0].FlowLitresPerMinute = litresPerMinute;

            Assert.Equal(RunOutcome.Completed, bench.Controller.Water(1, 5));
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
        }

        [Fact]
        public void Water_OneCheckOutOfRange_DoesNotStopTheRun()
        {
            var bench = new GardenBench(null);

            // A 6 s surge from 92 s to 98 s touches the 95 s and 100 s windows: the 100 s window averages 12 + 6 × 12 / 5.
            Board.Clock.ScheduleAt(TimeSpan.FromSeconds(92).Ticks, () => bench.Garden.BurstLitresPerMinute = 12);
            Board.Clock.ScheduleAt(TimeSpan.FromSeconds(93).Ticks, () => bench.Garden.BurstLitresPerMinute = 0);

            Assert.Equal(RunOutcome.Completed, bench.Controller.Water(1, 5));
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
        }

        [Fact]
        public void Water_SensorOverReadingTenfold_RejectedAsImplausibleAndLitresNotInflated()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.InjectFault(GardenFault.FlowOverRead, FaultAfterSeconds);

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.Equal(Alarm.FlowImplausible, bench.Controller.ActiveAlarms);
            Assert.Equal(0, bench.Garden.OpenValves);
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 95000, 95200);
            string alarm = Assert.Single(log.StartingWith("ALARM"));
            Assert.StartsWith("ALARM flow-implausible: flow meter: The pulse count went backwards or rose faster", alarm);

            // The rejected window (10 L as read, 1 L that flowed) is not counted: 18 L to 90 s, plus the settle window
            // after the close, which sees the line's last second of over-read flow (24 L/min over 5 s, within the rating).
            Assert.InRange(bench.Controller.LastRun.Litres, 18, bench.Garden.LineLitres + 2);
        }

        [Fact]
        public void Water_BurstAboveTheSensorRating_RejectedAsImplausibleAndTheValveCloses()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            Board.Clock.ScheduleAt(TimeSpan.FromSeconds(FaultAfterSeconds).Ticks, () => bench.Garden.BurstLitresPerMinute = 20); // 32 L/min in all

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.Equal(Alarm.FlowImplausible, bench.Controller.ActiveAlarms);
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.StartsWith("ALARM flow-implausible: flow reads 32.0 L/min", Assert.Single(log.StartingWith("ALARM")));
        }

        [Theory]
        [InlineData(GardenFault.BurstPipe, "burst-pipe")]
        [InlineData(GardenFault.FlowOverRead, "flow-implausible")]
        public void SchedulePass_AfterAFlowAlarm_HeldUntilTheAlarmsAreCleared(GardenFault fault, string alarmName)
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.StartHour = 5;
            bench.Garden.Inject(fault);
            bench.Controller.RunSchedulePass();
            double delivered = bench.Garden.Zones[0].DeliveredLitres;

            bench.Controller.RunSchedulePass();

            Assert.Equal("Schedule: watering held by alarm: " + alarmName, log.Lines.Last());
            Assert.Equal(delivered, bench.Garden.Zones[0].DeliveredLitres);
        }

        [Fact]
        public void WaitIdle_LeakInTheLastTenOfThirtyMinutes_DetectedOverTheSlidingWindow()
        {
            // 0.5 L/min for the last 10 of 30 idle minutes averages 0.17 L/min over the whole idle time, below the
            // 0.3 L/min threshold; over the last 5 minutes it is 0.5 L/min.
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            long leakStart = GardenBench.NowMilliseconds + (20 * 60000);
            Board.Clock.ScheduleAt(leakStart * TimeSpan.TicksPerMillisecond, () => bench.Garden.LeakLitresPerMinute = 0.5);

            bench.Controller.WaitIdle(30 * 60000);

            Assert.Equal(Alarm.Leak, bench.Controller.ActiveAlarms);
            Assert.Equal("ALARM leak: 0.3 L/min with every valve closed (leak or valve stuck open); closing every valve", Assert.Single(log.Lines));
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Fact]
        public void WaitIdle_LeakInTheLastTenOfThirtyMinutes_RaisedWithinTheWindow()
        {
            var bench = new GardenBench(null);
            long leakStart = GardenBench.NowMilliseconds + (20 * 60000);
            Board.Clock.ScheduleAt(leakStart * TimeSpan.TicksPerMillisecond, () => bench.Garden.LeakLitresPerMinute = 0.5);
            long raisedAt = -1;
            for (int minute = 0; minute < 30 && raisedAt < 0; minute++)
            {
                bench.Controller.WaitIdle(60000);
                if (bench.Controller.ActiveAlarms == Alarm.Leak)
                {
                    raisedAt = GardenBench.NowMilliseconds;
                }
            }

            // 0.5 L/min fills 0.3 / 0.5 of the 5-minute window after 3 minutes.
            Assert.Equal(leakStart + (3 * 60000), raisedAt);
        }

        [Fact]
        public void WaitIdle_NoLeak_SamplesTheCounterOnlyAndRaisesNothing()
        {
            var bench = new GardenBench(null);
            Board.I2cLog.Clear();

            bench.Controller.WaitIdle(30 * 60000);

            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
            Assert.Empty(Board.I2cLog.Entries);
        }

        [Theory]
        [InlineData("burst", "ALARM burst-pipe: zone 1 draws 24.0 L/min")]
        [InlineData("flow-overread", "ALARM flow-implausible: flow meter: The pulse count")]
        public void HostCommand_FlowFault_PrintsTheAlarmAndEndsWithTheValveClosed(string fault, string alarm)
        {
            TextWriter console = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                HostIrrigation.Program.Main(new[] { "--zone", "1", "--minutes", "5", "--fault", fault });
            }
            finally
            {
                Console.SetOut(console);
            }

            string output = captured.ToString();
            Assert.Contains(alarm, output);
            Assert.Contains("valve outputs on the MCP23008 (OLAT): 0x00", output);
        }

        [Fact]
        public void Settings_MinimumFlowIsTheYfS201RatedMinimum()
        {
            var settings = new IrrigationSettings();

            Assert.Equal(FlowSensorRatedFlow.YfS201MinimumLitresPerMinute, settings.MinimumFlowLitresPerMinute);
            Assert.Equal(1.0, settings.FlowSensorMinimumLitresPerMinute);
            Assert.Equal(30.0, settings.FlowSensorMaximumLitresPerMinute);
            Assert.All(settings.Zones, z => Assert.InRange(z.ExpectedMinimumLitresPerMinute, 1.0, z.ExpectedMaximumLitresPerMinute));
        }
    }
}
