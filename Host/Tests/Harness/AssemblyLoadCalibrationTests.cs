using System.Linq;
using System.Text;
using Harness.HeapModel;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The assembly-load formula against the shapes measured on a real 32-bit nanoCLR in the ESP32 layout
    /// (nanoclr-heap.md §3c), compiled here as small assemblies.
    /// </summary>
    public class AssemblyLoadCalibrationTests
    {
        [Fact]
        public void EmptyLibrary_Measured144()
        {
            AssemblyLoadEstimate load = Load("namespace Empty { }");

            // Only the mscorlib AssemblyRef: T = 140 + 4.
            Assert.Equal("AR=1 TR=0 FR=0 MR=0 TD=0 FD=0 MD=0 SF=0", load.Counts.ToString());
            Assert.Equal(144, load.TotalBytes);
        }

        [Fact]
        public void EmptyLibrary_AssemblyAttributesDoNotCount()
        {
            AssemblyLoadEstimate load = Load(@"
                [assembly: System.Reflection.AssemblyTitle(""Empty"")]
                [assembly: System.Reflection.AssemblyFileVersion(""1.0.0.0"")]
                [assembly: System.Runtime.InteropServices.ComVisible(false)]");

            Assert.Equal(144, load.TotalBytes);
        }

        [Fact]
        public void OneClassTenMethods_Measured204()
        {
            AssemblyLoadEstimate load = Load(Class("C", methods: 10));

            // 10 methods + the implicit constructor; TypeRef System.Object (base), MethodRef Object::.ctor.
            Assert.Equal("AR=1 TR=1 FR=0 MR=1 TD=1 FD=0 MD=11 SF=0", load.Counts.ToString());
            Assert.Equal(204, load.TotalBytes);
        }

        [Fact]
        public void FiveClassesFiveFieldsFiveMethods_Measured336()
        {
            var source = new StringBuilder();
            for (int i = 0; i < 5; i++)
            {
                source.Append(Class("C" + i, methods: 5, fields: 5));
            }

            Assert.Equal(336, Load(source.ToString()).TotalBytes);
        }

        [Fact]
        public void DriverLikeClass_TenMethodsThreeFields_Measured204()
        {
            Assert.Equal(204, Load(Class("Driver", methods: 10, fields: 3)).TotalBytes);
        }

        [Fact]
        public void DriverLikeClass_Plus40PrivateOrPublicConsts_Unchanged204()
        {
            Assert.Equal(204, Load(Class("Driver", methods: 10, fields: 3, extra: Members(40, "private const int"))).TotalBytes);
            Assert.Equal(204, Load(Class("Driver", methods: 10, fields: 3, extra: Members(40, "public const int"))).TotalBytes);
        }

        [Fact]
        public void DriverLikeClass_Plus40StaticReadonlyInts_Measured768()
        {
            AssemblyLoadEstimate load = Load(Class("Driver", methods: 10, fields: 3, extra: Members(40, "private static readonly int")));

            // 40 more fields and static slots, plus the static constructor that initialises them.
            Assert.Equal("AR=1 TR=1 FR=0 MR=1 TD=1 FD=43 MD=12 SF=40", load.Counts.ToString());
            Assert.Equal(768, load.TotalBytes);
        }

        [Fact]
        public void FourStaticFieldsOfATwoIntStruct_Measured372()
        {
            AssemblyLoadEstimate load = Load(@"
                public struct Pair { public int A; public int B; }
                public static class Holder { public static Pair P0; public static Pair P1; public static Pair P2; public static Pair P3; }");

            // Record 228 + four boxed 2-field structs of 36.
            Assert.Equal(228, load.RecordBytes);
            Assert.Equal(4 * 36, load.BoxedStaticBytes);
            Assert.Equal(372, load.TotalBytes);
        }

        [Fact]
        public void IgnoredAttributes_AddNoReferences()
        {
            AssemblyLoadEstimate plain = Load(Class("C", methods: 10));
            AssemblyLoadEstimate attributed = Load("[System.Obsolete] [System.CLSCompliant(false)] " + Class("C", methods: 10));

            Assert.Equal(plain.Counts.ToString(), attributed.Counts.ToString());
        }

        [Fact]
        public void StandInTypes_AreReHomedToTheirPackageAssemblies()
        {
            AssemblyLoadEstimate load = Load(@"
                using System.Device.I2c;
                public class Sensor
                {
                    private readonly I2cDevice _device;
                    private readonly byte[] _buffer = new byte[2];
                    public Sensor(I2cDevice device) { _device = device; }
                    public bool Read() { return _device.WriteRead(_buffer, _buffer).Status == I2cTransferStatus.FullTransfer; }
                }");

            Assert.Equal(new[] { "System.Device.I2c", "mscorlib" }, load.AssemblyRefs.ToArray());
            Assert.Contains("[System.Device.I2c]System.Device.I2c.I2cDevice", load.TypeRefs);
            Assert.Contains("[mscorlib]System.SpanByte", load.TypeRefs);
        }

        [Fact]
        public void HostShims_AreCountedAsReferencesNotDefinitions()
        {
            AssemblyLoadEstimate load = Load(@"
                namespace System.Threading { internal static class Thread { public static void Sleep(int ms) { } } }
                public static class Waiter { public static void Wait() { System.Threading.Thread.Sleep(5); } }");

            // TypeDefs: Waiter only. MethodRef Thread::Sleep and TypeRef System.Threading.Thread as on the device.
            Assert.Equal(1, load.Counts.TypeDefs);
            Assert.Contains("[mscorlib]System.Threading.Thread", load.TypeRefs);
            Assert.Contains(load.MethodRefs, m => m.StartsWith("System.Threading.Thread::Sleep", System.StringComparison.Ordinal));
        }

        private static AssemblyLoadEstimate Load(string source) => AssemblyLoadModel.FromImage(TestCompiler.Compile(source));

        private static string Class(string name, int methods, int fields = 0, string extra = "")
        {
            var source = new StringBuilder($"public class {name} {{\n");
            for (int i = 0; i < fields; i++)
            {
                source.Append($"    private int _f{i};\n");
            }

            for (int i = 0; i < methods; i++)
            {
                source.Append(fields == 0 ? $"    public int M{i}(int x) {{ return x + {i}; }}\n" : $"    public int M{i}(int x) {{ return x + _f{i % fields}; }}\n");
            }

            source.Append(extra).Append("}\n");
            return source.ToString();
        }

        private static string Members(int count, string declaration) =>
            string.Concat(Enumerable.Range(0, count).Select(i => $"    {declaration} R{i} = 0x{0x80 + i:X2};\n"));
    }
}
