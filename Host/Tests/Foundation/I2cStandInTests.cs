using System;
using System.Device.I2c;
using System.Linq;
using VirtualBoard;
using Xunit;

namespace HostTests.Foundation
{
    /// <summary>The I2C stand-in behaves as nanoFramework 1.x: results, never exceptions, for bus faults.</summary>
    public class I2cStandInTests
    {
        private sealed class Echo : RegisterTarget
        {
            public readonly byte[] Registers = new byte[256];

            public Echo()
                : base(1)
            {
            }

            protected override byte ReadRegister(int index) => Registers[index & 0xFF];

            protected override void WriteRegister(int index, byte value) => Registers[index & 0xFF] = value;
        }

        public I2cStandInTests() => Board.Reset();

        [Fact]
        public void WriteRead_AbsentAddress_ReturnsSlaveAddressNotAcknowledgedWithoutThrowing()
        {
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x42));
            byte[] write = { 0x00 };
            byte[] read = new byte[2];

            I2cTransferResult result = device.WriteRead(write, read);

            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, result.Status);
            Assert.Equal(0u, result.BytesTransferred);
            I2cTransaction logged = Board.I2cLog.Entries.Single();
            Assert.Equal(I2cMethod.WriteRead, logged.Method);
            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, logged.Status);
        }

        [Fact]
        public void ConnectionSettings_TwoArguments_DefaultToFastMode()
        {
            Assert.Equal(I2cBusSpeed.FastMode, new I2cConnectionSettings(1, 0x29).BusSpeed);
        }

        [Fact]
        public void WriteRead_RegisterTarget_RepeatedStartReadsFromTheWrittenIndexAndAutoIncrements()
        {
            var chip = new Echo();
            chip.Registers[0x10] = 0xAB;
            chip.Registers[0x11] = 0xCD;
            Board.I2cBus(1).Attach(0x20, chip);
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x20));
            byte[] read = new byte[2];

            I2cTransferResult result = device.WriteRead(new byte[] { 0x10 }, read);

            Assert.Equal(I2cTransferStatus.FullTransfer, result.Status);
            Assert.Equal(3u, result.BytesTransferred);
            Assert.Equal(new byte[] { 0xAB, 0xCD }, read);
            Assert.Equal(0x12, chip.Index);
            Assert.Equal(5, Board.I2cLog.Entries.Single().WireBytes); // addr+W, index, addr+R, 2 data bytes
        }

        [Fact]
        public void Read_AfterStop_ContinuesFromThePersistentIndex()
        {
            var chip = new Echo();
            chip.Registers[0x05] = 0x55;
            Board.I2cBus(1).Attach(0x20, chip);
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x20));

            device.Write(new byte[] { 0x05 });
            byte value = device.ReadByte();

            Assert.Equal(0x55, value);
            Assert.Equal(new[] { I2cMethod.Write, I2cMethod.ReadByte }, Board.I2cLog.Entries.Select(e => e.Method));
        }

        [Theory]
        [InlineData(I2cFaultKind.AddressNack, I2cTransferStatus.SlaveAddressNotAcknowledged, 0u)]
        [InlineData(I2cFaultKind.ClockStretchTimeout, I2cTransferStatus.ClockStretchTimeout, 0u)]
        [InlineData(I2cFaultKind.StopsAnswering, I2cTransferStatus.SlaveAddressNotAcknowledged, 0u)]
        public void Transfer_InjectedFault_ReportsItsStatus(I2cFaultKind kind, I2cTransferStatus expected, uint bytes)
        {
            Board.I2cBus(1).Attach(0x20, new Echo());
            Board.I2cBus(1).InjectFault(0x20, new I2cFault(kind));
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x20));

            I2cTransferResult result = device.Write(new byte[] { 0x00, 0x01 });

            Assert.Equal(expected, result.Status);
            Assert.Equal(bytes, result.BytesTransferred);
            Assert.Equal(kind == I2cFaultKind.StopsAnswering ? I2cTransferStatus.SlaveAddressNotAcknowledged : I2cTransferStatus.FullTransfer,
                device.Write(new byte[] { 0x00, 0x01 }).Status);
        }

        [Fact]
        public void Write_PartialTransferFault_StoresOnlyTheBytesBeforeTheFault()
        {
            var chip = new Echo();
            Board.I2cBus(1).Attach(0x20, chip);
            Board.I2cBus(1).InjectFault(0x20, new I2cFault(I2cFaultKind.PartialTransfer) { BytesBeforeFault = 2, AfterTransfers = 1 });
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x20));

            Assert.Equal(I2cTransferStatus.FullTransfer, device.Write(new byte[] { 0x00, 0x11 }).Status);
            I2cTransferResult result = device.Write(new byte[] { 0x01, 0x22, 0x33 });

            Assert.Equal(I2cTransferStatus.PartialTransfer, result.Status);
            Assert.Equal(2u, result.BytesTransferred);
            Assert.Equal(0x22, chip.Registers[1]);
            Assert.Equal(0x00, chip.Registers[2]);
        }

        [Fact]
        public void Transfer_AllocationsInsideTheStandIn_AreChargedToThePlatform()
        {
            Board.I2cBus(1).Attach(0x20, new Echo());
            using var device = new I2cDevice(new I2cConnectionSettings(1, 0x20));
            byte[] write = { 0x00 };
            byte[] read = new byte[1];
            device.WriteRead(write, read);

            long before = GC.GetAllocatedBytesForCurrentThread();
            long platformBefore = AllocationLedger.PlatformBytes;
            device.WriteRead(write, read);
            long driverBytes = GC.GetAllocatedBytesForCurrentThread() - before - (AllocationLedger.PlatformBytes - platformBefore);

            Assert.Equal(0, driverBytes);
            Assert.True(AllocationLedger.PlatformBytes > platformBefore);
        }
    }
}
