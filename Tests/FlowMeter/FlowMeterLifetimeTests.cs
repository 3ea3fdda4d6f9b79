namespace NFUnitTest.FlowMeter
{
    using System;
    using System.Device.Gpio;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;

    /// <summary>Dispose releases the pulse counter or the pin; nothing works on a disposed meter.</summary>
    [TestClass]
    public class FlowMeterLifetimeTests
    {
        private static GpioController _controller;

        [Setup]
        public void OpenController()
        {
            _controller = new GpioController();
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Dispose_ThenAnyMember_ThrowsObjectDisposed(bool onGpioInterrupt)
        {
            FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt);

            meter.Dispose();
            meter.Dispose();

            Assert.ThrowsException(typeof(ObjectDisposedException), () => _ = meter.TotalPulses);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => _ = meter.TotalLitres);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => _ = meter.PulsesPerLitre);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.PulsesPerLitre = FlowSensorPulsesPerLitre.Fs300A);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.SampleLitresPerMinute());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.Reset());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.StartCalibration());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.Calibrate(1.0));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => _ = meter.MaximumLitresPerMinute);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => meter.MaximumLitresPerMinute = 30.0);
        }

        [TestMethod]
        public void Dispose_GpioInterruptMeter_ClosesThePin()
        {
            FlowMeter meter = FlowMeterBench.Open(_controller, true);
            Assert.IsTrue(_controller.IsPinOpen(FlowMeterBench.FlowSensorPin));

            meter.Dispose();

            Assert.IsFalse(_controller.IsPinOpen(FlowMeterBench.FlowSensorPin));
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void Dispose_ThenANewMeterOnThePin_Counts(bool onGpioInterrupt)
        {
            FlowMeterBench.Open(_controller, onGpioInterrupt).Dispose();

            using (FlowMeter meter = FlowMeterBench.Open(_controller, onGpioInterrupt))
            {
                Assert.IsTrue(meter.TotalPulses >= 0);
            }
        }

        [Cleanup]
        public void CloseController()
        {
            _controller.Dispose();
        }
    }
}
