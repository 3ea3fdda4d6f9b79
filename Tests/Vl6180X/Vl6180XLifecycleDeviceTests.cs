using System;
using System.Device.Gpio;
using Drivers.VL6180X;
using nanoFramework.TestFramework;

namespace NFUnitTest.Vl6180XTests
{
    /// <summary>GPIO1 interrupts on GPIO26, the address change, re-opening and Dispose, on the bench sensor.</summary>
    [TestClass]
    public class Vl6180XLifecycleDeviceTests
    {
        [TestMethod]
        public void Gpio1_AfterASample_IsLowUntilCleared()
        {
            GpioController controller = new GpioController();
            GpioPin pin = controller.OpenPin(Vl6180XBench.Gpio1Pin, PinMode.InputPullUp);
            Vl6180X sensor = Vl6180XBench.Open();
            try
            {
                sensor.TryReadRange(out int millimeters, out RangeStatus status);
                Assert.IsTrue(pin.Read() == PinValue.Low);

                sensor.ClearInterrupts();

                Assert.IsTrue(pin.Read() == PinValue.High);
            }
            finally
            {
                sensor.Dispose();
                pin.Dispose();
                controller.Dispose();
            }
        }

        [TestMethod]
        public void Constructor_SensorAlreadyInitialised_KeepsItsSettings()
        {
            Vl6180X first = Vl6180XBench.Open();
            int offset = first.PartToPartOffsetMillimeters;
            first.AlsGain = AlsGain.Gain10;
            first.Dispose();

            Vl6180X second = Vl6180XBench.Open();
            try
            {
                Assert.AreEqual(offset, second.PartToPartOffsetMillimeters);
                Assert.AreEqual((int)AlsGain.Gain10, (int)second.AlsGain);
            }
            finally
            {
                second.AlsGain = AlsGain.Gain1;
                second.Dispose();
            }
        }

        [TestMethod]
        public void Constructor_ContinuousRangingLeftRunning_StopsItSoSingleShotsWork()
        {
            Vl6180X first = Vl6180XBench.Open();
            first.StartRangeContinuous(50);
            first.Dispose(); // the sensor keeps ranging, as after a warm restart of the MCU

            Vl6180X second = Vl6180XBench.Open();
            try
            {
                Assert.IsFalse(second.IsRangeContinuous);
                bool valid = second.TryReadRange(out int millimeters, out RangeStatus status);
                Assert.AreEqual(valid, status == RangeStatus.NoError);
            }
            finally
            {
                second.Dispose();
            }
        }

        [TestMethod]
        public void ChangeI2cAddress_ThereAndBack_KeepsMeasuring()
        {
            Vl6180X sensor = Vl6180XBench.Open();
            try
            {
                sensor.ChangeI2cAddress(0x2A);

                Assert.AreEqual(0x2A, sensor.I2cAddress);
                bool valid = sensor.TryReadRange(out int millimeters, out RangeStatus status);
                Assert.AreEqual(valid, status == RangeStatus.NoError);
            }
            finally
            {
                sensor.ChangeI2cAddress(Vl6180X.DefaultI2cAddress);
            }

            Assert.AreEqual(Vl6180X.DefaultI2cAddress, sensor.I2cAddress);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sensor.ChangeI2cAddress(0x78));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sensor.ChangeI2cAddress(0x07));
            sensor.Dispose();
        }

        [TestMethod]
        public void Members_AfterDispose_ThrowObjectDisposed()
        {
            Vl6180X sensor = Vl6180XBench.Open();
            sensor.Dispose();

            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.ReadRangeMillimeters());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.ReadLux());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.StartRangeContinuous(100));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.RangeScaling = 1);
            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.ClearInterrupts());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => sensor.ChangeI2cAddress(0x2A));
            sensor.Dispose();
        }
    }
}
