using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Harness.Il;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The "double.IsNaN first" rule: on a real nanoCLR <c>NaN &gt; 0</c> is true and <c>NaN &lt;= 0</c> false, so device code
    /// checks a floating-point argument for NaN before any ordered comparison of it.
    /// </summary>
    public class NanRuleTests
    {
        [Theory]
        [InlineData("public static bool Ok(double v) { return v > 0; }")]
        [InlineData("public static bool Ok(double v) { return !(v <= 0); }")]
        [InlineData("public static void Check(double v) { if (v < 0 || v > 10) { throw new ArgumentOutOfRangeException(nameof(v)); } }")]
        [InlineData("public static bool Ok(float v) { return v >= 1f; }")]
        [InlineData("public bool Ok(double v) { bool positive = v > 0; return positive && !double.IsNaN(v); }")]
        public void OrderedComparisonOfAnArgument_WithoutIsNaNFirst_IsNamed(string member)
        {
            IReadOnlyList<string> findings = NanRule.Check(Compile(member));

            Assert.Contains(findings, f => f.StartsWith("Probe.Numbers.", StringComparison.Ordinal) && f.Contains("parameter 'v'"));
        }

        [Theory]
        [InlineData("public static bool Ok(double v) { return !double.IsNaN(v) && v > 0; }")]
        [InlineData("public static void Check(double v) { if (double.IsNaN(v) || v < 0 || v > 10) { throw new ArgumentOutOfRangeException(nameof(v)); } }")]
        [InlineData("public static bool Ok(float v) { return !float.IsNaN(v) && v >= 1f; }")]
        [InlineData("public static bool Ok(int v) { return v > 0; }")]
        [InlineData("public static bool Same(double v) { return v == 0; }")]
        public void NaNCheckedFirst_OrNotFloatingPoint_OrEquality_Passes(string member)
        {
            Assert.Empty(NanRule.Check(Compile(member)));
        }

        [Fact]
        public void DeviceAssemblies_CheckNaNFirst()
        {
            string[] assemblies = { "Drivers.VL6180X", "Drivers.Mcp23008", "Drivers.FlowMeter", "Samples.Irrigation", "NFUnitTest" };
            List<string> findings = assemblies.SelectMany(a => NanRule.Check(Assembly.Load(a)))
.ToList();

            Assert.True(findings.Count == 0, string.Join("\n", findings));
        }

        private static Assembly Compile(string member) =>
            TestCompiler.Load("using System; namespace Probe { public sealed class Numbers { " + member + " } }");
    }
}
