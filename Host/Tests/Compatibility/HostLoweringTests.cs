using System.Collections.Generic;
using System.IO;
using System.Linq;
using Harness.Compatibility;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Compatibility
{
    /// <summary>
    /// Device constructs, compiled by Roslyn as C# 9 against the stand-in and the shims, pass the check: what the host
    /// compiler lowers differently from the device compiler is covered by the lowering table, and nothing else is.
    /// </summary>
    public class HostLoweringTests
    {
        private readonly ITestOutputHelper _output;

        public HostLoweringTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> Snippets() =>
            from name in DeviceSnippets.Sources.Keys
            from optimization in new[] { OptimizationLevel.Debug, OptimizationLevel.Release }
            select new object[] { name, optimization };

        [Theory]
        [MemberData(nameof(Snippets))]
        public void DeviceConstruct_PassesTheCheck(string construct, OptimizationLevel optimization)
        {
            CompatibilityReport report = CompatibilityCheck.Check(
                DeviceCompiler.Compile("Snippets." + construct, DeviceSnippets.Sources[construct], optimization),
                DeviceSnippets.Project, DeviceBuilds.Listings);

            _output.WriteLine(report.ToString());
            foreach (string lowering in report.Lowerings.Select(l => l.ToString()).Distinct())
            {
                _output.WriteLine("  accepted host lowering: " + lowering);
            }

            Assert.True(report.Passed, report.ToString());
        }

        [Fact]
        public void LoweringTable_IsTheReadmeTable()
        {
            string[] rows = File.ReadAllLines(Path.Combine(DeviceBuilds.RepositoryRoot, "Host", "Harness", "Compatibility", "README.md"))
                .Where(l => l.StartsWith("| ") && !l.StartsWith("| Construct") && !l.StartsWith("|---")).ToArray();

            Assert.Equal(HostLowering.Table.Select(l => l.Construct), rows.Select(r => r.Substring(2, r.IndexOf(" | ", 2) - 2)));
        }
    }
}
