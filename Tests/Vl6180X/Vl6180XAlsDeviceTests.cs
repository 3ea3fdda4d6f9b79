using System;
using Drivers.VL6180X;
using nanoFramework.TestFramework;

namespace NFUnitTest.Vl6180XTests
{
    /// <summary>Ambient light and interleaved mode on the bench sensor.</summary>
    [TestClass]
    public class Vl6180XAlsDeviceTests
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
        public void TryReadLux_AnyLight_GivesANonNegativeLuxOrAnError()
        {
            bool valid = _sensor.TryReadLux(out double lux, out AlsStatus status);

            Assert.AreEqual(valid, status == AlsStatus.NoError);
            Assert.IsTrue(valid ? lux >= 0 : lux == 0);
        }

        [TestMethod]
        public void AlsIntegrationPeriod_256_IsSetAs257AndStillMeasures()
        {
            try
            {
                _sensor.AlsIntegrationPeriodMilliseconds = 256;

                Assert.AreEqual(257, _sensor.AlsIntegrationPeriodMilliseconds);
                bool valid = _sensor.TryReadLux(out double lux, out AlsStatus status);
                Assert.AreEqual(valid, status == AlsStatus.NoError);
            }
            finally
            {
                _sensor.AlsIntegrationPeriodMilliseconds = 100;
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        public void AlsGain_EachCode_IsAcceptedAndMeasures(int code)
        {
            try
            {
                _sensor.AlsGain = (AlsGain)code;

                Assert.AreEqual(code, (int)_sensor.AlsGain);
                bool valid = _sensor.TryReadLux(out double lux, out AlsStatus status);
                Assert.AreEqual(valid, status == AlsStatus.NoError);
            }
            finally
            {
                _sensor.AlsGain = AlsGain.Gain1;
            }
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(464)]
        public void AlsIntegrationPeriod_Limits_AreAcceptedAndMeasure(int milliseconds)
        {
            try
            {
                _sensor.AlsIntegrationPeriodMilliseconds = milliseconds;

                Assert.AreEqual(milliseconds, _sensor.AlsIntegrationPeriodMilliseconds);
                bool valid = _sensor.TryReadLux(out double lux, out AlsStatus status);
                Assert.AreEqual(valid, status == AlsStatus.NoError);
            }
            finally
            {
                _sensor.AlsIntegrationPeriodMilliseconds = 100;
            }
        }

        [TestMethod]
        public void StartInterleavedContinuous_ReadsPairsUntilStopped()
        {
            _sensor.StartInterleavedContinuous(200);
            try
            {
                for (int i = 0; i < 2; i++)
                {
                    bool valid = _sensor.TryReadInterleaved(out int millimeters, out RangeStatus rangeStatus, out double lux, out AlsStatus alsStatus);
                    Assert.AreEqual(valid, rangeStatus == RangeStatus.NoError && alsStatus == AlsStatus.NoError);
                }
            }
            finally
            {
                _sensor.StopInterleavedContinuous();
            }

            Assert.IsFalse(_sensor.IsInterleavedContinuous);
        }

        [TestMethod]
        public void AlsArguments_OutOfRange_ThrowArgumentOutOfRange()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.AlsGain = (AlsGain)8);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.AlsIntegrationPeriodMilliseconds = 0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.AlsIntegrationPeriodMilliseconds = 465);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.StartInterleavedContinuous(2551));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.ConfigureAlsInterrupt(InterruptMode.LevelLow, -1, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _sensor.AlsTimeoutMilliseconds = 60001);
        }
    }
}
