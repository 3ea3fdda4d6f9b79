using System.IO;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>Bus faults: every failed transfer throws an IOException naming the register and the status.</summary>
    public class Mcp23008FaultTests : Mcp23008DriverBench
    {
        public Mcp23008FaultTests()
        {
            Driver.DirectionMask = 0x00;
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

            var ex = Assert.Throws<Mcp23008Exception>(() => Driver.Write(1, true));

            Assert.Contains("OLAT (0x0A)", ex.Message);
            Assert.Contains(status, ex.Message);
            Assert.Equal(0x0A, ex.Register);
            Assert.Equal(status, ex.Status.ToString());
            Assert.IsAssignableFrom<System.IO.IOException>(ex);
        }

        [Fact]
        public void Write_Failed_KeepsTheOldShadowSoTheNextWriteIsRight()
        {
            Driver.Write(0, true);
            Inject(I2cFaultKind.AddressNack);
            Assert.Throws<Mcp23008Exception>(() => Driver.Write(1, true));

            Driver.Write(2, true);

            Assert.Equal(0x05, Raw.Read(OLAT));
            Assert.Equal(0x05, Driver.OutputLatch);
        }

        [Fact]
        public void Read_PartialTransfer_ThrowsNamingGpio()
        {
            Inject(I2cFaultKind.PartialTransfer, bytesBeforeFault: 1);

            var ex = Assert.Throws<Mcp23008Exception>(() => Driver.Read(0));

            Assert.Contains("GPIO (0x09)", ex.Message);
            Assert.Contains("PartialTransfer after 1 byte(s)", ex.Message);
        }

        [Fact]
        public void ServiceInterrupt_ReadCutShort_ThrowsNamingIntfAndRaisesNothing()
        {
            int events = 0;
            Driver.PinChanged += (pin, value) => events++;
            Driver.EnableInterruptOnChange(7);
            Chip.DriveInput(7, true);
            Inject(I2cFaultKind.PartialTransfer, bytesBeforeFault: 2);

            var ex = Assert.Throws<Mcp23008Exception>(() => Driver.ServiceInterrupt());

            Assert.Contains("INTF (0x07)", ex.Message);
            Assert.Equal(0, events);
        }

        [Fact]
        public void SetPinMode_SecondWriteFails_ShadowsFollowWhatTheChipAcknowledged()
        {
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.AddressNack) { AfterTransfers = 1 });

            var ex = Assert.Throws<Mcp23008Exception>(() => Driver.SetPinMode(3, Mcp23008PinMode.InputPullUp));

            Assert.Contains("IODIR (0x00)", ex.Message);
            Assert.Equal(0x08, Driver.PullUpMask);
            Assert.Equal(0x00, Driver.DirectionMask);
            Assert.Equal(new byte[] { 0x00 }, new[] { Raw.Read(IODIR) });
        }

        [Fact]
        public void ChipStopsAnswering_EveryOperationThrowsNamingItsRegister()
        {
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.StopsAnswering));

            Assert.Contains("OLAT", Assert.Throws<Mcp23008Exception>(() => Driver.Toggle(0)).Message);
            Assert.Contains("GPIO", Assert.Throws<Mcp23008Exception>(() => Driver.ReadPort()).Message);
            Assert.Contains("GPPU", Assert.Throws<Mcp23008Exception>(() => Driver.PullUpMask = 1).Message);
            Assert.Contains("IPOL", Assert.Throws<Mcp23008Exception>(() => Driver.SetPinPolarity(0, true)).Message);
            Assert.Contains("INTCON", Assert.Throws<Mcp23008Exception>(() => Driver.EnableInterruptOnChange(0)).Message);
            Assert.Contains("DEFVAL", Assert.Throws<Mcp23008Exception>(() => Driver.EnableInterruptOnCompare(0, true)).Message);
            Assert.Contains("GPINTEN", Assert.Throws<Mcp23008Exception>(() => Driver.DisableInterrupt(0)).Message);
            Assert.Contains("IOCON", Assert.Throws<Mcp23008Exception>(() => Driver.SequentialOperation = false).Message);
            Assert.Contains("INTCAP", Assert.Throws<Mcp23008Exception>(() => Driver.ReadInterruptCapture()).Message);
            Assert.Contains("INTF", Assert.Throws<Mcp23008Exception>(() => Driver.ReadInterruptFlags()).Message);
        }
    }
}
