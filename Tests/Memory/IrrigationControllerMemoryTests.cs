using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// The irrigation controller's heap on the bench, built as the firmware builds it (every driver, the hardware classes,
    /// the settings, the controller; logging off): instance bytes against the budget, schedule passes with retained
    /// memory unchanged, dispose and back to the baseline. Every zone's dry threshold is 0 %, so no pass ever opens a
    /// valve. GC.Run deltas cannot see garbage: the garbage of a pass is modelled on the host (the irrigation run's
    /// memory summary).
    /// </summary>
    [TestClass]
    public class IrrigationControllerMemoryTests
    {
        private const string Subject = "IrrigationController";
        private const int HotCalls = 10;

        private static IrrigationHardware _hardware;
        private static IrrigationController _controller;

        [Setup]
        public void WarmUp()
        {
            PlatformWarmUp.Run();
            Open();
            SchedulePassOnce();
            Release();
        }

        [TestMethod]
        public void Instance_StaysWithinBudget()
        {
            HeapMeter.Begin(null);
            Open();

            int bytes = HeapMeter.Retained(_controller);
            HeapBudget.AtMost(Subject, "instance", bytes, MemoryBudgets.IrrigationController.InstanceBytes);
            Release();
        }

        [TestMethod]
        public void SchedulePass_ManyCalls_RetainNothingAndAllocateNothing()
        {
            Open();

            HeapBudget.HotOperation(
                Subject,
                "SchedulePass",
                _controller,
                SchedulePassOnce,
                HotCalls,
                MemoryBudgets.IrrigationController.SchedulePass.RetainedBytes,
                MemoryBudgets.IrrigationController.SchedulePass.HostBytes);
            Release();
        }

        [TestMethod]
        public void Dispose_ReturnsTheHeapToItsBaseline()
        {
            HeapMeter.Begin(null);
            Open();
            SchedulePassOnce();
            Release();

            int bytes = HeapMeter.Retained(null);
            HeapBudget.AtMost(Subject, "disposed", bytes, 0);
        }

        /// <summary>The firmware sets the tank sensor's range scaling and the valve outputs: both back to power-on.</summary>
        [Cleanup]
        public void LeaveTheBenchAsFound()
        {
            Release();
            BenchChips.RestoreVl6180X();
            BenchChips.RestoreMcp23008();
        }

        private static void Release()
        {
            if (_hardware != null)
            {
                _hardware.Dispose();
                _hardware = null;
            }

            _controller = null;
        }

        // The firmware's start-up (Program.Main) with the bench settings, logging off and every zone never dry.
        private static void Open()
        {
            IrrigationSettings settings = new IrrigationSettings();
            for (int i = 0; i < settings.Zones.Length; i++)
            {
                settings.Zones[i].DryThresholdPercent = 0;
            }

            _hardware = IrrigationHardware.Open(settings, null);
            _controller = new IrrigationController(settings, _hardware, new Clock(), null);
        }

        private static void SchedulePassOnce()
        {
            _controller.RunSchedulePass();
        }
    }
}
