namespace NFUnitTest.FlowMeter
{
    using System;
    using System.Device.Gpio;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;

    /// <summary>Bad inputs get an exception naming the parameter, before any hardware is claimed.</summary>
    [TestClass]
    public class FlowMeterArgumentTests
    {
        private static GpioController _controller;

        [Setup]
        public void OpenController()
        {
            _controller = new GpioController();
        }

        [TestMethod]
        public void OnPulseCounter_NegativePin_ThrowsNamingPin()
        {
            FlowMeterBench.AssertOutOfRange("pin", () => FlowMeter.OnPulseCounter(-1, FlowSensorPulsesPerLitre.YfS201));
        }

        [TestMethod]
        public void OnGpioInterrupt_NegativePin_ThrowsNamingPin()
        {
            FlowMeterBench.AssertOutOfRange("pin", () => FlowMeter.OnGpioInterrupt(_controller, -1, FlowSensorPulsesPerLitre.YfS201));
        }

        [TestMethod]
        public void OnGpioInterrupt_NullController_ThrowsArgumentNull()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => FlowMeter.OnGpioInterrupt(null, FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS201));
        }

        [TestMethod]
        public void OnGpioInterrupt_BadKFactor_LeavesThePinClosed()
        {
            FlowMeterBench.AssertOutOfRange("pulsesPerLitre", () => FlowMeter.OnGpioInterrupt(_controller, FlowMeterBench.FlowSensorPin, 0));

            Assert.IsFalse(_controller.IsPinOpen(FlowMeterBench.FlowSensorPin));
        }

        [TestMethod]
        [DataRow(0.0)]
        [DataRow(-450.0)]
        [DataRow(double.NaN)]
        [DataRow(double.PositiveInfinity)]
        public void OnPulseCounter_KFactorNotAFiniteNumberAboveZero_ThrowsNamingIt(double pulsesPerLitre)
        {
            FlowMeterBench.AssertOutOfRange("pulsesPerLitre", () => FlowMeter.OnPulseCounter(FlowMeterBench.FlowSensorPin, pulsesPerLitre));
        }

        [TestMethod]
        [DataRow(0.0)]
        [DataRow(-1.0)]
        [DataRow(double.NaN)]
        public void OnGpioInterrupt_KFactorNotAboveZero_ThrowsNamingIt(double pulsesPerLitre)
        {
            FlowMeterBench.AssertOutOfRange("pulsesPerLitre", () => FlowMeter.OnGpioInterrupt(_controller, FlowMeterBench.FlowSensorPin, pulsesPerLitre));
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(1024)]
        public void OnPulseCounter_FilterOutside0To1023Nanoseconds_ThrowsNamingIt(int filterNanoseconds)
        {
            FlowMeterBench.AssertOutOfRange("filterNanoseconds", () => FlowMeter.OnPulseCounter(FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS201, filterNanoseconds));
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(1001)]
        public void OnGpioInterrupt_IntervalOutside0To1000_ThrowsNamingIt(int minimumPulseIntervalMilliseconds)
        {
            FlowMeterBench.AssertOutOfRange(
                "minimumPulseIntervalMilliseconds",
                () => FlowMeter.OnGpioInterrupt(_controller, FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS201, minimumPulseIntervalMilliseconds));
        }

        [TestMethod]
        [DataRow(0.0)]
        [DataRow(-3.0)]
        [DataRow(double.NaN)]
        public void PulsesPerLitre_SetNotAboveZero_ThrowsAndKeepsTheOldValue(double pulsesPerLitre)
        {
            using (FlowMeter meter = FlowMeter.OnPulseCounter(FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS401))
            {
                FlowMeterBench.AssertOutOfRange("value", () => meter.PulsesPerLitre = pulsesPerLitre);

                Assert.AreEqual(FlowSensorPulsesPerLitre.YfS401, meter.PulsesPerLitre);
            }
        }

        [TestMethod]
        [DataRow(0.0)]
        [DataRow(-1.0)]
        [DataRow(double.PositiveInfinity)]
        [DataRow(double.NaN)]
        public void Calibrate_VolumeNotAFiniteNumberAboveZero_ThrowsNamingIt(double measuredLitres)
        {
            using (FlowMeter meter = FlowMeter.OnPulseCounter(FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS201))
            {
                FlowMeterBench.AssertOutOfRange("measuredLitres", () => meter.Calibrate(measuredLitres));
            }
        }

        [TestMethod]
        [DataRow(0.0)]
        [DataRow(-30.0)]
        [DataRow(double.NaN)]
        [DataRow(double.PositiveInfinity)]
        public void MaximumLitresPerMinute_SetNotAFiniteNumberAboveZero_ThrowsAndKeepsTheOldValue(double litresPerMinute)
        {
            using (FlowMeter meter = FlowMeter.OnPulseCounter(FlowMeterBench.FlowSensorPin, FlowSensorPulsesPerLitre.YfS201))
            {
                FlowMeterBench.AssertOutOfRange("value", () => meter.MaximumLitresPerMinute = litresPerMinute);

                Assert.AreEqual(FlowSensorRatedFlow.YfS201MaximumLitresPerMinute, meter.MaximumLitresPerMinute);
            }
        }

        [Cleanup]
        public void CloseController()
        {
            _controller.Dispose();
        }
    }
}
