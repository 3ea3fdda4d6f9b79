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
