using System.Device.Gpio;
using System.Threading;
using Drivers.VL6180X;
using nanoFramework.TestFramework;
using NFUnitTest.FlowMeter;
using NFUnitTest.Vl6180XTests;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// Runs every platform path the memory tests measure once before any baseline: an I2C transfer, the GPIO event path
    /// and an ESP32 pulse-counter read. The first I2C transfers of a program leave about 800–970 B of nanoCLR's internal
    /// blocks allocated for good (nanoclr-heap.md §3d), and the first use of a type or of the event path may allocate in
    /// the runtime too: a baseline taken before them would never be reached again, and the first test would be charged
    /// for them.
    /// </summary>
    public static class PlatformWarmUp
    {
        private const int PulseWindowMilliseconds = 20;

        /// <summary>Warms the I2C transfer, the GPIO event path and the pulse-counter read, and says so in the output.</summary>
        public static void Run()
        {
            Vl6180X sensor = Vl6180XBench.Open();
            sensor.TryReadRange(out _, out _);
            sensor.Dispose();

            GpioController controller = new GpioController();
            Drivers.FlowMeter.FlowMeter onGpio = FlowMeterBench.Open(controller, true);
            Thread.Sleep(PulseWindowMilliseconds);
            onGpio.SampleLitresPerMinute();
            onGpio.Dispose();
            controller.Dispose();

            Drivers.FlowMeter.FlowMeter onCounter = FlowMeterBench.Open(null, false);
            Thread.Sleep(PulseWindowMilliseconds);
            onCounter.SampleLitresPerMinute();
            onCounter.Dispose();

            OutputHelper.WriteLine("heap: note warm-up ran an I2C transfer, the GPIO event path and a pulse-counter read before the baseline: " +
                "the first I2C transfers leave about 800-970 B of runtime blocks for good, so a baseline taken before them is never reached again");
        }
    }
}
