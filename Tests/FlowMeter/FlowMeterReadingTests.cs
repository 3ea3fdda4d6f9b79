namespace NFUnitTest.FlowMeter
{
    using System.Device.Gpio;
    using System.Threading;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;

    /// <summary>
    /// Readings on the bench, with whatever water flows: windows measure the time that really passed, rates follow
    /// Q = (N / Δt) / K (hardware.md §3.2), windows never count a pulse twice, and Reset restarts everything.
    /// </summary>
    [TestClass]
    public class FlowMeterReadingTests
    {
        private static GpioController _controller;

        [Setup]
        public void OpenController()
        {
            _controller = new GpioController();
        }

        [TestMethod]
        public void Presets_AreTheDatasheetKFactorsInPulsesPerLitre()
        {
            Assert.AreEqual(450.0, FlowSensorPulsesPerLitre.YfS201);
            Assert.AreEqual(5880.0, FlowSensorPulsesPerLitre.YfS401);
            Assert.AreEqual(330.0, FlowSensorPulsesPerLitre.Fs300A);
            Assert.AreEqual(288.0, FlowSensorPulsesPerLitre.Fs400A);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void SampleLitresPerMinute_AfterASleep_MeasuresAtLeastTheSleep(bool onGpioInterrupt)
        {
            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                meter.SampleLitresPerMinute();
                Thread.Sleep(500);

                meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

                Assert.IsTrue(elapsedMicroseconds >= 500_000, "window " + elapsedMicroseconds.ToString() + " µs");
                Assert.IsTrue(pulses >= 0);
            }
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void SampleLitresPerMinute_Rate_IsWindowPulsesPerKFactorPerMinute(bool onGpioInterrupt)
        {
            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                Thread.Sleep(1000);

                double rate = meter.SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds);

                double expected = pulses / FlowSensorPulsesPerLitre.YfS201 / (elapsedMicroseconds / 60_000_000.0);
                double error = rate - expected;
                Assert.IsTrue(error < 1e-6 && error > -1e-6, "rate " + rate.ToString() + ", expected " + expected.ToString());
            }
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void SampleLitresPerMinute_ConsecutiveWindows_NeverCountMoreThanTheTotal(bool onGpioInterrupt)
        {
            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                long sum = 0;
                for (int i = 0; i < 5; i++)
                {
                    Thread.Sleep(200);
                    meter.SampleLitresPerMinute(out long pulses, out _);
                    sum += pulses;
                }

                long total = meter.TotalPulses;

                Assert.IsTrue(sum <= total, "windows " + sum.ToString() + ", total " + total.ToString());
            }
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Reset_RestartsTheWindowAndTheTotals(bool onGpioInterrupt)
        {
            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                Thread.Sleep(300);
                long before = meter.TotalPulses;

                meter.Reset();
                long after = meter.TotalPulses;
                Thread.Sleep(200);
                meter.SampleLitresPerMinute(out _, out long elapsedMicroseconds);

                Assert.IsTrue(after <= before, "after Reset " + after.ToString() + ", before " + before.ToString());
                Assert.IsTrue(elapsedMicroseconds >= 200_000 && elapsedMicroseconds < 300_000, "window " + elapsedMicroseconds.ToString() + " µs");
            }
        }

        [Cleanup]
        public void CloseController()
        {
            _controller.Dispose();
        }
    }
}
