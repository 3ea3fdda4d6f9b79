using System.Linq;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// The VL6180X register table (DocID026171 §6.2) declares widths, reset values and per-field access: start bits
    /// self-clear, SYSTEM__INTERRUPT_CLEAR clears the fields of RESULT__INTERRUPT_STATUS_GPIO on write, read-only
    /// registers ignore writes and record a violation.
    /// </summary>
    public class Vl6180XRegisterTableTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly RawVl6180X _bus;

        public Vl6180XRegisterTableTests()
        {
            Board.Reset();
            _chip = new Vl6180XSimulator() { TargetDistanceMillimeters = 100 };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, _chip);
            _bus = new RawVl6180X();
        }

        [Theory]
        [InlineData(0x008, 16)] // IDENTIFICATION__TIME
        [InlineData(0x01E, 16)] // SYSRANGE__CROSSTALK_COMPENSATION_RATE
        [InlineData(0x03A, 16)] // SYSALS__THRESH_HIGH
        [InlineData(0x040, 16)] // SYSALS__INTEGRATION_PERIOD
        [InlineData(0x050, 16)] // RESULT__ALS_VAL
        [InlineData(0x052, 16)] // RESULT__HISTORY_BUFFER_0
        [InlineData(0x066, 16)] // RESULT__RANGE_RETURN_RATE
        [InlineData(0x06C, 32)] // RESULT__RANGE_RETURN_SIGNAL_COUNT
        [InlineData(0x080, 32)] // RESULT__RANGE_REFERENCE_CONV_TIME
        [InlineData(0x096, 16)] // RANGE_SCALER
        [InlineData(0x04F, 8)]  // RESULT__INTERRUPT_STATUS_GPIO
        public void Register_HasTheDatasheetWidth(int address, int width)
        {
            Register register = _chip.Registers[address];

            Assert.Equal(address, register.Address);
            Assert.Equal(width, register.WidthBits);
        }

        [Theory]
        [InlineData(0x018)]
        [InlineData(0x038)]
        public void StartRegister_StartStopSelfClears_SelectModeReadsBack(int address)
        {
            _bus.Write(address, 0x03);
            Assert.Equal(0x02, _bus.Read8(address));

            _bus.Write(address, 0x01); // halts the continuous mode
            Assert.Equal(0x00, _bus.Read8(address));
            Assert.Contains(_chip.Registers[address].Fields, f => f.Name == "startstop" && f.Access == RegisterAccess.SelfClearing);
        }

        [Fact]
        public void VhvRecalibrate_BitSelfClears()
        {
            _bus.Write(0x02E, 0x01);

            Assert.Equal(0x00, _bus.Read8(0x02E));
            Assert.Equal(1, _chip.VhvRecalibrations);
        }

        [Fact]
        public void InterruptClear_ClearsTheStatusFieldsThroughTheTable()
        {
            Register clear = _chip.Registers[0x015];
            Assert.All(clear.Fields, f => Assert.Equal(RegisterAccess.SelfClearing, f.Access));
            _bus.Write(0x014, 0x24);
            _bus.Write(0x018, 0x01);
            _bus.Write(0x038, 0x01);
            RawVl6180X.Advance(200);
            Assert.Equal(0x24, _bus.Read8(0x04F));

            _bus.Write(0x015, 0x02);

            Assert.Equal(0x04, _bus.Read8(0x04F));
            Assert.Equal(0x00, _chip.Registers[0x015].Value);
        }

        [Fact]
        public void WriteToAResultRegister_IsIgnoredAndRecordedAsAViolation()
        {
            using (Board.RegisterViolations.Expect())
            {
                _bus.Write(0x062, 0x55);
            }

            Assert.Equal(0x00, _bus.Read8(0x062));
            RegisterViolation violation = Assert.Single(_chip.Registers.Violations);
            Assert.Equal(0x062, violation.Address);
            Assert.Equal(RegisterViolationKind.WriteReadOnly, violation.Kind);
        }

        [Fact]
        public void DeviceAddress_Bit7IsReadOnly()
        {
            _bus.Write(0x212, 0xA9);

            Assert.Equal(0x29, _chip.Registers[0x212].Value);
        }

        [Fact]
        public void GroupedHold_SixteenBitRegisterWrittenByteByByte_IsAppliedWhole()
        {
            _bus.Write(0x017, 0x01);
            _bus.Write(0x040, 0x01);
            _bus.Write(0x041, 0x00);
            Assert.Equal(0x0000, _chip.Register16(0x040));

            _bus.Write(0x017, 0x00);

            Assert.Equal(0x0100, _chip.Register16(0x040));
        }

        [Fact]
        public void EveryDeclaredByte_CanBeReadWithoutAViolation()
        {
            foreach (Register register in _chip.Registers.All.Where(r => r.Address != 0x015))
            {
                _bus.Read(register.Address, register.SizeBytes);
            }

            Assert.Empty(_chip.Registers.Violations);
        }
    }
}
