using System;
using System.IO;
using System.Linq;
using Harness.HeapModel;
using HostIrrigation;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>The main-job command (Host/Irrigation): its options, its output and its memory summary.</summary>
    public class IrrigationRunnerTests
    {
        [Fact]
        public void Main_ReadmeCommand_PrintsTheMinuteLinesTheSummaryAndTheMemorySummary()
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5");

            Assert.Equal(0, exit);
            string[] lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Contains("Watering zone 1 for 5 minutes", lines);
            Assert.Equal(5, lines.Count(l => l.StartsWith("Minute ", StringComparison.Ordinal)));
            Assert.Contains("Water used: 60.0 L in 5 min 0 s (completed)", lines);
            Assert.Contains(lines, l => l.StartsWith("Memory summary", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("while a valve was open: 5.0 transfers per minute (WriteRead 4.0, Write 1.0) = 1452 B"));
            Assert.Contains("Alarms: None; valve outputs on the MCP23008 (OLAT): 0x00", lines);
            Assert.Equal("Valves: all closed (OLAT 0x00)", lines.Last(l => l.Length > 0));
        }

        [Theory]
        [InlineData("dead-flow", "ALARM no-flow: zone 1")]
        [InlineData("leak", "ALARM leak: 3.0 L/min")]
        [InlineData("vl6180x-missing", "ALARM tank-sensor: VL6180X")]
        [InlineData("mcp23008-nack", "ALARM valve-driver: MCP23008")]
        public void Main_Fault_PrintsTheAlarmAndEndsWithTheValveClosed(string fault, string alarm)
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5", "--fault", fault);

            Assert.Equal(1, exit);
            Assert.Contains(alarm, output);
            Assert.Contains("valve outputs on the MCP23008 (OLAT): 0x00", output);
            Assert.EndsWith("Valves: all closed (OLAT 0x00)", output.TrimEnd());
        }

        [Theory]
        [InlineData(new[] { "--zone", "5" }, "--zone is '5'; allowed a whole number 1..4.")]
        [InlineData(new[] { "--minutes", "31" }, "--minutes is '31'; allowed a whole number 1..30.")]
        [InlineData(new[] { "--fault-after", "10" }, "--fault-after needs a --fault.")]
        [InlineData(new[] { "--fault-for", "10" }, "--fault-for needs a --fault.")]
        [InlineData(new[] { "--minutes", "5", "--fault", "leak", "--fault-after", "301" }, "--fault-after is 301 s, beyond the run (300 s); allowed 0..300.")]
        [InlineData(new[] { "--schedule", "1", "--fault", "leak", "--fault-after", "3601" }, "beyond the run (3600 s)")]
        [InlineData(new[] { "--fault", "leak", "--fault-for", "0" }, "--fault-for is '0'; allowed a whole number 1..86400.")]
        [InlineData(new[] { "--chaos", "2", "--zone", "1" }, "--chaos injects its own faults")]
        [InlineData(new[] { "--seed", "2" }, "--seed goes with --chaos.")]
        [InlineData(new[] { "--schedule", "2", "--minutes", "3" }, "--zone and --minutes are for a single run.")]
        [InlineData(new[] { "--fault", "rain" }, "Unknown fault 'rain'")]
        [InlineData(new[] { "--minutes" }, "--minutes needs a value.")]
        [InlineData(new[] { "--verbose" }, "Unknown option '--verbose'.")]
        public void Main_BadOption_ExitsWithTwoAndSaysWhy(string[] args, string message)
        {
            TextWriter error = Console.Error;
            var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                Assert.Equal(2, Program.Main(args));
            }
            finally
            {
                Console.SetError(error);
            }

            Assert.Contains(message, captured.ToString());
        }

        [Fact]
        public void Main_Help_ShowsTheRangesTheValidationChecks()
        {
            var settings = new Samples.Irrigation.IrrigationSettings();
            (int exit, string output) = Run("--help");

            Assert.Equal(0, exit);
            Assert.Contains($"zone to water, 1..{settings.Zones.Length} ", output);
            Assert.Contains($"minutes to water, 1..{settings.MaxRunMinutes} (MaxRunMinutes", output);
            Assert.Equal(2, Program.Main(new[] { "--zone", (settings.Zones.Length + 1).ToString() }));
            Assert.Equal(2, Program.Main(new[] { "--minutes", (settings.MaxRunMinutes + 1).ToString() }));
            foreach (string fault in new[] { "mcp23008-brownout", "vl6180x-reset", "flow-overread", "burst", "pcnt-glitch", "--fault-for S" })
            {
                Assert.Contains(fault, output);
            }

            Assert.Contains("Exit codes: 0 watered, no alarm; 1 an alarm was raised and every valve is confirmed closed; 2 usage error;", output);
        }

        [Fact]
        public void RunOptions_Defaults_ZoneOneForFiveMinutesNoFault()
        {
            RunOptions options = RunOptions.Parse(Array.Empty<string>());

            Assert.Equal(1, options.Zone);
            Assert.Equal(5, options.Minutes);
            Assert.Equal(GardenFault.None, options.Fault);
            Assert.Equal(0, options.ScheduleHours);
        }

        [Fact]
        public void MemoryReport_FiveMinuteRun_PricesEachTransferAtItsPlatformFloor()
        {
            var bench = new GardenBench(null);
            Board.I2cLog.Clear();
            long start = GardenBench.NowMilliseconds;
            bench.Controller.Water(1, 5);
            var transfers = Board.I2cLog.Entries;

            MemoryReport report = MemoryReport.Measure(bench.Controller, bench.Hardware, transfers, GardenBench.NowMilliseconds - start, new[] { "0123456789" });

            int writeReads = transfers.Count(t => t.Method == I2cMethod.WriteRead);
            int writes = transfers.Count(t => t.Method == I2cMethod.Write);
            Assert.Equal(transfers.Count, writeReads + writes);
            Assert.Equal((writeReads * 300) + (writes * 252), report.I2cGarbageBytes);
            // 5 minutes × (tank: reset check WriteRead, range Write + WriteRead; valves: configuration check 2 × WriteRead)
            Assert.Equal(25, report.OpenValveTransfers.Count);
            Assert.Equal(5 * 60000, report.OpenValveMilliseconds, 500.0);
            Assert.Equal(24, report.LogLineBytes); // 12 + 10 + 1 → 2 blocks
            Assert.Empty(report.LeftOut);
            Assert.All(report.DriverBytes, d => Assert.True(d.Value > 0, d.Key));
            HeapReport whole = HeapWalker.Measure(new[] { new HeapRoot("controller", bench.Controller), new HeapRoot("hardware", bench.Hardware) }, null);
            Assert.Equal(whole.TotalBytes, report.DriverBytes.Sum(d => d.Value) + report.ControllerBytes);
        }

        private static (int Exit, string Output) Run(params string[] args)
        {
            TextWriter console = Console.Out;
            var captured = new StringWriter();
            Console.SetOut(captured);
            try
            {
                return (Program.Main(args), captured.ToString());
            }
            finally
            {
                Console.SetOut(console);
            }
        }
    }
}
