using System;
using System.Device.I2c;
using System.IO;
using System.Linq;
using HostIrrigation;
using Samples.Irrigation;
using Simulators;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// Valve supervision, chip-reset recovery and start-up: the firmware against bus outages, brown-outs and sensor
    /// resets, on the virtual board and through the host command.
    /// </summary>
    public class IrrigationRecoveryTests
    {
        private const long MinuteMilliseconds = 60000;
        private const string StackFrame = @"(?m)^\s+at [\w.`<>]+\(";

        [Fact]
        public void Command_NackFrom119sFor6s_EndsWithTheValvesClosedAndExitCodeOne()
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5", "--fault", "mcp23008-nack", "--fault-after", "119", "--fault-for", "6");

            Assert.Equal(1, exit);
            Assert.Contains("ALARM valve-driver: MCP23008", output);
            Assert.Contains("Valves confirmed closed by read-back after", output);
            Assert.Equal("Valves: all closed (OLAT 0x00)", LastLine(output));
        }

        [Theory]
        [InlineData(6)]
        [InlineData(95)]
        [InlineData(1200)]
        public void Water_BusOutageOfAnyLength_ValveConfirmedClosedWithin30sOfTheBusAnswering(int outageSeconds)
        {
            var bench = new GardenBench(null);
            long busBackAt = GardenBench.NowMilliseconds + 119000 + (outageSeconds * 1000L);
            bench.Garden.InjectFor(GardenFault.Mcp23008Nack, GardenBench.NowMilliseconds + 119000, outageSeconds * 1000L);

            bench.Controller.Water(1, 5);
            Assert.True(bench.IdleUntilValvesConfirmed(3600000));

            I2cTransaction closed = Board.I2cLog.For(Garden.ExpanderAddress)
                .Last(t => t.Method == I2cMethod.Write && t.Status == I2cTransferStatus.FullTransfer);
            Assert.Equal(new byte[] { 0x0A, 0x00 }, closed.Written);
            long confirmedAt = closed.TimeTicks / TimeSpan.TicksPerMillisecond;
            Assert.InRange(confirmedAt - busBackAt, 0, ValveSupervisor.MaximumRetryMilliseconds);
            Assert.Equal(0, bench.Garden.OpenValves);
            Assert.True(bench.Controller.LastRun.Alarms.HasFlag(Alarm.ValveDriverFault));
        }

        [Fact]
        public void Close_BusDown_RetriesWithBackoffDoublingFrom200msTo30s()
        {
            var bench = new GardenBench(null);
            bench.Garden.InjectFor(GardenFault.Mcp23008Nack, GardenBench.NowMilliseconds + 90000, 15 * MinuteMilliseconds);

            bench.Controller.Water(1, 5);
            bench.IdleUntilValvesConfirmed(3600000);

            long[] nacked = Board.I2cLog.For(Garden.ExpanderAddress)
                .Where(t => t.Status == I2cTransferStatus.SlaveAddressNotAcknowledged)
                .Select(t => t.TimeTicks / TimeSpan.TicksPerMillisecond).ToArray();
            // The minute's check fails, the run's close fails at once, then the retries.
            long[] gaps = nacked.Skip(2).Select((t, i) => t - nacked[i + 1]).ToArray();
            long[] expected = { 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000 };
            Assert.True(gaps.Length > expected.Length, string.Join(", ", gaps));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.InRange(gaps[i], expected[i] - 2, expected[i] + 2);
            }

            Assert.All(gaps.Skip(expected.Length), g => Assert.InRange(g, 0, ValveSupervisor.MaximumRetryMilliseconds + 2));
            Assert.True(bench.Controller.Valves.ConfirmedClosed);
        }

        [Fact]
        public void Command_OutageLongerThanTheHostWaits_NotConfirmedClosedAndExitCodeThree()
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5", "--fault", "mcp23008-nack", "--fault-after", "119", "--fault-for", "3600");

            Assert.Equal(3, exit);
            Assert.Contains("ALARM valve-close-failed", output);
            Assert.Equal("Valves: NOT confirmed closed (OLAT 0x01)", LastLine(output));
        }

        [Fact]
        public void SchedulePass_FlowWithEveryValveClosed_ClosesEveryValve()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);
            foreach (GardenZone zone in bench.Garden.Zones)
            {
                zone.MoisturePercent = 80; // nothing to water
            }

            // The chip drives valve 1 although the firmware closed every valve (a latch upset the firmware cannot see).
            bench.Garden.Expander.Registers[Mcp23008Simulator.OLAT].Value = 0x01;
            bench.Garden.Refresh();
            bench.Clock.Sleep(60000);

            bench.Controller.RunSchedulePass();

            Assert.Contains(log.Lines, l => l.StartsWith("ALARM leak:") && l.EndsWith("closing every valve"));
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.Equal(0, bench.Garden.OpenValves);
            Assert.True(bench.Controller.Valves.ConfirmedClosed);
        }

        [Fact]
        public void Command_ScheduleWithBrownout_LogsTheResetAndALaterRunDeliversWater()
        {
            (int exit, string output) = Run("--schedule", "6", "--fault", "mcp23008-brownout");

            string[] lines = Lines(output);
            int reset = Array.FindIndex(lines, l => l.StartsWith("Valve driver reset: the MCP23008 lost its configuration", StringComparison.Ordinal));
            Assert.True(reset >= 0, output);
            string used = lines.Skip(reset).First(l => l.StartsWith("Water used: ", StringComparison.Ordinal));
            Assert.True(double.Parse(used.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) > 100, used);
            Assert.DoesNotContain("ALARM", output);
            Assert.Equal(0, exit);
            Assert.Equal("Valves: all closed (OLAT 0x00)", LastLine(output));
        }

        [Fact]
        public void Brownout_BetweenPasses_RestoredWithValvesOffAndTheNextRunWaters()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);
            bench.Garden.Zones[0].MoisturePercent = 80;
            bench.Garden.Refresh();
            bench.RunSchedule(1);
            bench.Garden.InjectAt(GardenFault.Mcp23008Brownout, GardenBench.NowMilliseconds + 60000);
            bench.Clock.Sleep(120000);
            Assert.Equal(0xFF, bench.Garden.Expander.Peek(Mcp23008Simulator.IODIR));
            bench.Garden.Zones[0].MoisturePercent = 20;
            bench.Garden.Refresh();
            double before = bench.Garden.Zones[0].DeliveredLitres;

            bench.RunSchedule(1);

            Assert.Contains("Valve driver reset: the MCP23008 lost its configuration (brown-out?); rewriting it with every valve closed", log.Lines);
            Assert.True(bench.Garden.Zones[0].DeliveredLitres - before > 50);
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
            Assert.Equal(0xF0, bench.Garden.Expander.Peek(Mcp23008Simulator.IODIR));
        }

        [Fact]
        public void Brownout_DuringARun_NoDryLineAlarmAndTheRunCompletes()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.InjectAt(GardenFault.Mcp23008Brownout, GardenBench.NowMilliseconds + 65000);

            RunOutcome outcome = bench.Controller.Water(1, 10);

            Assert.Equal(RunOutcome.Completed, outcome);
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
            Assert.Contains("Valve driver reset: the MCP23008 lost its configuration (brown-out?); rewriting it with valve output GP0 on", log.Lines);
            Assert.Equal(1, bench.Controller.Valves.ResetsDetected);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Fact]
        public void Brownout_LongerThanTheNoFlowTimeout_RepairedNotBlamedOnTheLine()
        {
            // The chip answers again only after 40 s, past the 30 s no-flow timeout: the valve was closed by the reset.
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.InjectFor(GardenFault.Mcp23008Brownout, GardenBench.NowMilliseconds + 62000, 40000);

            bench.Controller.Water(1, 5);

            Assert.DoesNotContain(log.Lines, l => l.StartsWith("ALARM no-flow", StringComparison.Ordinal));
        }

        [Fact]
        public void Vl6180XReset_DuringARun_LoggedAndTheTankReadsRightAgain()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.InjectAt(GardenFault.Vl6180XReset, GardenBench.NowMilliseconds + 100000);

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Completed, outcome);
            Assert.Contains("Tank sensor reset: the VL6180X was reset (power glitch?); initialised again, offset and scaling kept", log.Lines);
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
            Assert.Equal(1, bench.Hardware.RangeSensor.RangeScaling);
            Assert.Equal(0, bench.Garden.TankSensor.Registers[0x016].Value);
            string last = log.Lines.Last(l => l.StartsWith("Minute 5:", StringComparison.Ordinal));
            int litres = int.Parse(last.Split("| tank ")[1].Split(' ')[0]);
            Assert.InRange(litres, bench.Garden.TankLitres - 8, bench.Garden.TankLitres + 8);
        }

        [Fact]
        public void Command_NackAtStartFor3s_StartsOnceItClearsAndWatersWithoutAStackTrace()
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5", "--fault", "mcp23008-nack", "--fault-after", "0", "--fault-for", "3");

            Assert.Equal(0, exit);
            Assert.Contains("Start-up: try 1 failed, no valve can be driven yet: MCP23008 IODIR (0x00)", output);
            Assert.Contains("Next try in 200 ms.", output);
            Assert.Contains("Next try in 400 ms.", output);
            Assert.Contains("Start-up: hardware ready at try", output);
            Assert.Contains("Water used: 60.0 L in 5 min 0 s (completed)", output);
            Assert.DoesNotMatch(StackFrame, output);
            Assert.Equal("Valves: all closed (OLAT 0x00)", LastLine(output));
        }

        [Theory]
        [InlineData("dead-flow")]
        [InlineData("leak")]
        [InlineData("vl6180x-missing")]
        [InlineData("mcp23008-nack")]
        [InlineData("mcp23008-brownout")]
        [InlineData("vl6180x-reset")]
        [InlineData("flow-overread")]
        [InlineData("burst")]
        [InlineData("pcnt-glitch")]
        public void Command_EveryFault_AtStartAndDuringARun_NoStackTraceAndAValvesLine(string fault)
        {
            foreach (string[] timing in new[] { new[] { "--fault-after", "0" }, new[] { "--fault-after", "30", "--fault-for", "40" } })
            {
                (int exit, string output) = Run(new[] { "--zone", "2", "--minutes", "2", "--fault", fault }.Concat(timing).ToArray());

                Assert.DoesNotMatch(StackFrame, output);
                Assert.DoesNotContain("Unhandled", output);
                Assert.Contains(exit, new[] { 0, 1 });
                Assert.Matches(@"^Valves: all closed \(OLAT 0x00\)$", LastLine(output));
            }
        }

        [Fact]
        public void SchedulePass_LogLinesCarryTheSimulatedTimeOfDay()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);

            bench.RunSchedule(2);

            string[] schedule = log.RawLines.Where(l => l.Contains("Schedule: ")).ToArray();
            Assert.Equal("[05:00:00] Schedule: zone 1 at 25% is below 30%", schedule[0]);
            Assert.All(schedule, l => Assert.Matches(@"^\[\d\d:\d\d:\d\d\] Schedule: ", l));
            Assert.StartsWith("[05:", schedule[1]);
        }

        internal static (int Exit, string Output) Run(params string[] args)
        {
            TextWriter console = Console.Out;
            TextWriter error = Console.Error;
            var captured = new StringWriter();
            Console.SetOut(captured);
            Console.SetError(captured);
            try
            {
                return (Program.Main(args), captured.ToString());
            }
            finally
            {
                Console.SetOut(console);
                Console.SetError(error);
            }
        }

        private static string[] Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        private static string LastLine(string output) => Lines(output).Last(l => l.Length > 0);
    }
}
