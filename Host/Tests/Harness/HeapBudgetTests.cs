using System;
using System.Linq;
using NFUnitTest.Memory;
using TestFrameworkShared;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The device memory tests' budget check, run on the host with test doubles: a retained <c>byte[100]</c> (120 bytes on
    /// nanoCLR) must make it fail by exactly 120 bytes.
    /// </summary>
    public class HeapBudgetTests
    {
        private const string Subject = "ExampleSensor";

        [Fact]
        public void Instance_ExampleSensor_IsExactlyItsBudget()
        {
            HeapMeter.Begin(null);
            var sensor = new ExampleSensor();

            int bytes = HeapMeter.Retained(sensor);

            Assert.Equal(MemoryBudgets.Example.InstanceBytes, bytes);
            HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.Example.InstanceBytes);
        }

        [Fact]
        public void Instance_DoubleRetainingAnExtraByteArray100_FailsTheBudgetByExactly120()
        {
            HeapMeter.Begin(null);
            var leaky = new RetainingSensor(retainAtConstruction: true);

            int bytes = HeapMeter.Retained(leaky);
            AssertFailedException failure = Assert.Throws<AssertFailedException>(
                () => HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.Example.InstanceBytes));

            Assert.Equal(MemoryBudgets.Example.InstanceBytes + 120, bytes);
            Assert.Contains("instance is 120 bytes over its budget of 72 bytes", failure.Message);
            GC.KeepAlive(leaky);
        }

        [Fact]
        public void HotOperation_DoubleRetainingAByteArray100OnItsFirstCall_FailsTheRetainedBudgetByExactly120()
        {
            var leaky = new RetainingSensor(retainAtConstruction: false);
            HeapMeter.Begin(leaky);

            int transient = HeapMeter.RunHot(leaky.Sample, 10);
            int retained = HeapMeter.Retained(leaky);
            AssertFailedException failure = Assert.Throws<AssertFailedException>(
                () => HeapBudget.AtMost(Subject, "Sample.retained", retained, MemoryBudgets.Example.Sample.RetainedBytes));

            Assert.Equal(120, retained);
            Assert.Contains("Sample.retained is 120 bytes over its budget of 0 bytes", failure.Message);
            Assert.Equal(0, transient);
        }

        [Fact]
        public void HotOperation_AllocatingOnEveryCall_IsCountedExactlyOnTheHost()
        {
            var sensor = new AllocatingSensor();

            int perCall = HeapMeter.RunHot(sensor.Sample, 10);

            // A .NET byte[9] on a 64-bit host: 16-byte header, 8-byte length, 9 bytes, rounded to 8: 40 bytes.
            Assert.Equal(40, perCall);
            Assert.Throws<AssertFailedException>(() => HeapBudget.Transient(Subject, "Sample", perCall, MemoryBudgets.Example.Sample.HostBytes));
        }

        [Fact]
        public void Dispose_DoubleThatLeaksIntoAStatic_DoesNotReturnToBaseline()
        {
            // A device assembly (it compiles the Thread shim, as every host build of a device project does) whose Dispose
            // leaves a byte[9] in a static field: the static roots find it.
            System.Reflection.Assembly device = TestCompiler.Load(@"
                namespace System.Threading { internal static class Thread { public static void Sleep(int ms) { } } }
                public sealed class LeakingSensor : System.IDisposable
                {
                    private static object _leak;
                    public void Dispose() { _leak = new byte[9]; }
                    public static void Forget() { _leak = null; }
                }");
            Type type = device.GetType("LeakingSensor");
            var sensor = (IDisposable)Activator.CreateInstance(type);
            HeapMeter.Begin(null);

            sensor.Dispose();
            int left = HeapMeter.Retained(null);
            type.GetMethod("Forget").Invoke(null, null);

            Assert.Equal(36, left);
            Assert.Equal(0, HeapMeter.Retained(null));
        }

        [Fact]
        public void Instance_LiteralsBuiltInTheSameCallAsTheReading_FailOnTheHost()
        {
            // The pattern that failed on a real nanoCLR: Subject and "instance" are ldstr'd before Retained reads the heap,
            // so two 12 B strings are alive at the reading and count against the subject.
            HeapMeter.Begin(null);
            var sensor = new ExampleSensor();

            InvalidOperationException failure = null;
            try
            {
                HeapBudget.AtMost(Subject, "instance", HeapMeter.Retained(sensor), MemoryBudgets.Example.InstanceBytes);
            }
            catch (InvalidOperationException ex)
            {
                failure = ex;
            }

            Assert.NotNull(failure);

            Assert.Contains("ldstr \"ExampleSensor\"", failure.Message);
            Assert.Contains("ldstr \"instance\"", failure.Message);
            Assert.Contains("Take the reading first", failure.Message);
        }

        [Fact]
        public void Retained_AConcatenationBetweenTheReadings_FailsOnTheHost()
        {
            var sensor = new ExampleSensor();
            HeapMeter.Begin(sensor);
            string label = sensor.Samples.ToString() + " samples";

            InvalidOperationException failure = null;
            try
            {
                HeapMeter.Retained(sensor);
            }
            catch (InvalidOperationException ex)
            {
                failure = ex;
            }

            Assert.NotNull(failure);

            Assert.Contains("System.Int32.ToString", failure.Message);
            Assert.Contains("System.String.Concat", failure.Message);
            GC.KeepAlive(label);
        }

        [Fact]
        public void ReadingWindow_EveryDeviceMemoryTest_ReadsTheHeapBeforeItBuildsAString()
        {
            var offenders = typeof(HeapBudget).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
                .Select(global::HostSeams.ReadingWindow.Inspect)
                .Where(v => v != null)
                .ToList();

            Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        }

        [Fact]
        public void Line_HasTheFixedParseableForm()
        {
            Assert.Equal("heap: Vl6180X instance 156 bytes (budget 192)", HeapBudget.Line("Vl6180X", "instance", 156, 192));
        }

        /// <summary>
        /// Laid out like <see cref="ExampleSensor"/> (two fields, a byte[8]), except that its second field keeps a byte[100]
        /// alive: at construction, or from the first sample on.
        /// </summary>
        private sealed class RetainingSensor
        {
            private readonly byte[] _buffer = new byte[8];
            private object _retained;

            public RetainingSensor(bool retainAtConstruction)
            {
                if (retainAtConstruction)
                {
                    _retained = new byte[100];
                }
            }

            public void Sample()
            {
                _buffer[0]++;
                _retained ??= new byte[100];
            }
        }

        private sealed class AllocatingSensor
        {
            public byte[] Last { get; private set; }

            public void Sample() => Last = new byte[9];
        }

    }
}
