using System.IO;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>Bus faults: every failed transfer throws an IOException naming the register and the status.</summary>
    public class Mcp23008FaultTests : Mcp23008Bench
    {
        private readonly Mcp23008 _driver;

        public Mcp23008FaultTests()
        {
            _driver = NewDriver();
            _driver.DirectionMask = 0x00;
        }

        public override void Dispose()
        {
            _driver.Dispose();
            base.Dispose();
        }

        private static void Inject(I2cFaultKind kind, int bytesBeforeFault = 0) =>
            Board.I2cBus(1).InjectFault(Address, new I2cFault(kind) { BytesBeforeFault = bytesBeforeFault });

        [Theory]
        [InlineData(I2cFaultKind.AddressNack, "SlaveAddressNotAcknowledged")]
        [InlineData(I2cFaultKind.ClockStretchTimeout, "ClockStretchTimeout")]
        [InlineData(I2cFaultKind.PartialTransfer, "PartialTransfer")]
        public void Write_FailedTransfer_ThrowsNamingOlatAndTheStatus(I2cFaultKind kind, string status)
        {
            Inject(kind, bytesBeforeFault: 1);

            var ex = Assert.Throws<IOException>(() => _driver.Write(1, true));

            Assert.Contains("OLAT (0x0A)", ex.Message);
            Assert.Contains(status, ex.Message);
        }

        [Fact]
        public void Write_Failed_KeepsTheOldShadowSoTheNextWriteIsRight()
        {
            _driver.Write(0, true);
            Inject(I2cFaultKind.AddressNack);
            Assert.Throws<IOException>(() => _driver.Write(1, true));

            _driver.Write(2, true);

            Assert.Equal(0x05, Raw.Read(OLAT));
            Assert.Equal(0x05, _driver.OutputLatch);
        }

        [Fact]
        public void Read_PartialTransfer_ThrowsNamingGpio()
        {
            Inject(I2cFaultKind.PartialTransfer, bytesBeforeFault: 1);

            var ex = Assert.Throws<IOException>(() => _driver.Read(0));

            Assert.Contains("GPIO (0x09)", ex.Message);
            Assert.Contains("PartialTransfer after 1 byte(s)", ex.Message);
        }

        [Fact]
        public void ServiceInterrupt_ReadCutShort_ThrowsNamingIntfAndRaisesNothing()
        {
            int events = 0;
            _driver.PinChanged += (pin, value) => events++;
            _driver.EnableInterruptOnChange(7);
            Chip.DriveInput(7, true);
            Inject(I2cFaultKind.PartialTransfer, bytesBeforeFault: 2);

            var ex = Assert.Throws<IOException>(() => _driver.ServiceInterrupt());

            Assert.Contains("INTF (0x07)", ex.Message);
            Assert.Equal(0, events);
        }

        [Fact]
        public void SetPinMode_SecondWriteFails_ShadowsFollowWhatTheChipAcknowledged()
        {
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.AddressNack) { AfterTransfers = 1 });

            var ex = Assert.Throws<IOException>(() => _driver.SetPinMode(3, Mcp23008PinMode.InputPullUp));

            Assert.Contains("IODIR (0x00)", ex.Message);
            Assert.Equal(0x08, _driver.PullUpMask);
            Assert.Equal(0x00, _driver.DirectionMask);
            Assert.Equal(new byte[] { 0x00 }, new[] { Raw.Read(IODIR) });
        }

        [Fact]
        public void ChipStopsAnswering_EveryOperationThrowsNamingItsRegister()
        {
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.StopsAnswering));

            Assert.Contains("OLAT", Assert.Throws<IOException>(() => _driver.Toggle(0)).Message);
            Assert.Contains("GPIO", Assert.Throws<IOException>(() => _driver.ReadPort()).Message);
            Assert.Contains("GPPU", Assert.Throws<IOException>(() => _driver.PullUpMask = 1).Message);
            Assert.Contains("IPOL", Assert.Throws<IOException>(() => _driver.SetPinPolarity(0, true)).Message);
            Assert.Contains("INTCON", Assert.Throws<IOException>(() => _driver.EnableInterruptOnChange(0)).Message);
            Assert.Contains("DEFVAL", Assert.Throws<IOException>(() => _driver.EnableInterruptOnCompare(0, true)).Message);
            Assert.Contains("GPINTEN", Assert.Throws<IOException>(() => _driver.DisableInterrupt(0)).Message);
            Assert.Contains("IOCON", Assert.Throws<IOException>(() => _driver.SequentialOperation = false).Message);
            Assert.Contains("INTCAP", Assert.Throws<IOException>(() => _driver.ReadInterruptCapture()).Message);
            Assert.Contains("INTF", Assert.Throws<IOException>(() => _driver.ReadInterruptFlags()).Message);
        }
    }
}
