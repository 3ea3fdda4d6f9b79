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
        public void MaximumFlows_AreTheRatedMaximaAndPresetsSelectThem()
        {
            Assert.AreEqual(30.0, FlowSensorRatedFlow.YfS201MaximumLitresPerMinute);
            Assert.AreEqual(6.0, FlowSensorRatedFlow.YfS401MaximumLitresPerMinute);
            Assert.AreEqual(60.0, FlowSensorRatedFlow.Fs300AMaximumLitresPerMinute);
            Assert.AreEqual(60.0, FlowSensorRatedFlow.Fs400AMaximumLitresPerMinute);
            Assert.AreEqual(FlowSensorRatedFlow.YfS401MaximumLitresPerMinute, FlowSensorRatedFlow.MaximumForKFactor(FlowSensorPulsesPerLitre.YfS401));
            Assert.AreEqual(FlowSensorRatedFlow.UnknownMaximumLitresPerMinute, FlowSensorRatedFlow.MaximumForKFactor(double.NaN));
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void MaximumLitresPerMinute_OnTheBenchsYfS201_IsItsRatingAndCanBeRaised(bool onGpioInterrupt)
        {
            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                Assert.AreEqual(FlowSensorRatedFlow.YfS201MaximumLitresPerMinute, meter.MaximumLitresPerMinute);

                meter.MaximumLitresPerMinute = 45.0;

                Assert.AreEqual(45.0, meter.MaximumLitresPerMinute);
            }
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

                // The meter divides by the window in 100 ns ticks; elapsedMicroseconds drops the part below 1 µs, so
                // the rate recomputed from it is high by up to expected / elapsedMicroseconds (the GPIO source's
                // TickCount64 and the ESP32's RelativeTime tick in whole ms and µs, other platforms may not), plus
                // double rounding.
                double expected = pulses / FlowSensorPulsesPerLitre.YfS201 / (elapsedMicroseconds / 60_000_000.0);
                double tolerance = (expected / elapsedMicroseconds) + 1e-9;
                double error = expected - rate;
                Assert.IsTrue(error <= tolerance && error >= -1e-9, "rate " + rate.ToString() + ", expected " + expected.ToString());
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
