using Drivers.Mcp23008;
using nanoFramework.TestFramework;
using NFUnitTest.Mcp23008Tests;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// The MCP23008's heap on the bench (README wiring; disconnect the valve supply): instance bytes against the budget,
    /// each hot operation many times with retained memory unchanged, dispose and back to the baseline. GC.Run deltas
    /// cannot see garbage: the garbage per call is modelled on the host (footprint report).
    /// </summary>
    [TestClass]
    public class Mcp23008MemoryTests
    {
        private const string Subject = "Mcp23008";
        private const int HotCalls = 100;
        private const int ValvePin = 2;
        private const int SwitchPin = 7;

        private static Mcp23008 _expander;
        private static bool _valveOpen;

        [Setup]
        public void WarmUp()
        {
            PlatformWarmUp.Run();
            _expander = Open();
            WritePinOnce();
            ReadPinOnce();
            ServeInterruptOnce();
            Release();
        }

        [TestMethod]
        public void Instance_StaysWithinBudget()
        {
            HeapMeter.Begin(null);
            _expander = new Mcp23008(Mcp23008Bench.OpenDevice());

            int bytes = HeapMeter.Retained(_expander);
            HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.Mcp23008.InstanceBytes);
            Release();
        }

        [TestMethod]
        public void WritePin_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _expander = Open();

            HeapBudget.HotOperation(
                Subject,
                "WritePin",
                _expander,
                WritePinOnce,
                HotCalls,
                MemoryBudgets.Mcp23008.WritePin.RetainedBytes,
                MemoryBudgets.Mcp23008.WritePin.HostBytes);
            Release();
        }

        [TestMethod]
        public void ReadPin_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _expander = Open();

            HeapBudget.HotOperation(
                Subject,
                "ReadPin",
                _expander,
                ReadPinOnce,
                HotCalls,
                MemoryBudgets.Mcp23008.ReadPin.RetainedBytes,
                MemoryBudgets.Mcp23008.ReadPin.HostBytes);
            Release();
        }

        [TestMethod]
        public void ServeInterrupt_ManyCalls_RetainNothingAndAllocateNothing()
        {
            _expander = Open();

            HeapBudget.HotOperation(
                Subject,
                "ServeInterrupt",
                _expander,
                ServeInterruptOnce,
                HotCalls,
                MemoryBudgets.Mcp23008.ServeInterrupt.RetainedBytes,
                MemoryBudgets.Mcp23008.ServeInterrupt.HostBytes);
            Release();
        }

        [TestMethod]
        public void Dispose_ReturnsTheHeapToItsBaseline()
        {
            HeapMeter.Begin(null);
            _expander = Open();
            WritePinOnce();
            ReadPinOnce();
            ServeInterruptOnce();
            Release();

            int bytes = HeapMeter.Retained(null);
            HeapBudget.AtMost(Subject, "disposed", bytes, 0);
        }

        [Cleanup]
        public void LeaveTheBenchAsFound()
        {
            Release();
            BenchChips.RestoreMcp23008();
        }

        private static void Release()
        {
            if (_expander != null)
            {
                _expander.Dispose();
                _expander = null;
            }
        }

        // Valves on GP0..GP5 (latch low, then outputs); GP7 an input with pull-up whose compare interrupt (DEFVAL low)
        // is pending for as long as it reads high, so every service finds one without an outside stimulus.
        private static Mcp23008 Open()
        {
            Mcp23008 expander = new Mcp23008(Mcp23008Bench.OpenDevice());
            expander.WritePort(0x00);
            expander.DirectionMask = 0xC0;
            expander.SetPinMode(SwitchPin, Mcp23008PinMode.InputPullUp);
            expander.EnableInterruptOnCompare(SwitchPin, false);
            return expander;
        }

        private static void WritePinOnce()
        {
            _valveOpen = !_valveOpen;
            _expander.Write(ValvePin, _valveOpen);
        }

        private static void ReadPinOnce()
        {
            _expander.Read(SwitchPin);
        }

        private static void ServeInterruptOnce()
        {
            _expander.ServiceInterrupt();
        }
    }
}
