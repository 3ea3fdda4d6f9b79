using System.Device.Gpio;
using System.Device.I2c;
using System.Linq;
using Simulators;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>The MCP23008 simulator against the datasheet, with no driver: raw register accesses only.</summary>
    public class Mcp23008SimulatorTests
    {
        private readonly Mcp23008Simulator _chip = new Mcp23008Simulator();
        private readonly RawRegisters _bus;

        public Mcp23008SimulatorTests()
        {
            Board.Reset();
            Board.I2cBus(1).Attach(Address, _chip);
            _bus = new RawRegisters();
        }

        private static BoardPin Int => Board.Pin(InterruptGpio);

        [Fact]
        public void PowerOn_AllElevenRegisters_HaveTheDatasheetValues()
        {
            Assert.Equal(new byte[] { 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, _bus.Read(IODIR, 11));
            Assert.Equal(
                new[] { "IODIR", "IPOL", "GPINTEN", "DEFVAL", "INTCON", "IOCON", "GPPU", "INTF", "INTCAP", "GPIO", "OLAT" },
                new[] { IODIR, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO, OLAT }.Select(a => _chip.Registers[a].Name));
        }

        [Fact]
        public void SequentialRead_PastOlat_RollsOverToIodir()
        {
            _bus.Write(OLAT, 0x5A);

            Assert.Equal(new byte[] { 0x5A, 0xFF, 0x00 }, _bus.Read(OLAT, 3));
        }

        [Fact]
        public void SequentialWrite_AutoIncrements()
        {
            _bus.Write(GPINTEN, 0x01, 0x02, 0x03);

            Assert.Equal(new byte[] { 0x01, 0x02, 0x03 }, _bus.Read(GPINTEN, 3));
        }

        [Fact]
        public void ByteMode_RepeatedReadsAndWrites_StayOnOneRegister()
        {
            _bus.Write(IOCON, SEQOP);
            _bus.Write(GPPU, 0x11, 0x22, 0x33);

            Assert.Equal(new byte[] { 0x33, 0x33, 0x33 }, _bus.Read(GPPU, 3));
            Assert.Equal(0x00, _chip.Peek(INTF));
        }

        [Fact]
        public void Pointer_PersistsAcrossAStop()
        {
            _bus.Write(GPPU, 0x42);
            using var device = new I2cDevice(new I2cConnectionSettings(1, Address));
            device.Write(new byte[] { GPPU });
            byte[] read = new byte[1];

            Assert.Equal(I2cTransferStatus.FullTransfer, device.Read(read).Status);
            Assert.Equal(0x42, read[0]);
        }

        [Fact]
        public void GpioWrite_LandsInOlat()
        {
            _bus.Write(GPIO, 0xA5);

            Assert.Equal(0xA5, _bus.Read(OLAT));
        }

        [Fact]
        public void OutputPins_ReadBackTheLatch_AndIgnoreOutsideDrive()
        {
            _bus.Write(IODIR, 0xF0);
            _bus.Write(OLAT, 0x05);
            _chip.DriveInputs(0xFF, 0x00);

            Assert.Equal(0x05, _bus.Read(GPIO));
            Assert.Equal(0x05, _chip.PinLevels);
        }

        [Fact]
        public void OlatWrite_OnAnInputPin_OnlyChangesTheLatchUntilThePinBecomesAnOutput()
        {
            _bus.Write(OLAT, 0x01);
            Assert.False(_chip.PinLevel(0));

            _bus.Write(IODIR, 0xFE);

            Assert.True(_chip.PinLevel(0));
        }

        [Fact]
        public void UndrivenInput_WithPullUp_ReadsHigh()
        {
            _bus.Write(GPPU, 0x81);

            Assert.Equal(0x81, _bus.Read(GPIO));
        }

        [Fact]
        public void UndrivenInput_WithoutPullUp_ReadsTheConfiguredFloatingLevel()
        {
            Assert.Equal(0x00, _bus.Read(GPIO));

            _chip.FloatingInputLevel = true;

            Assert.Equal(0xFF, _bus.Read(GPIO));
        }

        [Fact]
        public void PullUp_OnAnOutput_HasNoEffect()
        {
            _bus.Write(IODIR, 0x00);
            _bus.Write(GPPU, 0xFF);

            Assert.Equal(0x00, _bus.Read(GPIO));
        }

        [Fact]
        public void Ipol_InvertsInputsOnly()
        {
            _bus.Write(IODIR, 0x0F);
            _bus.Write(IPOL, 0xFF);
            _bus.Write(OLAT, 0x50);

            Assert.Equal(0x5F, _bus.Read(GPIO));
        }

        [Fact]
        public void Iocon_UnimplementedBits_ReadZero()
        {
            _bus.Write(IOCON, 0xFF);

            Assert.Equal(0x3E, _bus.Read(IOCON));
        }

        [Fact]
        public void IntfAndIntcap_Writes_AreIgnoredAndRecordedAsViolations()
        {
            using (Board.RegisterViolations.Expect())
            {
                _bus.Write(INTF, 0xFF, 0xFF);
            }

            Assert.Equal(new byte[] { 0x00, 0x00 }, _bus.Read(INTF, 2));
            Assert.Equal(new[] { INTF, INTCAP }, _chip.Registers.Violations.Select(v => v.Address));
        }

        [Fact]
        public void UndeclaredRegister_AnswersZeroAndIsRecordedAsAViolation()
        {
            using var device = new I2cDevice(new I2cConnectionSettings(1, Address));
            byte[] read = { 0xFF };

            using (Board.RegisterViolations.Expect())
            {
                device.WriteRead(new byte[] { 0x0B }, read);
            }

            Assert.Equal(0, read[0]);
            RegisterViolation violation = Assert.Single(_chip.Registers.Violations);
            Assert.Equal(0x00B, violation.Address);
        }

        [Fact]
        public void Table_DeclaresElevenByteRegistersWithTheDatasheetAccess()
        {
            Assert.Equal(Enumerable.Range(0, 11), _chip.Registers.All.Select(r => r.Address));
            Assert.All(_chip.Registers.All, r => Assert.Equal(8, r.WidthBits));
            Assert.Equal(0xC1, _chip.Registers[IOCON].BitsWith(RegisterAccess.ReadOnly));
            Assert.Equal(0xFF, _chip.Registers[INTF].BitsWith(RegisterAccess.ReadOnly));
            Assert.Equal(0xFF, _chip.Registers[INTCAP].BitsWith(RegisterAccess.ReadOnly));

            _bus.Write(IOCON, 0xFF);

            Assert.Equal(0x3E, _bus.Read(IOCON));
            Assert.Empty(_chip.Registers.Violations);
        }

        [Fact]
        public void OnChange_FirstChange_LatchesTheLowestChangedPinAndThePort()
        {
            _bus.Write(GPINTEN, 0x0F);
            _chip.DriveInput(3, true);

            Assert.Equal(new byte[] { 0x08, 0x08 }, _bus.Read(INTF, 2));
        }

        [Fact]
        public void OnChange_WhilePending_FurtherChangesLeaveIntfAndIntcapAlone()
        {
            _bus.Write(GPINTEN, 0x0F);
            _chip.DriveInput(1, true);
            _chip.DriveInput(0, true);
            _chip.DriveInput(1, false);

            Assert.Equal(0x02, _bus.Read(INTF));
            Assert.Equal(0x02, _bus.Read(INTCAP));
        }

        [Fact]
        public void OnChange_SeveralPinsTogether_FlagOnlyTheLowestButCaptureAll()
        {
            _bus.Write(GPINTEN, 0xFF);
            _chip.DriveInputs(0xA4, 0xA4);

            Assert.Equal(new byte[] { 0x04, 0xA4 }, _bus.Read(INTF, 2));
        }

        [Fact]
        public void IntfRead_DoesNotClear()
        {
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);

            _bus.Read(INTF);

            Assert.True(_chip.InterruptPending);
            Assert.Equal(0x01, _bus.Read(INTF));
        }

        [Fact]
        public void GpioRead_ClearsTheInterrupt()
        {
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);

            Assert.Equal(0x01, _bus.Read(GPIO));

            Assert.False(_chip.InterruptPending);
            Assert.Equal(0x00, _bus.Read(INTF));
            Assert.True(Int.Level);
        }

        [Fact]
        public void IntcapRead_ClearsTheInterrupt()
        {
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);

            Assert.Equal(0x01, _bus.Read(INTCAP));

            Assert.False(_chip.InterruptPending);
            Assert.Equal(0x00, _bus.Read(INTF));
        }

        [Fact]
        public void WritesToGpioAndIntcap_DoNotClear()
        {
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);

            _bus.Write(GPIO, 0x00);
            using (Board.RegisterViolations.Expect())
            {
                _bus.Write(INTCAP, 0x00);
            }

            Assert.True(_chip.InterruptPending);
            Assert.Equal(0x01, _bus.Read(INTF));
        }

        [Fact]
        public void OutputsAndDisabledInputs_NeverInterrupt()
        {
            _bus.Write(IODIR, 0xFE);
            _bus.Write(GPINTEN, 0x01 | 0x02);
            _bus.Write(OLAT, 0x01);
            _chip.DriveInput(2, true);

            Assert.False(_chip.InterruptPending);
            Assert.Equal(0x00, _bus.Read(INTF));
        }

        [Fact]
        public void OnChange_AChangeWhilePending_LatchesAgainAtTheClearingReadWithoutLeavingTheActiveLevel()
        {
            // DS20001952 (MCP23017): a read while another change is pending clears, then sets again with a new INTCAP.
            _bus.Write(GPINTEN, 0x03);
            _chip.DriveInput(0, true);
            _chip.DriveInput(1, true);
            long edges = Int.EdgeCount;

            Assert.Equal(0x01, _bus.Read(INTCAP));

            Assert.True(_chip.InterruptPending);
            Assert.Equal(new byte[] { 0x02, 0x03 }, _bus.Read(INTF, 2));
            Assert.False(_chip.InterruptPending);
            Assert.Equal(edges + 1, Int.EdgeCount);
            Assert.True(Int.Level);
        }

        [Fact]
        public void OnChange_AChangeWhilePending_WithoutRelatch_BecomesTheNewReference()
        {
            // The other reading of DS21919, which is silent: the clearing read takes the port as the new reference.
            _chip.RelatchChangesWhilePending = false;
            _bus.Write(GPINTEN, 0x03);
            _chip.DriveInput(0, true);
            _chip.DriveInput(1, true);

            Assert.Equal(0x01, _bus.Read(INTCAP));

            Assert.False(_chip.InterruptPending);
            Assert.True(Int.Level);
        }

        [Fact]
        public void OnChange_PinMovedAndBackWhilePending_DoesNotLatchAgain()
        {
            _bus.Write(GPINTEN, 0x03);
            _chip.DriveInput(0, true);
            _chip.DriveInput(1, true);
            _chip.DriveInput(1, false);

            _bus.Read(GPIO);

            Assert.False(_chip.InterruptPending);
        }

        [Fact]
        public void CompareMode_WhileThePinDiffers_EveryClearingReadLatchesAgainAndIntNeverLeavesTheActiveLevel()
        {
            _bus.Write(GPINTEN, 0x01, 0x00, 0x01); // GPINTEN, DEFVAL = 0, INTCON = compare
            _chip.DriveInput(0, true);
            long edges = Int.EdgeCount;

            Assert.Equal(new byte[] { 0x01, 0x01 }, _bus.Read(INTF, 2));
            Assert.True(_chip.InterruptPending);
            Assert.Equal(new byte[] { 0x01, 0x01, 0x01 }, _bus.Read(INTF, 3));

            Assert.Equal(edges, Int.EdgeCount);
            Assert.False(Int.Level);
            Assert.Equal(4, _chip.InterruptCount);
        }

        [Fact]
        public void RegisterRead_RunsAfterEachByteOfATransfer()
        {
            var seen = new System.Collections.Generic.List<int>();
            _chip.RegisterRead += register => seen.Add(register);

            _bus.Read(INTF, 3);

            Assert.Equal(new[] { INTF, INTCAP, GPIO }, seen);
        }

        [Fact]
        public void CompareMode_PinBackAtDefval_LatchedInterruptClearsOnceAndStaysClear()
        {
            _bus.Write(GPINTEN, 0x01, 0x00, 0x01);
            _chip.DriveInput(0, true);
            _chip.DriveInput(0, false);

            Assert.Equal(new byte[] { 0x01, 0x01 }, _bus.Read(INTF, 2));

            Assert.False(_chip.InterruptPending);
            Assert.Equal(0x00, _bus.Read(INTF));
        }

        [Fact]
        public void CompareMode_EnabledWhileThePinDiffers_InterruptsAtOnce()
        {
            _chip.DriveInput(5, true);

            _bus.Write(GPINTEN, 0x20, 0x00, 0x20);

            Assert.Equal(0x20, _bus.Read(INTF));
        }

        [Fact]
        public void IntPin_PowerOn_IsPushPullActiveLow()
        {
            Assert.True(Int.Level);
            _bus.Write(GPINTEN, 0x01);

            _chip.DriveInput(0, true);

            Assert.False(Int.Level);
        }

        [Fact]
        public void IntPin_IntpolSet_IsActiveHigh()
        {
            _bus.Write(IOCON, INTPOL);
            Assert.False(Int.Level);
            _bus.Write(GPINTEN, 0x01);

            _chip.DriveInput(0, true);

            Assert.True(Int.Level);
        }

        [Fact]
        public void IntPin_OpenDrain_PullsLowWhenActiveAndLeavesTheIdleLevelToTheEsp32PullUp()
        {
            using var controller = new GpioController();
            using GpioPin esp32 = controller.OpenPin(InterruptGpio, PinMode.Input);
            _bus.Write(IOCON, ODR | INTPOL);
            Assert.False(esp32.Read() == PinValue.High, "released line without a pull-up floats low");

            esp32.SetPinMode(PinMode.InputPullUp);
            Assert.True(esp32.Read() == PinValue.High);
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);
            Assert.True(esp32.Read() == PinValue.Low);

            _bus.Read(INTCAP);
            Assert.True(esp32.Read() == PinValue.High);
        }

        [Fact]
        public void IntPin_InterruptAndClear_ReachTheEsp32AsFallingThenRisingEdges()
        {
            using var controller = new GpioController();
            using GpioPin esp32 = controller.OpenPin(InterruptGpio, PinMode.Input);
            var edges = new System.Collections.Generic.List<PinEventTypes>();
            esp32.ValueChanged += (sender, e) => edges.Add(e.ChangeType);
            _bus.Write(GPINTEN, 0x01);

            _chip.DriveInput(0, true);
            _bus.Read(GPIO);
            Board.Events.WaitUntilIdle();

            Assert.Equal(new[] { PinEventTypes.Falling, PinEventTypes.Rising }, edges);
        }

        [Fact]
        public void PowerOnReset_RestoresThePowerOnValuesAndReleasesInt()
        {
            _bus.Write(IODIR, 0x00, 0x11, 0x22);
            _bus.Write(IODIR, 0xFF);
            _bus.Write(GPINTEN, 0x01);
            _chip.DriveInput(0, true);

            _chip.PowerOnReset();

            Assert.Equal(new byte[] { 0xFF, 0, 0, 0, 0, 0, 0, 0, 0 }, _bus.Read(IODIR, 9));
            Assert.True(Int.Level);
        }
    }
}
