using System;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// RESULT__INTERRUPT_STATUS_GPIO bits [7:6] (DocID026171 §6.2: 1 laser safety, 2 PLL): with an error the new-sample
    /// flag never appears, so every wait for a sample must end in an exception naming the error, not in a timeout
    /// (ST's VL6180x_RangePollMeasurement checks the error field first).
    /// </summary>
    public class Vl6180XDeviceErrorTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XDeviceErrorTests()
        {
            _chip = Vl6180XRig.PowerUp();
            _sensor = Vl6180XRig.Open();
        }

        [Theory]
        [InlineData(1, DeviceError.LaserSafety, "laser safety")]
        [InlineData(2, DeviceError.Pll, "PLL")]
        public void ReadRange_DeviceError_ThrowsNamingTheErrorBeforeTheTimeout(int bits, DeviceError expected, string name)
        {
            _chip.InjectedDeviceError = bits;
            long start = Board.Clock.NowTicks;

            Vl6180XDeviceErrorException error = Assert.Throws<Vl6180XDeviceErrorException>(() => _sensor.TryReadRange(out _, out _));

            Assert.Equal(expected, error.Error);
            Assert.Equal(0x04F, error.Register);
            Assert.Contains(name, error.Message);
            Assert.Contains("RESULT__INTERRUPT_STATUS_GPIO (0x04F)", error.Message);
            Assert.True(Board.Clock.NowTicks - start < TimeSpan.FromMilliseconds(_sensor.RangeTimeoutMilliseconds).Ticks);
        }

        [Fact]
        public void ReadRange_DeviceErrorGone_NextReadingIsValid()
        {
            _chip.InjectedDeviceError = 2;
            Assert.Throws<Vl6180XDeviceErrorException>(() => _sensor.ReadRangeMillimeters());

            _chip.InjectedDeviceError = null;

            Assert.Equal(0, _chip.Registers[0x04F].Value & 0xC0); // the driver cleared the error flag
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void ReadLux_DeviceError_ThrowsNamingTheError()
        {
            _chip.InjectedDeviceError = 1;

            Vl6180XDeviceErrorException error = Assert.Throws<Vl6180XDeviceErrorException>(() => _sensor.ReadLux());

            Assert.Equal(DeviceError.LaserSafety, error.Error);
        }

        [Fact]
        public void ReadRangeContinuous_DeviceError_ThrowsAndTheNextSampleIsRead()
        {
            _sensor.StartRangeContinuous(100);
            _chip.InjectedDeviceError = 2;

            Vl6180XDeviceErrorException error = Assert.Throws<Vl6180XDeviceErrorException>(() => _sensor.ReadRangeContinuousMillimeters());
            Assert.Equal(DeviceError.Pll, error.Error);

            _chip.InjectedDeviceError = null;
            Assert.Equal(100, _sensor.ReadRangeContinuousMillimeters());
        }

        [Fact]
        public void ReadInterleaved_DeviceError_ThrowsNamingTheError()
        {
            _sensor.StartInterleavedContinuous(200);
            _chip.InjectedDeviceError = 1;

            Vl6180XDeviceErrorException error = Assert.Throws<Vl6180XDeviceErrorException>(
                () => _sensor.TryReadInterleaved(out _, out _, out _, out _));

            Assert.Equal(DeviceError.LaserSafety, error.Error);
        }

        [Fact]
        public void ReadRange_RangeStatusPllCodeWithoutErrorBits_IsReportedAsTheRangeStatus()
        {
            // Whether range codes 4/5 also raise the error field is not stated: without it the code is the answer.
            _chip.ForcedRangeErrorCode = 4;

            Assert.False(_sensor.TryReadRange(out _, out RangeStatus status));
            Assert.Equal(RangeStatus.Pll1Lock, status);
        }

        [Fact]
        public void Simulator_InjectedError_SetsTheErrorFieldAndNoNewSampleFlag()
        {
            _chip.InjectedDeviceError = 2;
            var bus = new RawVl6180X();
            bus.Write(0x015, 0x07);
            bus.Write(0x018, 0x01);
            RawVl6180X.Advance(60);

            Assert.Equal(0x80, bus.Read8(0x04F));             // [7:6] = 2, range field empty
            Assert.Equal(0x01, bus.Read8(0x04D) & 0x01);      // device ready again
            bus.Write(0x015, 0x04);
            Assert.Equal(0x00, bus.Read8(0x04F));             // bit 2 of SYSTEM__INTERRUPT_CLEAR clears it
        }
    }
}
