using System;
using Drivers.VL6180X;
using nanoFramework.TestFramework;

namespace NFUnitTest.Vl6180XTests
{
    /// <summary>Ranging on the bench sensor. Whatever the scene, a reading is a distance or an error, never both.</summary>
    [TestClass]
    public class Vl6180XRangeDeviceTests
    {
        private static Vl6180X _sensor;

        [Setup]
        public void OpenSensor()
        {
            _sensor = Vl6180XBench.Open();
        }

        [Cleanup]
        public void CloseSensor()
        {
            _sensor.Dispose();
        }

        [TestMethod]
        public void TryReadRange_AnyScene_GivesADistanceOrAnErrorNeverBoth()
        {
            for (int i = 0; i < 5; i++)
            {
                bool valid = _sensor.TryReadRange(out int millimeters, out RangeStatus status);

                Assert.AreEqual(valid, status == RangeStatus.NoError);
                Assert.IsTrue(valid ? millimeters >= 0 && millimeters <= 255 : millimeters == 0);
            }
        }

        [TestMethod]
        public void ReadRangeMillimeters_AnyScene_ReturnsADistanceOrThrowsRangeError()
        {
            try
            {
                int millimeters = _sensor.ReadRangeMillimeters();
                Assert.IsTrue(millimeters >= 0 && millimeters <= 255);
            }
            catch (RangeErrorException error)
            {
                Assert.IsFalse(error.Status == RangeStatus.NoError);
            }
        }

        [TestMethod]
        public void RangeScaling_Two_GivesDistancesInTwoMillimeterSteps()
        {
            try
            {
                _sensor.RangeScaling = 2;

                Assert.AreEqual(2, _sensor.RangeScaling);
                if (_sensor.TryReadRange(out int millimeters, out RangeStatus status))
                {
                    Assert.AreEqual(0, millimeters % 2);
                }
            }
            finally
            {
                _sensor.RangeScaling = 1;
            }
        }

        [TestMethod]
        public void PartToPartOffset_Set_ReadsBack()
        {
            int factory = _sensor.PartToPartOffsetMillimeters;
            try
            {
                _sensor.PartToPartOffsetMillimeters = -7;

                Assert.AreEqual(-7, _sensor.PartToPartOffsetMillimeters);
            }
            finally
            {
                _sensor.PartToPartOffsetMillimeters = factory;
            }
        }

        [TestMethod]
        [DataRow(10)]
        [DataRow(100)]
        public void StartRangeContinuous_Period_DeliversSamplesUntilStopped(int periodMilliseconds)
        {
            _sensor.StartRangeContinuous(periodMilliseconds);
            try
            {
                Assert.IsTrue(_sensor.IsRangeContinuous);
                for (int i = 0; i < 3; i++)
                {
                    bool valid = _sensor.TryReadRangeContinuous(out int millimeters, out RangeStatus status);
                    Assert.AreEqual(valid, status == RangeStatus.NoError);
                }
            }
            finally
            {
                _sensor.StopRangeContinuous();
            }

            Assert.IsFalse(_sensor.IsRangeContinuous);
            Assert.ThrowsException(typeof(InvalidOperationException), () => _sensor.TryReadRangeContinuous(out _, out _));
        }

        [TestMethod]
        public void RangeArguments_OutOfRange_ThrowArgumentOutOfRange()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.StartRangeContinuous(9));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.StartRangeContinuous(2551));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.RangeScaling = 4);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.PartToPartOffsetMillimeters = 128);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.PartToPartOffsetMillimeters = -129);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.RangeTimeoutMilliseconds = 0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 100, 50));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.ConfigureRangeInterrupt(InterruptMode.LevelHigh, 0, 256));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.CalibratePartToPartOffset(0));
        }
    }
}
