using nanoFramework.TestFramework;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// The memory-test pattern every driver follows, shown on <see cref="ExampleSensor"/>: baseline, construct, instance
    /// bytes against the budget, the hot operation many times with retained memory unchanged, dispose and back to the
    /// baseline. On the ESP32 the figures come from GC.Run; on the host from the nanoCLR heap model.
    /// </summary>
    [TestClass]
    public class ExampleSensorMemoryTests
    {
        private const string Subject = "ExampleSensor";
        private const int HotCalls = 100;

        private static ExampleSensor _sensor;

        [Setup]
        public void WarmUp()
        {
            PlatformWarmUp.Run();
            // First use of a type can allocate in the runtime; do it before any baseline.
            ExampleSensor warm = new ExampleSensor();
            warm.Sample();
            warm.Dispose();
        }

        [TestMethod]
        public void Instance_StaysWithinBudget()
        {
            HeapMeter.Begin(null);
            _sensor = new ExampleSensor();

            int bytes = HeapMeter.Retained(_sensor);
            HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.Example.InstanceBytes);
            Release();
        }

        [TestMethod]
        public void Sample_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _sensor = new ExampleSensor();
            HeapMeter.Begin(_sensor);

            int transient = HeapMeter.RunHot(SampleOnce, HotCalls);

            int bytes = HeapMeter.Retained(_sensor);
            HeapBudget.AtMost(Subject, "Sample.retained", bytes, MemoryBudgets.Example.Sample.RetainedBytes);
            HeapBudget.Transient(Subject, "Sample", transient, MemoryBudgets.Example.Sample.HostBytes);
            Assert.AreEqual(HotCalls + 1, _sensor.Samples);
            Release();
        }

        [TestMethod]
        public void Dispose_ReturnsTheHeapToItsBaseline()
        {
            HeapMeter.Begin(null);
            _sensor = new ExampleSensor();
            _sensor.Sample();
            _sensor.Dispose();
            _sensor = null;

            int bytes = HeapMeter.Retained(null);
            HeapBudget.AtMost(Subject, "disposed", bytes, 0);
        }

        [Cleanup]
        public void Release()
        {
            if (_sensor != null)
            {
                _sensor.Dispose();
                _sensor = null;
            }
        }

        private static void SampleOnce()
        {
            _sensor.Sample();
        }
    }
}
