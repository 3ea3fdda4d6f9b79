using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Harness.Compatibility;
using HostTests.Compatibility;
using HostTests.Foundation;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Readme
{
    /// <summary>
    /// Every C# block of every README is a complete program or library file that a maker can paste: it compiles as
    /// C# 9 against the drivers (their host builds, on the nanoFramework 1.x stand-in) and keeps to the nanoFramework
    /// 1.x API of the drivers' packages. The drivers' examples are also the device example tests, line for line.
    /// </summary>
    public class ReadmeExampleTests
    {
        private const string Begin = "// README example: begin";
        private const string End = "// README example: end";

        /// <summary>The device projects a README example may use, as a maker's own solution would reference them.</summary>
        private static readonly string[] Referenced = { "Drivers.VL6180X", "Drivers.Mcp23008", "Drivers.FlowMeter" };

        private readonly ITestOutputHelper _output;

        public ReadmeExampleTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> CSharpBlocks() => ReadmeCodeBlocks.CSharp.Select(b => new object[] { b.ToString() });

        public static IEnumerable<object[]> DeviceExamples() => new[]
        {
            new object[] { "Tests/Vl6180X/Vl6180XExampleTests.cs", "Drivers.VL6180X/README.md" },
            new object[] { "Tests/Mcp23008/Mcp23008ExampleTests.cs", "Drivers.Mcp23008/README.md" },
            new object[] { "Tests/FlowMeter/FlowMeterExampleTests.cs", "Drivers.FlowMeter/README.md" },
        };

        [Theory]
        [MemberData(nameof(CSharpBlocks))]
        public void CSharpBlock_CompilesAgainstTheDrivers_WithTheNanoFrameworkApiOnly(string block)
        {
            ReadmeCodeBlocks.Block code = ReadmeCodeBlocks.CSharp.Single(b => b.ToString() == block);
            IEnumerable<string> drivers = Referenced.Select(DeviceBuilds.AssemblyPath);

            MemoryStream image = DeviceCompiler.Compile("Readme." + Path.GetDirectoryName(code.File).Replace('/', '.') + ".L" + code.Line,
                $"#line {code.Line + 1} \"{code.File}\"\n" + code.Code, extraReferences: drivers);
            CompatibilityReport report = CompatibilityCheck.Check(image, MakersProject(), DeviceBuilds.Listings);

            _output.WriteLine(report.ToString());
            Assert.True(report.Passed, block + ":\n" + report);
        }

        [Fact]
        public void EveryDriverReadme_HasACSharpExample()
        {
            foreach (string driver in Referenced)
            {
                Assert.Contains(ReadmeCodeBlocks.CSharp, b => b.File == driver + "/README.md");
            }

            Assert.Contains("README.md", ReadmeCodeBlocks.Files);
        }

        [Fact]
        public void Parser_FindsEveryFenceLanguageThatMeansCSharp()
        {
            string[] markdown = "x\n```cs\nA\n```\n  ~~~~C# title\n  B\n  ~~~~\n```csharp\nC\n````\n```sh\nD\n```\n```\nE\n```".Split('\n');

            List<ReadmeCodeBlocks.Block> blocks = ReadmeCodeBlocks.Parse("probe.md", markdown).ToList();

            Assert.Equal(new[] { "cs", "C#", "csharp", "sh", "" }, blocks.Select(b => b.Language));
            Assert.Equal(new[] { "A", "B", "C", "D", "E" }, blocks.Select(b => b.Code));
            Assert.Equal(new[] { 2, 5, 8, 11, 14 }, blocks.Select(b => b.Line));
            Assert.Equal(3, blocks.Count(b => ReadmeCodeBlocks.CSharpLanguages.Contains(b.Language, StringComparer.OrdinalIgnoreCase)));
        }

        [Theory]
        [MemberData(nameof(DeviceExamples))]
        public void DeviceExampleTest_IsPrintedInTheReadme(string deviceTest, string readme)
        {
            List<string[]> regions = Regions(File.ReadAllLines(RepoPaths.Of(deviceTest)));
            List<string[]> blocks = ReadmeCodeBlocks.CSharp.Where(b => b.File == readme).Select(b => Significant(b.Code.Split('\n'))).ToList();

            Assert.NotEmpty(regions);
            foreach (string[] region in regions)
            {
                Assert.True(blocks.Any(b => Contains(b, region)),
                    $"{readme} has no C# block with these lines of {deviceTest} (compared without indentation):\n" + string.Join("\n", region));
            }
        }

        /// <summary>A maker's application: the three drivers referenced, with the packages they bring.</summary>
        private static DeviceProject MakersProject()
        {
            List<NuGetPackage> packages = Referenced.SelectMany(r => DeviceBuilds.Project(r).Packages)
                .GroupBy(p => p.Id).Select(g => g.First()).ToList();
            return new DeviceProject("ReadmeExample", packages, Referenced);
        }

        private static List<string[]> Regions(string[] lines)
        {
            var regions = new List<string[]>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != Begin)
                {
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == End);
                Assert.True(end > i, $"'{Begin}' at line {i + 1} has no '{End}'.");
                regions.Add(Significant(lines.Skip(i + 1).Take(end - i - 1)));
                i = end;
            }

            return regions;
        }

        private static string[] Significant(IEnumerable<string> lines) => lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        private static bool Contains(string[] block, string[] region) =>
            Enumerable.Range(0, Math.Max(0, block.Length - region.Length + 1)).Any(start => block.Skip(start).Take(region.Length).SequenceEqual(region));
    }
}
