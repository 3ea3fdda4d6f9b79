using System.Device.Gpio;
using System.Linq;
using System.Reflection;
using Harness.HeapModel;
using Harness.Il;
using VirtualBoard;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The heap model against every figure measured on a real 32-bit nanoCLR in nanoclr-heap.md §3b (transient garbage)
    /// and §3d (the 2026-12-03 remeasurement): the I2C floors, the pulse counter's instance and per-read garbage, the GPIO
    /// event cost, and the per-construct rows, each reproduced by the model (platform floor + lint, or the heap walker).
    /// </summary>
    public class PlatformCalibrationTests
    {
        private const string Prelude = @"
            using System;
            using System.Device.I2c;
            namespace Probe
            {
                public struct Two { public int A; public int B; public Two(int a, int b) { A = a; B = b; } }
                public sealed class Driver
                {
                    private readonly I2cDevice _device;
                    private readonly byte[] _w = new byte[1];
                    private readonly byte[] _r = new byte[2];
                    private System.Device.Gpio.GpioPulseCounter _counter;
                    private int _n;
                    private Action _hook;
                    public Driver(I2cDevice device) { _device = device; }
                    private static bool Ok(I2cTransferResult r) { return r.Status == I2cTransferStatus.FullTransfer; }
            ";

        [Theory]
        [InlineData(I2cMethod.WriteRead, 300)]
        [InlineData(I2cMethod.Write, 252)]
        [InlineData(I2cMethod.Read, 252)]
        [InlineData(I2cMethod.WriteByte, 204)]
        [InlineData(I2cMethod.ReadByte, 180)]
        public void I2cFloor_PerCall_AsMeasured(I2cMethod method, int bytes) => Assert.Equal(bytes, PlatformFloor.PerCall(method));

        [Fact]
        public void I2cWrite_Is252_ThreeSpanClonesAndThreeResults_Not288()
        {
            Assert.Equal(PlatformFloor.Write, 3 * NanoTypes.StructBytes(typeof(System.SpanByte)) + 3 * NanoTypes.StructBytes(typeof(System.Device.I2c.I2cTransferResult)));
            Assert.NotEqual(288, PlatformFloor.Write);
        }

        [Fact]
        public void WriteRead_ResultIgnoredOrPassedStraightToAStaticChecker_Is300()
        {
            Assert.Equal(300, Garbage(@"public void Op() { _device.WriteRead(_w, _r); }", I2cMethod.WriteRead));
            Assert.Equal(300, Garbage(@"public bool Op() { return Ok(_device.WriteRead(_w, _r)); }", I2cMethod.WriteRead));
        }

        [Fact]
        public void WriteRead_ResultInALocalCheckedInline_Is336()
        {
            Assert.Equal(336, Garbage(@"public bool Op() { var r = _device.WriteRead(_w, _r); if (r.Status != I2cTransferStatus.FullTransfer) { return false; } return true; }", I2cMethod.WriteRead));
        }

        [Fact]
        public void TwoWriteReads_OneSharedResultLocal636_TwoResultLocals672()
        {
            Assert.Equal(636, Garbage(@"public bool Op() { var r = _device.WriteRead(_w, _r); bool a = r.Status == I2cTransferStatus.FullTransfer; r = _device.WriteRead(_w, _r); return a && r.Status == I2cTransferStatus.FullTransfer; }", I2cMethod.WriteRead, I2cMethod.WriteRead));
            Assert.Equal(672, Garbage(@"public bool Op() { var r = _device.WriteRead(_w, _r); var s = _device.WriteRead(_w, _r); return r.Status == s.Status; }", I2cMethod.WriteRead, I2cMethod.WriteRead));
        }

        [Fact]
        public void WriteByteThenReadByte_Is384_MoreThanOneWriteRead()
        {
            Assert.Equal(384, Garbage(@"public int Op() { _device.WriteByte(1); return _device.ReadByte(); }", I2cMethod.WriteByte, I2cMethod.ReadByte));
            Assert.True(PlatformFloor.WriteRead < 384);
        }

        [Fact]
        public void StartedGpioPulseCounter_Retains132()
        {
            Board.Reset();
            var counter = new GpioPulseCounter(4);
            counter.Start();
            try
            {
                HeapReport report = HeapWalker.Measure("counter", counter);
                Assert.Empty(report.LeftOut);
                Assert.Equal(132, report.TotalBytes);
            }
            finally
            {
                counter.Stop();
                counter.Dispose();
            }
        }

        [Fact]
        public void GpioPulseCounterRead_UsedAsReadCount_Is108_ThreeGpioPulseCountObjects()
        {
            Assert.Equal(108, PlatformFloor.PulseCounterRead);
            Assert.Equal(PlatformFloor.PulseCounterRead, 3 * NanoTypes.StructBytes(typeof(GpioPulseCount)));
            Assert.Equal(108, GarbageWithReads(@"public long Op() { return _counter.Read().Count; }", 1));
        }

        [Fact]
        public void GpioPulseCount_ReturnedAndPassedStraightIntoAParameter_IsOneMoreClone36()
        {
            Assert.Equal(108 + 36, GarbageWithReads(@"public long Op() { return Count(_counter.Read()); }
                private static long Count(System.Device.Gpio.GpioPulseCount c) { return c.Count; }", 1));
        }

        [Fact]
        public void GpioEdge_Is120_And240PerPulseWhenBothEdgesArePosted()
        {
            Assert.Equal(120, PlatformFloor.GpioEdge);
            Assert.Equal(120, new OperationGarbage(new I2cMethod[0], 0, 1, 0).PlatformBytes);
            Assert.Equal(240, new OperationGarbage(new I2cMethod[0], 0, 2, 0).PlatformBytes);
        }

        [Fact]
        public void StructLocal_EvenUnused_Is36ForTwoFieldsAnd48ForASpanByte()
        {
            Assert.Equal(36, Lint(@"public int Op() { Two t; t.A = _n; t.B = 1; return t.A + t.B; }").Bytes);
            Assert.Equal(48, Lint(@"public int Op() { SpanByte s = new SpanByte(_r, 0, 1); return _n + s.Length; }").Bytes);
        }

        [Fact]
        public void SpanByteConversion48_SliceAnother48_CopyAndPass48Each()
        {
            Assert.Equal(48 + 48, Lint(@"public int Op() { SpanByte s = _r; return s.Length; }").Bytes);
            Assert.Equal(48, Lint(@"public int Op() { return Len(_r); } private static int Len(SpanByte s) { return s.Length; }").Bytes);
            Assert.Equal(48, Lint(@"public void Op(SpanByte s) { s.Slice(1); }").Bytes);
            Assert.Equal(48, Lint(@"public int Op(SpanByte s) { return Len(s); } private static int Len(SpanByte s) { return s.Length; }").Bytes);
            Assert.Equal(0, Lint(@"public int Op(SpanByte s) { return s.Length + s[0]; }").Bytes);
        }

        [Fact]
        public void MethodReturningANew2FieldStruct_Is36_IntReturnsFree()
        {
            Assert.Equal(36, Lint(@"public int Op() { return Make().A; } private static Two Make() { return new Two(1, 2); }").Bytes);
            Assert.Equal(0, Lint(@"public int Op() { return Plain(); } private int Plain() { return _n; }").Bytes);
        }

        [Fact]
        public void BoxingIntToStringConcatAndLiterals_24_60_96_12()
        {
            Assert.Equal(24, Lint(@"public object Op() { return _n; }").Bytes);
            Assert.Equal(60, Lint(@"public string Op() { return _n.ToString(); }").Bytes);
            Assert.Equal(96, Lint(@"public string Op() { return ""v="" + _n.ToString(); }").Bytes);
            Assert.Equal(12, Lint(@"public string Op() { return ""text""; }").Bytes);
        }

        [Fact]
        public void Delegates_CapturingLambda60_StaticLambda0_MethodGroup36_InvokeFree()
        {
            Assert.Equal(60, Lint(@"public void Op(int v) { _hook = () => Use(v); } private static void Use(int v) { }").Bytes);
            Assert.Equal(0, Lint(@"public void Op() { _hook = () => { }; }").Bytes);
            Assert.Equal(36, Lint(@"public void Op() { _hook = Tick; } private void Tick() { }").Bytes);
            Assert.Equal(0, Lint(@"public void Op() { _hook(); }").Bytes);
        }

        [Fact]
        public void LockTryFinallyInterlockedAndArithmetic_AreFree()
        {
            Assert.Equal(0, Lint(@"public long Op(long a, double b) { lock (_w) { try { System.Threading.Interlocked.Increment(ref _n); } finally { _n++; } } return a * 3 + (long)(b / 2); }").Bytes);
        }

        [Fact]
        public void Counterparts_CiteTheLibrarySourceFileAndNameEveryCountedField()
        {
            Assert.All(Counterparts.All, c =>
            {
                Assert.StartsWith("nanoframework/", c.Source, System.StringComparison.Ordinal);
                Assert.EndsWith(")", c.Source, System.StringComparison.Ordinal);
                Assert.Contains(".cs (", c.Source, System.StringComparison.Ordinal);
                Assert.NotEmpty(c.FieldNames);
                Assert.Equal(c.FieldNames.Count, c.FieldNames.Distinct().Count());
                Assert.All(c.FieldNames, f => Assert.Contains(f, c.Assumption, System.StringComparison.Ordinal));
            });
        }

        private static int Garbage(string members, params I2cMethod[] calls) =>
            new OperationGarbage(calls, 0, 0, Lint(members).Bytes).TotalBytes;

        private static int GarbageWithReads(string members, int reads) =>
            new OperationGarbage(new I2cMethod[0], 0, 0, Lint(members).Bytes, reads).TotalBytes;

        private static LintResult Lint(string members)
        {
            Assembly assembly = TestCompiler.Load(Prelude + members + "} }");
            return HotPathLint.Run(assembly, "Probe.Driver.Op");
        }
    }
}
