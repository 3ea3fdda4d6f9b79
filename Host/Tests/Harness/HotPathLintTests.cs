using System;
using System.Linq;
using System.Reflection;
using Harness.Il;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>The hot-path lint on small compiled snippets: each construct is found and sized by nanoclr-heap.md §3b; clean code reports nothing.</summary>
    public class HotPathLintTests
    {
        private const string Prelude = @"
            using System;
            using System.Device.I2c;
            namespace Probe
            {
                public sealed class Pair { public int A; public int B; }
                public struct Two { public int A; public int B; }
                public sealed class Sensor
                {
                    private readonly I2cDevice _device;
                    private readonly byte[] _write = new byte[2];
                    private readonly byte[] _read = new byte[2];
                    private int _last;
                    private Action _callback;
                    private object _boxed;
                    private Two _two;
                    public Sensor(I2cDevice device) { _device = device; }
                    private static void Check(I2cTransferResult result, int register)
                    {
                        if (result.Status != I2cTransferStatus.FullTransfer) { ThrowIo(register, result.Status); }
                    }
                    private static void ThrowIo(int register, I2cTransferStatus status)
                    {
                        throw new System.IO.IOException(""I2C transfer failed at register "" + register.ToString() + "": "" + ((int)status).ToString());
                    }
            ";

        private const string Postlude = "} }";

        [Fact]
        public void CleanRead_WriteReadWithFieldBuffersAndAStaticChecker_ReportsNothing()
        {
            LintResult result = Lint(@"
                public int Read()
                {
                    Check(_device.WriteRead(_write, _read), 0x50);
                    return _read[0] << 8 | _read[1];
                }");

            Assert.True(result.IsClean, string.Join("\n", result.Findings));
            Assert.Equal(new[] { "Probe.Sensor.Read", "Probe.Sensor.Check" }, result.Methods);
        }

        [Fact]
        public void ErrorPath_ExceptionAndMessage_AreExcluded()
        {
            LintResult result = Lint(@"
                public int Read()
                {
                    if (_device.Write(_write).Status != I2cTransferStatus.FullTransfer)
                    {
                        throw new InvalidOperationException(""write failed at "" + _write[0].ToString());
                    }
                    return 1;
                }");

            // Only the compiler's temporary for the inline .Status check remains: an I2cTransferResult local, 36 B per call.
            LintFinding finding = Assert.Single(result.Findings);
            Assert.Equal("struct local", finding.Kind);
            Assert.Equal(36, finding.Bytes);
        }

        [Fact]
        public void ResultLocal_Is36PerCall()
        {
            LintResult result = Lint(@"
                public bool Read()
                {
                    I2cTransferResult r = _device.WriteRead(_write, _read);
                    return r.Status == I2cTransferStatus.FullTransfer;
                }");

            Assert.Equal(36, Assert.Single(result.Findings).Bytes);
        }

        [Fact]
        public void SpanByteLocal_Is48ForTheLocalAnd48ForTheConversion()
        {
            LintResult result = Lint(@"
                public int Read()
                {
                    SpanByte span = _read;
                    return span[0];
                }");

            Assert.Contains(result.Findings, f => f.Kind == "struct local" && f.Bytes == 48 && f.Detail.StartsWith("System.SpanByte", StringComparison.Ordinal));
            Assert.Contains(result.Findings, f => f.Kind == "struct returned" && f.Bytes == 48 && f.Detail.Contains("op_Implicit"));
            Assert.Equal(96, result.Bytes);
        }

        [Fact]
        public void SpanByteParameter_IsListedAndTheCopyPassedOnCosts48()
        {
            LintResult result = Lint(@"
                public int Read() { return Inner(_read); }
                private int Outer(SpanByte span) { return Inner(span); }
                private int Inner(SpanByte span) { return span.Length; }
                public int ReadTwice(SpanByte span) { return Outer(span); }", entry: "ReadTwice");

            Assert.Contains(result.Findings, f => f.Kind == "SpanByte parameter" && f.Method == "Probe.Sensor.Inner");
            Assert.Equal(2, result.Findings.Count(f => f.Kind == "struct copy" && f.Bytes == 48));
        }

        [Fact]
        public void SliceOfASpan_Is48()
        {
            LintResult result = Lint(@"
                public void Write() { Check(_device.Write(new SpanByte(_write, 0, 1)), 0); }
                public int Slice() { return Tail(new SpanByte(_read, 0, 2)); }
                private static int Tail(SpanByte span) { return span.Slice(1).Length; }", entry: "Slice");

            Assert.Contains(result.Findings, f => f.Kind == "struct created" && f.Bytes == 48);
            Assert.Contains(result.Findings, f => f.Kind == "struct returned" && f.Detail.Contains("Slice") && f.Bytes == 48);
            Assert.True(Lint(@"public void Write() { Check(_device.Write(new SpanByte(_write, 0, 1)), 0); }").IsClean, "a span created straight into an I2C call is part of the floor");
        }

        [Fact]
        public void MethodReturningAStruct_Is36()
        {
            LintResult result = Lint(@"
                public int Read() { return Make().A; }
                private Two Make() { return new Two { A = 1, B = 2 }; }");

            Assert.Contains(result.Findings, f => f.Method == "Probe.Sensor.Make" && f.Bytes == 36);
        }

        [Fact]
        public void ReturningAStructField_IsACopy()
        {
            LintResult result = Lint(@"
                public int Read() { return Current().A; }
                private Two Current() { return _two; }");

            Assert.Contains(result.Findings, f => f.Kind == "struct copy" && f.Method == "Probe.Sensor.Current" && f.Bytes == 36);
        }

        [Fact]
        public void Boxing_Is24()
        {
            LintResult result = Lint(@"public void Store() { _boxed = _last; }");

            Assert.Equal(24, Assert.Single(result.Findings, f => f.Kind == "boxing").Bytes);
        }

        [Fact]
        public void StringLiteral_Is12AndIntToStringIs60()
        {
            LintResult result = Lint(@"public string Describe() { return ""v="" + _last.ToString(); }");

            Assert.Contains(result.Findings, f => f.Kind == "string literal" && f.Bytes == 12);
            Assert.Contains(result.Findings, f => f.Kind == "string built" && f.Bytes == 60 && !f.AtLeast);
            Assert.Contains(result.Findings, f => f.Kind == "string built" && f.Detail.Contains("Concat") && f.AtLeast);
            Assert.Equal(96, result.Bytes);
        }

        [Fact]
        public void NewObjectAndNewArray_AreSizedByTheFormulas()
        {
            LintResult result = Lint(@"
                public int Read()
                {
                    var pair = new Pair();
                    var buffer = new byte[9];
                    return pair.A + buffer.Length;
                }");

            Assert.Contains(result.Findings, f => f.Kind == "object" && f.Bytes == 36);
            Assert.Contains(result.Findings, f => f.Kind == "array" && f.Bytes == 36 && !f.AtLeast);
        }

        [Fact]
        public void ArrayOfComputedLength_IsALowerBound()
        {
            LintResult result = Lint(@"public int Read(int n) { return new byte[n].Length; }");

            LintFinding finding = Assert.Single(result.Findings);
            Assert.True(finding.AtLeast);
            Assert.Equal(24, finding.Bytes);
        }

        [Fact]
        public void Delegates_MethodGroup36_CapturingLambda60_StaticLambdaFree()
        {
            Assert.Equal(36, Lint(@"public void Hook() { _callback = Tick; } private void Tick() { }").Bytes);
            Assert.Equal(60, Lint(@"public void Hook(int n) { _callback = () => Use(n); } private static void Use(int v) { }").Bytes);
            // Capturing this and n: a 2-field closure (36) and the delegate (36).
            Assert.Equal(72, Lint(@"public void Hook(int n) { _callback = () => _last = n; }").Bytes);
            Assert.True(Lint(@"public void Hook() { _callback = () => { }; }").IsClean);
        }

        [Fact]
        public void ThrowHelper_IsNotOnTheHotPath()
        {
            LintResult result = Lint(@"
                public void Write()
                {
                    Check(_device.Write(_write), 0x10);
                }");

            Assert.DoesNotContain("Probe.Sensor.ThrowIo", result.Methods);
            Assert.True(result.IsClean, string.Join("\n", result.Findings));
        }

        [Fact]
        public void CallGraph_FollowsPrivateHelpersOfTheSameAssembly()
        {
            LintResult result = Lint(@"
                public int Read() { return Helper(); }
                private int Helper() { _boxed = ""x""; return 0; }");

            LintFinding finding = Assert.Single(result.Findings);
            Assert.Equal("Probe.Sensor.Helper", finding.Method);
            Assert.Equal(12, finding.Bytes);
        }

        [Fact]
        public void EntryWithParameterTypes_LintsOnlyThatOverload()
        {
            Assembly assembly = TestCompiler.Load(Prelude + @"
                public void Write(int pin, bool value) { _write[0] = (byte)pin; _write[1] = value ? (byte)1 : (byte)0; Check(_device.Write(_write), 0); }
                public void Write(int pin, object value) { _boxed = value; Write(pin, value != null); _boxed = pin; }
                public bool TryRead(out int value, ref long at) { value = _last; return true; }" + Postlude);

            Assert.Equal(24, HotPathLint.Run(assembly, "Probe.Sensor.Write").Bytes);
            LintResult one = HotPathLint.Run(assembly, "Probe.Sensor.Write(int, bool)");
            Assert.True(one.IsClean, string.Join("\n", one.Findings));
            Assert.Equal(new[] { "Probe.Sensor.Write", "Probe.Sensor.Check" }, one.Methods);
            Assert.True(HotPathLint.Run(assembly, "Probe.Sensor.TryRead(out int, ref long)").IsClean);
            Assert.Throws<ArgumentException>(() => HotPathLint.Run(assembly, "Probe.Sensor.Write(int, string)"));
        }

        [Fact]
        public void PulseCounterRead_ResultHandedOn_IsPlatformButALocalCopyIs36()
        {
            const string Members = @"
                private System.Device.Gpio.GpioPulseCounter _counter;
                public long Read() { return Count(_counter.Read()); }
                public long ReadIntoLocal() { System.Device.Gpio.GpioPulseCount reading = _counter.Read(); return reading.Count + reading.RelativeTime.Ticks; }
                private static long Count(System.Device.Gpio.GpioPulseCount reading) { return reading.Count; }";

            Assert.True(Lint(Members, "Read").IsClean, "the GpioPulseCount a read returns is the platform's per-read cost");
            LintFinding local = Assert.Single(Lint(Members, "ReadIntoLocal").Findings);
            Assert.Equal("struct local", local.Kind);
            Assert.Equal(36, local.Bytes);
        }

        [Fact]
        public void UnknownEntry_Throws()
        {
            Assembly assembly = TestCompiler.Load(Prelude + "public void Read() { }" + Postlude);

            Assert.Throws<ArgumentException>(() => HotPathLint.Run(assembly, "Probe.Sensor.Missing"));
        }

        private static LintResult Lint(string members, string entry = null)
        {
            Assembly assembly = TestCompiler.Load(Prelude + members + Postlude);
            entry ??= members.Split('(')[0].Trim().Split(' ').Last();
            return HotPathLint.Run(assembly, "Probe.Sensor." + entry);
        }
    }
}
