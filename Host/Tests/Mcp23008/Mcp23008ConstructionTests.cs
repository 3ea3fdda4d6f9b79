using System;
using System.IO;
using System.Linq;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    public class Mcp23008ConstructionTests : Mcp23008Bench
    {
        [Theory]
        [InlineData(0x20)]
        [InlineData(0x23)]
        [InlineData(0x27)]
        public void Constructor_AddressSetByA2A0_IsAccepted(int address)
        {
            if (address != Address)
            {
                Board.I2cBus(1).Attach(address, new Simulators.Mcp23008Simulator(null));
            }

            using var driver = new Mcp23008(NewDevice(address));

            Assert.Equal(0xFF, driver.DirectionMask);
        }

        [Theory]
        [InlineData(0x1F)]
        [InlineData(0x28)]
        [InlineData(0x40)]
        public void Constructor_AddressOutside0x20To0x27_ThrowsNamingTheDeviceAndTheRange(int address)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp23008(NewDevice(address)));

            Assert.Equal("device", ex.ParamName);
            Assert.Contains("0x20 to 0x27", ex.Message);
            Assert.Contains("0x" + address.ToString("X2"), ex.Message);
            Assert.Empty(Log);
        }

        [Fact]
        public void Constructor_NullDevice_ThrowsArgumentNull()
        {
            var ex = Assert.Throws<ArgumentNullException>(() => new Mcp23008(null));

            Assert.Equal("device", ex.ParamName);
        }

        [Fact]
        public void Constructor_ConfiguredChip_SyncsEveryShadowInOneElevenByteReadAndWritesNothing()
        {
            Raw.Write(IODIR, 0xF0, 0x10, 0x20, 0x20, 0x20, ODR | DISSLW, 0x30);
            Raw.Write(OLAT, 0x0C);
            ClearLog();

            using var driver = new Mcp23008(NewDevice());

            I2cTransaction read = Assert.Single(Log);
            Assert.Equal(I2cMethod.WriteRead, read.Method);
            Assert.Equal(new byte[] { IODIR }, read.Written);
            Assert.Equal(11, read.Read.Length);
            Assert.Equal(14, read.WireBytes);
            Assert.Equal(0xF0, driver.DirectionMask);
            Assert.Equal(0x10, driver.PolarityMask);
            Assert.Equal(0x30, driver.PullUpMask);
            Assert.Equal(0x0C, driver.OutputLatch);
            Assert.Equal(Mcp23008InterruptOutput.OpenDrain, driver.InterruptOutput);
            Assert.True(driver.SequentialOperation);
            Assert.Equal(Mcp23008PinMode.InputPullUp, driver.GetPinMode(4));
            Assert.Equal(Mcp23008PinMode.Output, driver.GetPinMode(3));
        }

        [Fact]
        public void Constructor_SyncedLatch_IsTheBaseOfTheNextPinWrite()
        {
            Raw.Write(IODIR, 0x00);
            Raw.Write(OLAT, 0x0C);
            using var driver = new Mcp23008(NewDevice());

            driver.Write(0, true);

            Assert.Equal(0x0D, Raw.Read(OLAT));
        }

        [Fact]
        public void Constructor_ChipLeftInByteMode_ReadsTheRegistersOneAtATime()
        {
            Raw.Write(IOCON, SEQOP | INTPOL);
            Raw.Write(GPPU, 0x0F);
            Raw.Write(IODIR, 0x3C);
            Raw.Write(OLAT, 0x03);
            ClearLog();

            using var driver = new Mcp23008(NewDevice());

            Assert.Equal(1 + 1 + 11, Log.Length);
            Assert.All(Log, e => Assert.Equal(I2cMethod.WriteRead, e.Method));
            Assert.False(driver.SequentialOperation);
            Assert.Equal(Mcp23008InterruptOutput.ActiveHigh, driver.InterruptOutput);
            Assert.Equal(0x0F, driver.PullUpMask);
            Assert.Equal(0x3C, driver.DirectionMask);
            Assert.Equal(0x03, driver.OutputLatch);
        }

        [Fact]
        public void Constructor_PendingInterrupt_IsClearedByTheSyncRead()
        {
            Raw.Write(GPINTEN, 0x01);
            Chip.DriveInput(0, true);
            Assert.True(Chip.InterruptPending);

            using var driver = new Mcp23008(NewDevice());

            Assert.False(Chip.InterruptPending);
            Assert.True(Board.Pin(InterruptGpio).Level);
        }

        [Fact]
        public void Constructor_NoChipAnswering_ThrowsIOExceptionNamingIodirAndTheStatus()
        {
            Board.I2cBus(1).Detach(Address);

            var ex = Assert.Throws<Mcp23008Exception>(() => new Mcp23008(NewDevice()));

            Assert.Contains("IODIR (0x00)", ex.Message);
            Assert.Contains("SlaveAddressNotAcknowledged", ex.Message);
        }

        [Fact]
        public void Dispose_OwnedDevice_IsDisposed()
        {
            var device = NewDevice();
            var driver = new Mcp23008(device);

            driver.Dispose();
            driver.Dispose();

            Assert.Throws<ObjectDisposedException>(() => device.Write(new byte[] { OLAT, 0 }));
        }

        [Fact]
        public void Dispose_SharedDevice_StaysUsable()
        {
            using var device = NewDevice();
            var driver = new Mcp23008(device, shouldDispose: false);

            driver.Dispose();

            Assert.Equal(System.Device.I2c.I2cTransferStatus.FullTransfer, device.Write(new byte[] { OLAT, 0 }).Status);
        }

        [Fact]
        public void AfterDispose_EveryMember_ThrowsObjectDisposed()
        {
            var driver = new Mcp23008(NewDevice());
            driver.Dispose();
            ClearLog();

            Action[] uses =
            {
                () => driver.Write(0, true), () => driver.Write(0, System.Device.Gpio.PinValue.High), () => driver.Toggle(0),
                () => driver.Read(0), () => driver.ReadPort(), () => driver.WritePort(0), () => driver.SetPinMode(0, Mcp23008PinMode.Output),
                () => driver.GetPinMode(0), () => driver.SetPinPolarity(0, true), () => _ = driver.DirectionMask, () => driver.DirectionMask = 0,
                () => _ = driver.PullUpMask, () => driver.PullUpMask = 0, () => _ = driver.PolarityMask, () => driver.PolarityMask = 0,
                () => _ = driver.OutputLatch, () => _ = driver.InterruptOutput, () => driver.InterruptOutput = Mcp23008InterruptOutput.ActiveLow,
                () => _ = driver.SequentialOperation, () => driver.SequentialOperation = true, () => driver.EnableInterruptOnChange(0),
                () => driver.EnableInterruptOnCompare(0, false), () => driver.DisableInterrupt(0), () => driver.ReadInterruptFlags(),
                () => driver.ReadInterruptCapture(), () => driver.ServiceInterrupt(), () => driver.DisableInterruptPin(),
                () => driver.EnableInterruptPin(new System.Device.Gpio.GpioController(), InterruptGpio),
            };

            Assert.All(uses, use => Assert.Throws<ObjectDisposedException>(use));
            Assert.Empty(Log);
        }
    }
}
