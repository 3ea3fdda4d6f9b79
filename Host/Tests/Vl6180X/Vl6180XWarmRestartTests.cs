using System;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// A warm MCU restart leaves the sensor as it was, a continuous or interleaved mode included (only a power-down or a
    /// GPIO0/CE reset resets it). A new driver on that sensor must stop the mode, or its first single-shot start would
    /// only halt it and wait for a sample that never comes.
    /// </summary>
    public class Vl6180XWarmRestartTests
    {
        private readonly Vl6180XSimulator _chip;

        public Vl6180XWarmRestartTests()
        {
            _chip = Vl6180XRig.PowerUp();
        }

        [Fact]
        public void Simulator_ContinuousRanging_CarriesOnWhenTheDriverIsGone()
        {
            Vl6180X first = Vl6180XRig.Open();
            first.StartRangeContinuous(50);
            first.Dispose();
            int before = _chip.RangeMeasurementsCompleted;

            RawVl6180X.Advance(500);

            Assert.True(_chip.RangeContinuous);
            Assert.InRange(_chip.RangeMeasurementsCompleted - before, 9, 11);
        }

        [Fact]
        public void Constructor_ContinuousRangingLeftRunning_StopsItAndSingleShotsWork()
        {
            Vl6180X first = Vl6180XRig.Open();
            first.StartRangeContinuous(50);
            first.Dispose();
            RawVl6180X.Advance(125);

            using Vl6180X second = Vl6180XRig.Open();

            Assert.False(_chip.RangeContinuous);
            Assert.False(second.IsRangeContinuous);
            int before = _chip.RangeMeasurementsCompleted;
            Assert.Equal(100, second.ReadRangeMillimeters());
            Assert.Equal(100, second.ReadRangeMillimeters());
            Assert.Equal(2, _chip.RangeMeasurementsCompleted - before);
            RawVl6180X.Advance(500);
            Assert.Equal(2, _chip.RangeMeasurementsCompleted - before);
        }

        [Fact]
        public void Constructor_InterleavedModeLeftRunning_StopsItAndSwitchesItOff()
        {
            Vl6180X first = Vl6180XRig.Open();
            first.StartInterleavedContinuous(200);
            first.Dispose();
            RawVl6180X.Advance(330);

            using Vl6180X second = Vl6180XRig.Open();

            Assert.False(_chip.AlsContinuous);
            Assert.False(_chip.RangeContinuous);
            Assert.Equal(0, _chip.Registers[0x2A3].Value);
            Assert.Equal(100, second.ReadRangeMillimeters());
            Assert.Equal(200, second.ReadLux(), 0);
            int als = _chip.AlsMeasurementsCompleted;
            RawVl6180X.Advance(1000);
            Assert.Equal(als, _chip.AlsMeasurementsCompleted);
        }

        [Fact]
        public void Constructor_NothingLeftRunning_AtMostOneSingleShotPerChannelAndAllFlagsCleared()
        {
            Vl6180XRig.Open().Dispose();
            int ranges = _chip.RangeMeasurementsCompleted;
            int als = _chip.AlsMeasurementsCompleted;

            using Vl6180X second = Vl6180XRig.Open();

            Assert.Equal(ranges + 1, _chip.RangeMeasurementsCompleted);
            Assert.Equal(als + 1, _chip.AlsMeasurementsCompleted);
            Assert.Equal(0, _chip.Registers[0x04F].Value);
            Assert.False(_chip.Gpio1Asserted);
        }

        [Fact]
        public void Constructor_GroupedParameterHoldLeftSet_ReleasesIt()
        {
            Vl6180XRig.Open().Dispose();
            new RawVl6180X().Write(0x017, 0x01);

            using Vl6180X second = Vl6180XRig.Open();

            Assert.Equal(0, _chip.Registers[0x017].Value);
        }

        [Fact]
        public void Constructor_SensorNeverBecomesReady_ThrowsTimeoutWithinTheBound()
        {
            Vl6180X first = Vl6180XRig.Open();
            first.StartRangeContinuous(50);
            first.Dispose();
            _chip.NeverCompletes = true;
            long start = Board.Clock.NowTicks;

            Vl6180XTimeoutException error = Assert.Throws<Vl6180XTimeoutException>(() => Vl6180XRig.Open());

            Assert.Contains("device ready", error.Message);
            Assert.True(Board.Clock.NowTicks - start <= TimeSpan.FromMilliseconds(error.TimeoutMilliseconds + 20).Ticks);
        }
    }
}
