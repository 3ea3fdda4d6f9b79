namespace NFUnitTest.Memory
{
    using System.Device.Gpio;
    using System.Threading;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;
    using NFUnitTest.FlowMeter;

    /// <summary>
    /// The flow meter's heap on the bench (sensor on GPIO4), on each pulse source: the GPIO interrupt (subject
    /// <c>FlowMeter</c>) and the ESP32 pulse counter (<c>FlowMeterPulseCounter</c>). Instance bytes against the budget, the
    /// hot operations many times with retained memory unchanged, dispose and back to the baseline. Pulses are whatever
    /// flows on the bench. GC.Run deltas cannot see garbage: the garbage per pulse and per sample is modelled on the host.
    /// </summary>
    [TestClass]
    public class FlowMeterMemoryTests
    {
        private const int HotCalls = 20;
        private const int SampleWindowMilliseconds = 10;
        private const int PulseWindowMilliseconds = 100;

        private static GpioController _controller;
        private static FlowMeter _meter;

        [Setup]
        public void WarmUp()
        {
            PlatformWarmUp.Run();
            Open(true);
            SampleOnce();
            LetPulsesCome();
            Release();
            Open(false);
            SampleOnce();
            Release();
        }

        [TestMethod]
        [DataRow(true)]
        [DataRow(false)]
        public void Instance_StaysWithinBudget(bool onGpioInterrupt)
        {
            HeapMeter.Begin(null);
            Open(onGpioInterrupt);

            int budget = onGpioInterrupt ? MemoryBudgets.FlowMeter.InstanceBytes : MemoryBudgets.FlowMeterPulseCounter.InstanceBytes;
            int bytes = HeapMeter.Retained(_meter);
            HeapBudget.AtMost(Subject(onGpioInterrupt), "instance", bytes, budget);
            Release();
        }

        [TestMethod]
        [DataRow(true)]
        [DataRow(false)]
        public void Sample_ManyCalls_RetainNothingAndAllocateNothing(bool onGpioInterrupt)
        {
            Open(onGpioInterrupt);
            int retainedBudget = onGpioInterrupt
                ? MemoryBudgets.FlowMeter.Sample.RetainedBytes
                : MemoryBudgets.FlowMeterPulseCounter.Sample.RetainedBytes;
            int hostBudget = onGpioInterrupt ? MemoryBudgets.FlowMeter.Sample.HostBytes : MemoryBudgets.FlowMeterPulseCounter.Sample.HostBytes;

            HeapBudget.HotOperation(Subject(onGpioInterrupt), "Sample", _meter, SampleOnce, HotCalls, retainedBudget, hostBudget);
            Release();
        }

        [TestMethod]
        public void PulseHandler_PulsesForAWhile_RetainNothingAndAllocateNothing()
        {
            Open(true);

            HeapBudget.HotOperation(
                "FlowMeter",
                "PulseHandler",
                _meter,
                LetPulsesCome,
                HotCalls,
                MemoryBudgets.FlowMeter.PulseHandler.RetainedBytes,
                MemoryBudgets.FlowMeter.PulseHandler.HostBytes);
            Release();
        }

        [TestMethod]
        [DataRow(true)]
        [DataRow(false)]
        public void Dispose_ReturnsTheHeapToItsBaseline(bool onGpioInterrupt)
        {
            HeapMeter.Begin(null);
            Open(onGpioInterrupt);
            SampleOnce();
            LetPulsesCome();
            Release();

            int bytes = HeapMeter.Retained(null);
            HeapBudget.AtMost(Subject(onGpioInterrupt), "disposed", bytes, 0);
        }

        [Cleanup]
        public void Release()
        {
            if (_meter != null)
            {
                _meter.Dispose();
                _meter = null;
            }

            if (_controller != null)
            {
                _controller.Dispose();
                _controller = null;
            }
        }

        private static string Subject(bool onGpioInterrupt)
        {
            return onGpioInterrupt ? "FlowMeter" : "FlowMeterPulseCounter";
        }

        // The GPIO meter's controller is the application's, created with it, so the instance figure counts it as the
        // footprint report does.
        private static void Open(bool onGpioInterrupt)
        {
            if (onGpioInterrupt)
            {
                _controller = new GpioController();
            }

            _meter = FlowMeterBench.Open(_controller, onGpioInterrupt);
        }

        private static void SampleOnce()
        {
            Thread.Sleep(SampleWindowMilliseconds);
            _meter.SampleLitresPerMinute();
        }

        private static void LetPulsesCome()
        {
            Thread.Sleep(PulseWindowMilliseconds);
        }
    }
}
