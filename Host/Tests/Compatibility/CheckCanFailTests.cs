using System.Collections.Generic;
using System.Linq;
using Harness.Compatibility;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Compatibility
{
    /// <summary>The check fails on what the device lacks: it names each offending member and where it came from.</summary>
    public class CheckCanFailTests
    {
        private readonly ITestOutputHelper _output;

        public CheckCanFailTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private const string ListAndClamp = @"
using System;
using System.Collections.Generic;

namespace Bad
{
    public class Levels
    {
        public int Count()
        {
            var levels = new List<int>();
            levels.Add(Math.Clamp(250, 0, 100));
            return levels.Count;
        }
    }
}";

        private const string GenericDefinitions = @"
namespace Bad
{
    public class Box<T>
    {
        public T Value;

        public static U Echo<U>(U value) => value;
    }
}";

        // System.Math is named, so Math itself is allowed: Clamp(int, int, int) still is not (1.x has only
        // double, float, long and ulong overloads).
        private static readonly DeviceProject Project = new DeviceProject("Bad",
            new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11"), new NuGetPackage("nanoFramework.System.Math", "1.5.116") },
            new string[0]);

        private static CompatibilityReport CheckSource(string name, string source) =>
            CompatibilityCheck.Check(DeviceCompiler.Compile(name, source), Project, DeviceBuilds.Listings);

        [Fact]
        public void ListOfIntAndMathClamp_AreBothNamed()
        {
            CompatibilityReport report = CheckSource("Bad.ListAndClamp", ListAndClamp);
            string text = report.ToString();
            _output.WriteLine(text);

            Assert.False(report.Passed);
            Finding clamp = Assert.Single(report.Findings, f => f.DocId == "M:System.Math.Clamp(System.Int32,System.Int32,System.Int32)");
            Assert.Equal(FindingKind.NotInListings, clamp.Kind);
            Assert.Equal("System.Runtime", clamp.Origin);
            Assert.Contains("Bad.Levels.Count", clamp.UsedIn);
            Assert.Contains(report.Findings, f => f.Kind == FindingKind.GenericInstantiation && f.DocId == "System.Collections.Generic.List{System.Int32}");
            Assert.Contains(report.Findings, f => f.Kind == FindingKind.NotInListings && f.DocId == "T:System.Collections.Generic.List`1" && f.Origin == "System.Collections");
            Assert.Contains(report.Findings, f => f.DocId == "M:System.Collections.Generic.List`1.Add(`0)");
            Assert.Contains(report.Findings, f => f.DocId == "P:System.Collections.Generic.List`1.Count");
            Assert.Contains("[Bad.ListAndClamp] M:System.Math.Clamp(System.Int32,System.Int32,System.Int32) from System.Runtime", text);
            Assert.Contains("System.Collections.Generic.List{System.Int32}", text);
        }

        [Fact]
        public void GenericTypeAndMethodDefinitions_AreNamed()
        {
            CompatibilityReport report = CheckSource("Bad.Generics", GenericDefinitions);

            Assert.Contains(report.Findings, f => f.Kind == FindingKind.GenericDefinition && f.DocId == "T:Bad.Box`1");
            Assert.Contains(report.Findings, f => f.Kind == FindingKind.GenericDefinition && f.DocId == "M:Bad.Box`1.Echo``1(``0)");
        }

        /// <summary>Host-only constructs, each wrapped in a method of class C; the doc ID the check must name.</summary>
        public static IEnumerable<object[]> HostOnly() => new[]
        {
            new object[] { "Console.WriteLine(int)", "System.Console.WriteLine(42);", "M:System.Console.WriteLine(System.Int32)" },
            new object[] { "Debug.WriteLine(format, args)", "System.Diagnostics.Debug.WriteLine(\"{0}\", 1);", "M:System.Diagnostics.Debug.WriteLine(System.String,System.Object[])" },
            new object[] { "DateTime.Now", "var now = System.DateTime.Now;", "P:System.DateTime.Now" },
            new object[] { "GC.Collect", "System.GC.Collect();", "M:System.GC.Collect" },
            new object[] { "Span<byte>", "System.Span<byte> s = new byte[2];", "System.Span{System.Byte}" },
            new object[] { "int?", "int? maybe = null; maybe = 1;", "System.Nullable{System.Int32}" },
            new object[] { "Action<int>", "System.Action<int> a = x => { }; a(1);", "System.Action{System.Int32}" },
            new object[] { "alignment in $\"…\"", "string s = $\"{42,5}\";", "M:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler.AppendFormatted``1(``0,System.Int32)" },
            new object[] { "string.Split(char)", "var parts = \"a,b\".Split(',');", "M:System.String.Split(System.Char,System.StringSplitOptions)" },
            new object[] { "CompareExchange<T> by hand", "object o = null; System.Threading.Interlocked.CompareExchange(ref o, new object(), null);", "M:System.Threading.Interlocked.CompareExchange(System.Object@,System.Object,System.Object)" },
            new object[] { "multidimensional array", "int[,] grid = new int[2, 2]; grid[0, 0] = 1;", "multidimensional array System.Int32[,]" },
            new object[] { "the virtual board from device code", "VirtualBoard.Board.Reset();", "M:VirtualBoard.Board.Reset" },
            new object[] { "HostSeams from device code", "long t = HostSeams.DeviceTime.TickCount64;", "T:HostSeams.DeviceTime" },
            new object[] { "Environment.TickCount64 without Runtime.Native", "long t = System.Environment.TickCount64;", "P:System.Environment.TickCount64" },
            new object[] { "an iterator", "} System.Collections.IEnumerable Items() { yield return 1;", "System.Collections.Generic.IEnumerable{System.Object}" },
        };

        [Theory]
        [MemberData(nameof(HostOnly))]
        public void HostOnlyConstruct_IsNamed(string construct, string statement, string expected)
        {
            var coreOnly = new DeviceProject("Bad", new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11") }, new string[0]);
            string source = "public class C { public void M() { " + statement + " } }";

            CompatibilityReport report = CompatibilityCheck.Check(DeviceCompiler.Compile("Bad.HostOnly", source), coreOnly, DeviceBuilds.Listings);

            _output.WriteLine(construct + ": " + report);
            Assert.Contains(report.Findings, f => f.DocId == expected);
        }

        [Fact]
        public void PackageNotInPackagesConfig_IsNamedWithTheListingThatHasIt()
        {
            var withoutMath = new DeviceProject("Bad", new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11") }, new string[0]);
            var report = CompatibilityCheck.Check(
                DeviceCompiler.Compile("Bad.Abs", "public static class Abs { public static double Of(double x) => System.Math.Abs(x); }"),
                withoutMath, DeviceBuilds.Listings);

            Finding abs = Assert.Single(report.Findings, f => f.DocId == "M:System.Math.Abs(System.Double)");
            Assert.Contains("System.Math.txt", abs.Note);
            Assert.Contains("nanoFramework.System.Math", abs.Note);
        }
    }
}
