using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using HostTests.Foundation;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The footprint command (Host/Footprint) run in-process on the real drivers, as on a fresh clone: it writes the table
    /// and the chart with real figures for every driver, and the report committed under docs/footprint and the tables
    /// embedded in the README are that run's.
    /// </summary>
    public sealed class FootprintCommandTests : IDisposable
    {
        private const string Date = "2026-01-01";

        // Every registered subject with its operations, and the drivers the MicroPython measurement has.
        private static readonly (string Driver, string[] Operations)[] Subjects =
        {
            ("FlowMeter", new[] { "PulseHandler", "Sample" }),
            ("FlowMeterPulseCounter", new[] { "Sample" }),
            ("Mcp23008", new[] { "WritePin", "ReadPin", "ServeInterrupt" }),
            ("VL6180X", new[] { "ReadRange", "ReadRangeContinuous", "ReadLux" }),
        };

        private static readonly string[] MicroPythonDrivers = { "FlowMeter", "Mcp23008", "VL6180X" };

        // Rows that depend on where and when the report was made, not on the drivers.
        private static readonly string[] EnvironmentRows = { "| Commit |", "| Date |", "| SDK |" };

        private readonly string _output = Path.Combine(Path.GetTempPath(), "footprint-" + Guid.NewGuid().ToString("N"));
        private readonly Lazy<(string Markdown, string Svg)> _fresh;

        public FootprintCommandTests()
        {
            _fresh = new Lazy<(string, string)>(() =>
            {
                Assert.Equal(0, global::Footprint.Program.Main(new[] { "--out", _output, "--date", Date }));
                return (File.ReadAllText(Path.Combine(_output, "footprint.md")), File.ReadAllText(Path.Combine(_output, "footprint.svg")));
            });
        }

        public void Dispose()
        {
            if (Directory.Exists(_output))
            {
                Directory.Delete(_output, true);
            }
        }

        [Fact]
        public void FreshRun_WritesTheTableAndTheChart_WithRealFiguresForEveryDriver()
        {
            (string markdown, string svg) = _fresh.Value;
            string[] lines = markdown.Split('\n');

            foreach ((string driver, string[] operations) in Subjects)
            {
                string[] row = Cells(lines.Single(l => l.StartsWith($"| {driver} | ", StringComparison.Ordinal) && Cells(l).Length == 10 && IsNumber(Cells(l)[1])));
                Assert.True(new[] { row[1], row[6], row[9] }.All(IsNumber), $"{driver}: load, instance and static are figures: {string.Join(" | ", row)}");
                bool micro = MicroPythonDrivers.Contains(driver);
                Assert.Equal(micro, new[] { row[2], row[3], row[4], row[5], row[7], row[8] }.All(IsNumber));

                foreach (string operation in operations)
                {
                    string[] op = Cells(lines.Single(l => l.StartsWith($"| {driver} | {operation} | ", StringComparison.Ordinal)));
                    Assert.True(op.Skip(2).Take(6).All(IsNumber), $"{driver} {operation}: every nanoFramework column is a figure: {string.Join(" | ", op)}");
                    Assert.Equal("0", op[4]);
                    Assert.Equal(micro, IsNumber(op[8]));
                    Assert.True(op[7] == "0", $"{driver} {operation}: the driver's own garbage is 0: {string.Join(" | ", op)}");

                    Assert.Equal(int.Parse(op[5]), int.Parse(op[6]) + int.Parse(op[7]));
                }
            }

            string[] unknown = IssueLines(markdown);
            Assert.True(unknown.Length == 0, "Operations with issues:\n" + string.Join("\n", unknown));
            XNamespace ns = "http://www.w3.org/2000/svg";
            List<string> titles = XDocument.Parse(svg).Descendants(ns + "title").Select(t => t.Value).ToList();
            int nanoBars = Subjects.Sum(s => 2 + s.Operations.Length);
            Assert.Equal(nanoBars, titles.Count(t => t.StartsWith("nanoCLR: ", StringComparison.Ordinal)));
            Assert.DoesNotContain("NA (nanoCLR)", svg);
        }

        [Fact]
        public void CommittedReport_IsAFreshRun()
        {
            (string markdown, string svg) = _fresh.Value;
            string committed = Path.Combine(RepoPaths.Root, "docs", "footprint");

            Assert.Equal(WithoutEnvironment(markdown), WithoutEnvironment(File.ReadAllText(Path.Combine(committed, "footprint.md"))));
            Assert.Equal(svg, File.ReadAllText(Path.Combine(committed, "footprint.svg")));
        }

        [Fact]
        public void Readme_EmbedsTheTablesOfAFreshRunAndTheChart()
        {
            string[] readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
            IEnumerable<string> tableRows = _fresh.Value.Markdown.Split('\n')
                .Where(l => Subjects.Any(s => l.StartsWith($"| {s.Driver} | ", StringComparison.Ordinal)));

            Assert.All(tableRows, row => Assert.Contains(row, readme));
            Assert.Contains(readme, l => l.Contains("](docs/footprint/footprint.svg)", StringComparison.Ordinal));
        }

        private static string[] IssueLines(string markdown) =>
            markdown.Split("## Operations with issues")[1].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToArray();

        private static string[] Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

        private static bool IsNumber(string cell) => double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

        private static string WithoutEnvironment(string markdown) =>
            string.Join("\n", markdown.Replace("\r\n", "\n").Split('\n').Where(l => !EnvironmentRows.Any(e => l.StartsWith(e, StringComparison.Ordinal))));
    }
}
