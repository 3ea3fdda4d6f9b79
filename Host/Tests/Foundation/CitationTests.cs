using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace HostTests.Foundation
{
    /// <summary>
    /// Every fact the repository cites lives in it: each <c>name.md §section</c> names a file of docs/ and a heading of
    /// that file, and no path leads outside the repository (docs/README.md). The scanner's own tests show it fails on
    /// each kind of fault.
    /// </summary>
    public class CitationTests
    {
        private static readonly IReadOnlyDictionary<string, string> SyntheticDocs = new Dictionary<string, string>
        {
            ["hardware.md"] = "# Facts\n\n## 2. MCP23008\n\n### 2.5 Interrupt logic\n\n### 2.6 Quirks\n\n## 3. Flow\n\n### 3.4 Failure modes\n",
            ["nanoclr-heap.md"] = "# Heap\n\n## 3b. Garbage per execution\n\n## 3d. Re-measurement\n",
        };

        private static bool NothingExists(string path) => false;

        private static IReadOnlyList<string> CheckOne(string path, string text) =>
            CitationScanner.Check(new[] { new ScannedFile(path, text) }, SyntheticDocs, NothingExists);

        [Fact]
        public void Repository_EveryCitationResolvesUnderDocs_AndNothingPointsOutside()
        {
            IReadOnlyList<string> problems = CitationScanner.Check(RepositoryFiles(), CitationScanner.ReadDocs(RepoPaths.Root),
                path => File.Exists(RepoPaths.Of(path)) || Directory.Exists(RepoPaths.Of(path)));

            Assert.True(problems.Count == 0, "Citations or paths that do not resolve inside the repository:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void Repository_TheScannerSeesTheKnownCitations()
        {
            IReadOnlyList<ScannedFile> files = RepositoryFiles();
            List<Citation> citations = files.SelectMany(CitationScanner.FindCitations).ToList();

            Assert.Contains(files, f => f.RelativePath == "Drivers.VL6180X/Vl6180X.cs");
            Assert.Contains(files, f => f.RelativePath == "MicroPython/measure.mjs");
            Assert.Contains(citations, c => c.DocName == "hardware.md" && c.Sections.Contains("1.8"));
            Assert.Contains(citations, c => c.DocName == "nanoclr-heap.md" && c.Sections.Contains("3b"));
            Assert.True(citations.Count >= 30, $"only {citations.Count} citations found: the scanner misses files");
            Assert.DoesNotContain(files, f => f.RelativePath.StartsWith("docs/footprint/"));
        }

        [Fact]
        public void Repository_WithoutAFactFile_EveryCitationOfItFails()
        {
            IReadOnlyList<ScannedFile> files = RepositoryFiles();
            IReadOnlyDictionary<string, string> docs = CitationScanner.ReadDocs(RepoPaths.Root);
            Dictionary<string, string> withoutHardware = docs.Where(d => d.Key != "hardware.md").ToDictionary(d => d.Key, d => d.Value);
            int hardwareCitations = files.SelectMany(CitationScanner.FindCitations).Count(c => c.DocName == "hardware.md");

            IReadOnlyList<string> baseline = CitationScanner.Check(files, docs, path => true);
            IReadOnlyList<string> without = CitationScanner.Check(files, withoutHardware, path => true);

            Assert.True(hardwareCitations > 0);
            Assert.Equal(baseline.Count + hardwareCitations, without.Count);
            Assert.All(without.Except(baseline), p => Assert.Contains("hardware.md, which does not exist under docs/", p));
        }

        /// <summary>The repository's files, less this test file, whose synthetic citations are wrong on purpose.</summary>
        private static IReadOnlyList<ScannedFile> RepositoryFiles() =>
            CitationScanner.ReadRepository(RepoPaths.Root).Where(f => f.RelativePath != "Host/Tests/Foundation/CitationTests.cs").ToList();

        [Fact]
        public void Headings_DeclareTheirSectionNumbers()
        {
            ISet<string> sections = CitationScanner.SectionsOf(
                "# Title\n## 1. Chip\n### 1.10 Address\n## 3b. Garbage\n### 2.5 Interrupt logic\r\n#### Not numbered\nText 4.2 here\n");

            Assert.Equal(new[] { "1", "1.10", "2.5", "3b" }, sections.OrderBy(s => s, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("hardware.md §2.5", new[] { "2.5" })]
        [InlineData("(hardware.md §2.6 and §4.2)", new[] { "2.6", "4.2" })]
        [InlineData("nanoclr-heap.md §3b, §3d", new[] { "3b", "3d" })]
        [InlineData("hardware.md §3.4 #1", new[] { "3.4" })]
        [InlineData("Formulas: hardware.md §3.2 (Q = (N/Δt)/k).", new[] { "3.2" })]
        public void FindCitations_ReadsTheSections(string text, string[] expected)
        {
            Citation citation = Assert.Single(CitationScanner.FindCitations(new ScannedFile("A.cs", text)));

            Assert.Equal(expected, citation.Sections);
        }

        [Theory]
        [InlineData("Drivers.X/X.cs", "// hardware.md §2.5 and §2.6")]
        [InlineData("Drivers.X/README.md", "see docs/nanoclr-heap.md §3b")]
        [InlineData("Drivers.X/README.md", "see ../docs/hardware.md §3.4 #1")]
        [InlineData("README.md", "see [docs/README.md](docs/README.md) and nothing else")]
        public void Check_ResolvingCitation_Passes(string path, string text)
        {
            IReadOnlyList<string> problems = CitationScanner.Check(new[] { new ScannedFile(path, text) }, SyntheticDocs,
                p => p == "docs/README.md");

            Assert.Empty(problems);
        }

        [Fact]
        public void Check_CitationOfAMissingFile_Fails()
        {
            string problem = Assert.Single(CheckOne("Drivers.X/X.cs", "line one\n// micropython.md §2: the VM\n"));

            Assert.Contains("Drivers.X/X.cs:2", problem);
            Assert.Contains("micropython.md, which does not exist under docs/", problem);
        }

        [Fact]
        public void Check_CitationOfAMissingSection_Fails()
        {
            string problem = Assert.Single(CheckOne("A.cs", "// hardware.md §2.7"));

            Assert.Contains("hardware.md §2.7", problem);
        }

        [Fact]
        public void Check_MissingSectionLaterInAChain_Fails()
        {
            string problem = Assert.Single(CheckOne("A.md", "hardware.md §2.5 and §9"));

            Assert.Contains("§9", problem);
        }

        [Theory]
        [InlineData("Host/hardware.md §2.5")]
        [InlineData("reference/nanoclr-heap.md §3b")]
        public void Check_CitationThroughAnotherFolder_Fails(string text)
        {
            string problem = Assert.Single(CheckOne("A.md", text));

            Assert.Contains("must name a file of docs/", problem);
        }

        [Theory]
        [InlineData("A.cs", "// Source: ../" + "shared/notes.md")]
        [InlineData("A.md", "measured (shared" + "/reference/heap notes)")]
        [InlineData("A.cs", "const string P = \"/" + "work/x\";")]
        public void Check_PathOutsideTheRepository_Fails(string path, string text)
        {
            IReadOnlyList<string> problems = CheckOne(path, text);

            Assert.Contains(problems, p => p.Contains("points outside the repository"));
        }

        [Theory]
        [InlineData("Drivers.X/README.md", "[notes](../../elsewhere/notes.md)", "points outside the repository")]
        [InlineData("Drivers.X/README.md", "[facts](../docs/missing.md)", "docs/missing.md, which does not exist")]
        public void Check_BrokenMarkdownLink_Fails(string path, string text, string expected)
        {
            string problem = Assert.Single(CheckOne(path, text));

            Assert.Contains(expected, problem);
        }
    }
}
