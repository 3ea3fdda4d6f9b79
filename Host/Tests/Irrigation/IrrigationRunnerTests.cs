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
            Assert.Contains(lines, l => l.Contains("while a valve was open: 3.0 transfers per minute (WriteRead 2.0, Write 1.0) = 852 B"));
            Assert.Contains("Alarms: None; valve outputs on the MCP23008 (OLAT): 0x00", lines);
        }

        [Theory]
        [InlineData("dead-flow", "ALARM no-flow: zone 1")]
        [InlineData("leak", "ALARM leak: 3.0 L/min")]
        [InlineData("vl6180x-missing", "ALARM tank-sensor: VL6180X")]
        [InlineData("mcp23008-nack", "ALARM valve-driver: MCP23008")]
        public void Main_Fault_PrintsTheAlarmAndEndsWithTheValveClosed(string fault, string alarm)
        {
            (int exit, string output) = Run("--zone", "1", "--minutes", "5", "--fault", fault);

            Assert.Equal(0, exit);
            Assert.Contains(alarm, output);
            Assert.Contains("valve outputs on the MCP23008 (OLAT): 0x00", output);
        }

        [Theory]
        [InlineData(new[] { "--zone", "9" }, "--zone is '9'; allowed a whole number 1..8.")]
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
        public void Main_MinutesAboveTheConfiguredMaximum_ExitsWithTwoNamingTheSetting()
        {
            (int exit, string output) = Run("--minutes", "45");

            Assert.Equal(2, exit);
            Assert.Contains("A run lasts 1..30 minutes (MaxRunMinutes); asked for 45.", output);
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
            Assert.Equal(15, report.OpenValveTransfers.Count); // 5 minutes × (tank Write + WriteRead, valve WriteRead)
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
