using Drivers.VL6180X;
using nanoFramework.TestFramework;
using NFUnitTest.Vl6180XTests;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// The VL6180X's heap on the bench (README wiring): instance bytes against the budget, each hot operation many times
    /// with retained memory unchanged, dispose and back to the baseline. GC.Run deltas cannot see garbage: the garbage per
    /// call is modelled on the host (footprint report).
    /// </summary>
    [TestClass]
    public class Vl6180XMemoryTests
    {
        private const string Subject = "Vl6180X";
        private const int HotCalls = 20;
        private const int ContinuousPeriodMilliseconds = 20;

        private static Vl6180X _sensor;

        [Setup]
        public void WarmUp()
        {
            PlatformWarmUp.Run();
            // First use of the types, the I2C bus and the sensor's one-off initialisation, before any baseline.
            _sensor = Vl6180XBench.Open();
            ReadRangeOnce();
            ReadLuxOnce();
            Release();
        }

        [TestMethod]
        public void Instance_StaysWithinBudget()
        {
            HeapMeter.Begin(null);
            _sensor = Vl6180XBench.Open();

            int bytes = HeapMeter.Retained(_sensor);
            HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.Vl6180X.InstanceBytes);
            Release();
        }

        [TestMethod]
        public void ReadRange_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _sensor = Vl6180XBench.Open();

            HeapBudget.HotOperation(
                Subject,
                "ReadRange",
                _sensor,
                ReadRangeOnce,
                HotCalls,
                MemoryBudgets.Vl6180X.ReadRange.RetainedBytes,
                MemoryBudgets.Vl6180X.ReadRange.HostBytes);
            Release();
        }

        [TestMethod]
        public void ReadRangeContinuous_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _sensor = Vl6180XBench.Open();
            _sensor.StartRangeContinuous(ContinuousPeriodMilliseconds);

            HeapBudget.HotOperation(
                Subject,
                "ReadRangeContinuous",
                _sensor,
                ReadRangeContinuousOnce,
                HotCalls,
                MemoryBudgets.Vl6180X.ReadRangeContinuous.RetainedBytes,
                MemoryBudgets.Vl6180X.ReadRangeContinuous.HostBytes);
            _sensor.StopRangeContinuous();
            Release();
        }

        [TestMethod]
        public void ReadLux_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _sensor = Vl6180XBench.Open();

            HeapBudget.HotOperation(
                Subject,
                "ReadLux",
                _sensor,
                ReadLuxOnce,
                HotCalls,
                MemoryBudgets.Vl6180X.ReadLux.RetainedBytes,
                MemoryBudgets.Vl6180X.ReadLux.HostBytes);
            Release();
        }

        [TestMethod]
        public void Dispose_ReturnsTheHeapToItsBaseline()
        {
            HeapMeter.Begin(null);
            _sensor = Vl6180XBench.Open();
            ReadRangeOnce();
            ReadLuxOnce();
            Release();

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

        // Try… forms: a bench without a target in range still measures (the cost is the same).
        private static void ReadRangeOnce()
        {
            _sensor.TryReadRange(out _, out _);
        }

        private static void ReadRangeContinuousOnce()
        {
            _sensor.TryReadRangeContinuous(out _, out _);
        }

        private static void ReadLuxOnce()
        {
            _sensor.TryReadLux(out _, out _);
        }
    }
}
