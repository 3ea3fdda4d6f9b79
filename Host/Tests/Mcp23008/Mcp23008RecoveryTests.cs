using System.IO;
using System.Linq;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>
    /// Lost configuration after a brown-out (DS21919 §1.6: every register back to its power-on value, IODIR 0xFF):
    /// VerifyConfiguration notices it, RestoreConfiguration writes it back, in the transfers their docs state.
    /// </summary>
    public class Mcp23008RecoveryTests : Mcp23008DriverBench
    {
        public Mcp23008RecoveryTests()
        {
            Driver.WritePort(0x01);
            Driver.DirectionMask = 0xF0;
            Driver.PullUpMask = 0x80;
            Driver.PolarityMask = 0x40;
            ClearLog();
        }

        [Fact]
        public void VerifyConfiguration_ChipKeptItsSettings_TrueInTwoReadsThatClearNoInterrupt()
        {
            Driver.EnableInterruptOnChange(6);
            Chip.DriveInput(6, true);
            ClearLog();

            Assert.True(Driver.VerifyConfiguration());

            Assert.Equal("WriteRead 9, WriteRead 4", Transfers);
            Assert.Equal(new[] { IODIR, OLAT }, Log.Select(t => (int)t.Written[0]));
            Assert.NotEqual(0, Chip.Peek(INTF)); // the interrupt is still pending: INTCAP and GPIO were not read
        }

        [Fact]
        public void VerifyConfiguration_AfterPowerOnReset_False()
        {
            Chip.PowerOnReset();

            Assert.False(Driver.VerifyConfiguration());
        }

        [Fact]
        public void VerifyConfiguration_OnlyTheLatchLost_False()
        {
            Chip.Registers[OLAT].Value = 0x00;

            Assert.False(Driver.VerifyConfiguration());
        }

        [Fact]
        public void VerifyConfiguration_ChipDoesNotAnswer_ThrowsIOExceptionNamingTheRegister()
        {
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.AddressNack));

            var ex = Assert.Throws<Mcp23008Exception>(() => Driver.VerifyConfiguration());

            Assert.Contains("IODIR (0x00)", ex.Message);
        }

        [Fact]
        public void RestoreConfiguration_AfterPowerOnReset_WritesEverySettingBackInEightWrites()
        {
            Chip.PowerOnReset();
            ClearLog();

            Driver.RestoreConfiguration(0x00);

            Assert.Equal(string.Join(", ", Enumerable.Repeat("Write 3", 8)), Transfers);
            Assert.Equal(new[] { IOCON, OLAT, IPOL, GPINTEN, DEFVAL, INTCON, GPPU, IODIR }, Log.Select(t => (int)t.Written[0]));
            Assert.Equal(0xF0, Chip.Peek(IODIR));
            Assert.Equal(0x80, Chip.Peek(GPPU));
            Assert.Equal(0x40, Chip.Peek(IPOL));
            Assert.Equal(0x00, Chip.Peek(OLAT));
            Assert.Equal(0x00, Driver.OutputLatch);
            Assert.True(Driver.VerifyConfiguration());
        }

        [Fact]
        public void RestoreConfiguration_WritesTheLatchBeforeTheDirections()
        {
            Chip.PowerOnReset();
            ClearLog();

            Driver.RestoreConfiguration(0x02);

            int[] starts = Log.Select(t => (int)t.Written[0]).ToArray();
            Assert.True(System.Array.IndexOf(starts, OLAT) < System.Array.IndexOf(starts, IODIR), string.Join(",", starts));
            Assert.Equal(0x02, Chip.Peek(OLAT));
            Assert.Equal(0x02, Driver.OutputLatch);
        }

        [Fact]
        public void ByteMode_VerifyReadsThreeRegistersAndRestoreWritesOneAtATime()
        {
            Driver.SequentialOperation = false;
            ClearLog();
            Assert.True(Driver.VerifyConfiguration());
            Assert.Equal("WriteRead 4, WriteRead 4, WriteRead 4", Transfers);

            Chip.PowerOnReset();
            Assert.False(Driver.VerifyConfiguration());
            ClearLog();
            Driver.RestoreConfiguration(0x00);

            Assert.Equal(8, Log.Length);
            Assert.All(Log, t => Assert.Equal(I2cMethod.Write, t.Method));
            Assert.Equal(0xF0, Chip.Peek(IODIR));
            Assert.Equal(SEQOP, Chip.Peek(IOCON) & SEQOP);
            Assert.True(Driver.VerifyConfiguration());
        }
    }
}
