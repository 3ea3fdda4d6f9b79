using System.Linq;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>The simulator against the datasheet (DocID026171 Rev 6, AN4545), with no driver involved.</summary>
    public class Vl6180XSimulatorTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly RawVl6180X _bus;

        public Vl6180XSimulatorTests()
        {
            Board.Reset();
            _chip = new Vl6180XSimulator(factoryOffsetMillimeters: 5, gpio1Pin: 26) { TargetDistanceMillimeters = 100 };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, _chip);
            _bus = new RawVl6180X();
        }

        [Fact]
        public void PowerOn_Registers_HoldTheDatasheetValues()
        {
            Assert.Equal(0xB4, _bus.Read8(0x000));
            Assert.Equal(0x01, _bus.Read8(0x016)); // SYSTEM__FRESH_OUT_OF_RESET
            Assert.Equal(5, _bus.Read8(0x024));    // factory part-to-part offset
            Assert.Equal(0x29, _bus.Read8(0x212));
            Assert.Equal(49, _bus.Read8(0x01C));   // SYSRANGE__MAX_CONVERGENCE_TIME
            Assert.Equal(48, _bus.Read8(0x10A));   // READOUT__AVERAGING_SAMPLE_PERIOD
            Assert.Equal(0x01, _bus.Read8(0x04D)); // RESULT__RANGE_STATUS: device ready
        }

        [Fact]
        public void FactoryOffset_Negative_IsStoredAsTwosComplement()
        {
            Board.Reset();
            Board.I2cBus(1).Attach(0x29, new Vl6180XSimulator(factoryOffsetMillimeters: -4));

            Assert.Equal(0xFC, new RawVl6180X().Read8(0x024));
        }

        [Fact]
        public void Read_SixteenBitIndex_SendsMostSignificantByteFirstAndAutoIncrements()
        {
            byte[] identification = _bus.Read(0x000, 5);

            Assert.Equal(new byte[] { 0xB4, 0x01, 0x03, 0x01, 0x02 }, identification);
            Assert.Equal(new byte[] { 0x00, 0x00 }, Board.I2cLog.Entries.Last().Written);
            Assert.Equal(0x005, _chip.Index);
        }

        [Fact]
        public void Read_AfterStop_ContinuesFromTheIndexWrittenBefore()
        {
            using var device = new System.Device.I2c.I2cDevice(new System.Device.I2c.I2cConnectionSettings(1, 0x29));
            byte[] one = new byte[1];

            device.Write(new byte[] { 0x00, 0x16 });
            device.Read(one);
            byte fresh = one[0];
            device.Read(one);

            Assert.Equal(0x01, fresh);
            Assert.Equal(0x00, one[0]); // 0x017 SYSTEM__GROUPED_PARAMETER_HOLD: the index moved on
            Assert.Equal(0x018, _chip.Index);
        }

        [Fact]
        public void Write_SeveralBytes_LandInConsecutiveRegistersOfOneTransaction()
        {
            _bus.Write(0x019, 0xC8, 0x0A);

            Assert.Equal(0xC8, _chip.Registers[0x019].Value);
            Assert.Equal(0x0A, _chip.Registers[0x01A].Value);
            Assert.Equal(_chip.Writes[0].Transaction, _chip.Writes[1].Transaction);
        }

        [Fact]
        public void Access_UndeclaredRegister_AnswersZeroAndIsRecordedAsAViolation()
        {
            using (Board.RegisterViolations.Expect())
            {
                Assert.Equal(0, _bus.Read8(0x005));
            }

            RegisterViolation violation = Assert.Single(_chip.Registers.Violations);
            Assert.Equal(0x005, violation.Address);
            Assert.Equal(RegisterViolationKind.ReadUndeclared, violation.Kind);
        }

        [Fact]
        public void InterruptClear_IsWriteOnly_AndReadsZero()
        {
            Assert.Equal(0, _bus.Read8(0x015));
        }

        [Fact]
        public void SingleShot_ThreePercentTargetAt50Millimeters_CompletesAfterTheDatasheetExample()
        {
            // DocID026171 §2.7.1: 3.2 ms pre-calibration + 4.35 ms convergence (3 % target at 50 mm) + readout
            // averaging 1.3 ms + 48 × 64.5 µs = 11.946 ms.
            _chip.TargetDistanceMillimeters = 50;
            _chip.TargetReflectancePercent = 3;
            _bus.StartRange();

            Assert.Equal(0x00, _bus.Read8(0x04D) & 0x01); // busy
            RawVl6180X.Advance(11.9);
            Assert.Equal(0x00, _bus.Read8(0x04F));
            RawVl6180X.Advance(0.1);

            Assert.Equal(0x04, _bus.Read8(0x04F));
            Assert.Equal(0x01, _bus.Read8(0x04D));
            Assert.Equal(50, _bus.Read8(0x062)); // the stored factory offset makes the part exact
        }

        [Fact]
        public void SingleShot_NoTarget_ReportsError7With255AfterTheMaximumConvergenceTime()
        {
            _chip.TargetDistanceMillimeters = null;
            _bus.StartRange();

            RawVl6180X.Advance(56.5); // 3.2 + 49 + 4.396 = 56.596 ms
            Assert.Equal(0x00, _bus.Read8(0x04F));
            RawVl6180X.Advance(0.1);

            Assert.Equal(0x71, _bus.Read8(0x04D));
            Assert.Equal(255, _bus.Read8(0x062));
        }

        [Theory]
        [InlineData(100, 0x01, 100)]  // valid: the factory offset makes the part exact
        [InlineData(200, 0x01, 200)]
        [InlineData(230, 0xF1, 255)]  // 15 Ranging_Algo_Overflow beyond ≈ 200 mm
        [InlineData(260, 0xD1, 255)]  // 13 Raw_Ranging_Algo_Overflow beyond the 8-bit raw range
        public void SingleShot_Distance_ReportsStatusAndValue(double distance, int rangeStatus, int value)
        {
            _chip.TargetDistanceMillimeters = distance;
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal(rangeStatus, _bus.Read8(0x04D));
            Assert.Equal(value, _bus.Read8(0x062));
        }

        [Fact]
        public void Offset_OverwrittenWithZero_LeavesThePartsBiasInTheResult()
        {
            _bus.Write(0x024, 0x00);
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal(95, _bus.Read8(0x062));
        }

        [Fact]
        public void Offset_NegativeEnoughForATargetThatClose_Underflows12WithZero()
        {
            _chip.TargetDistanceMillimeters = 10;
            _bus.Write(0x024, unchecked((byte)-20));
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal(0xC1, _bus.Read8(0x04D));
            Assert.Equal(0, _bus.Read8(0x062));
        }

        [Theory]
        [InlineData(127, 150, 75)]   // 2×: units of 2 mm
        [InlineData(84, 300, 100)]   // 3×: units of 3 mm
        public void RangeScaler_Set_ReportsInUnitsOfTheScaling(int scaler, double distance, int value)
        {
            Board.Reset();
            var chip = new Vl6180XSimulator { TargetDistanceMillimeters = distance };
            Board.I2cBus(1).Attach(0x29, chip);
            var bus = new RawVl6180X();

            bus.Write(0x096, 0x00, (byte)scaler);
            bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal(value, bus.Read8(0x062));
        }

        [Theory]
        [InlineData(0, 16.0, 1000)]    // gain 20
        [InlineData(1, 100.0, 3225)]   // gain 10.32
        [InlineData(2, 64.0, 1042)]    // gain 5.21: 64 × 5.21 × 100 / 32 = 1042
        [InlineData(3, 64.0, 520)]     // gain 2.60
        [InlineData(4, 64.0, 344)]     // gain 1.72
        [InlineData(5, 100.0, 400)]    // gain 1.28
        [InlineData(6, 320.0, 1010)]   // gain 1.01
        [InlineData(7, 8.0, 1000)]     // gain 40
        public void Als_LuxAtGainCode_GivesTheDatasheetCounts(int gainCode, double lux, int counts)
        {
            // counts = lux × gain × t_int / 32 at t_int = 100 ms (DocID026171 §2.13.4).
            _chip.AmbientLux = lux;
            _bus.Write(0x03F, (byte)(0x40 | gainCode));
            _bus.Write(0x040, 0x00, 99);
            _bus.Write(0x014, 0x20);
            _bus.Write(0x038, 0x01);
            RawVl6180X.Advance(100);
            Assert.Equal(0x00, _bus.Read8(0x04F)); // still integrating
            RawVl6180X.Advance(1);

            Assert.Equal(0x20, _bus.Read8(0x04F));
            Assert.Equal(0x01, _bus.Read8(0x04E));
            Assert.Equal(counts, _bus.Read16(0x050));
        }

        [Fact]
        public void Als_TooMuchLight_SaturatesAt0xFFFFWithOverflow()
        {
            _chip.AmbientLux = 30000; // 30000 × 1.01 × 100 / 32 = 94 688 counts
            _bus.Write(0x03F, 0x46);
            _bus.Write(0x040, 0x00, 99);
            _bus.Write(0x038, 0x01);
            RawVl6180X.Advance(150);

            Assert.Equal(0x11, _bus.Read8(0x04E));
            Assert.Equal(0xFFFF, _bus.Read16(0x050));
        }

        [Fact]
        public void InterruptStatus_FieldDisabledInConfig_ReadsZero()
        {
            _bus.Write(0x014, 0x00);
            _bus.Write(0x018, 0x01);
            RawVl6180X.Advance(60);

            Assert.Equal(0x00, _bus.Read8(0x04F));
            Assert.Equal(1, _chip.RangeMeasurementsCompleted);
        }

        [Fact]
        public void InterruptStatus_Latched_ClearsOnlyTheFieldsWhoseBitIsWritten()
        {
            _chip.AmbientLux = 100;
            _bus.Write(0x040, 0x00, 9);
            _bus.StartRange();
            _bus.Write(0x038, 0x01);
            RawVl6180X.Advance(60);
            RawVl6180X.Advance(60); // later measurements do not change a latched status
            Assert.Equal(0x24, _bus.Read8(0x04F));

            _bus.Write(0x015, 0x01);
            Assert.Equal(0x20, _bus.Read8(0x04F));
            Assert.Equal(100, _bus.Read8(0x062)); // results survive the clear
            _bus.Write(0x015, 0x02);
            Assert.Equal(0x00, _bus.Read8(0x04F));
        }

        [Theory]
        [InlineData(1, 40, 1)]  // level low: below SYSRANGE__THRESH_LOW (50)
        [InlineData(1, 60, 0)]
        [InlineData(2, 160, 2)] // level high: above SYSRANGE__THRESH_HIGH (150)
        [InlineData(2, 140, 0)]
        [InlineData(3, 40, 3)]  // out of window
        [InlineData(3, 160, 3)]
        [InlineData(3, 100, 0)]
        public void InterruptStatus_ThresholdMode_ReportsTheEventOnlyWhenTheConditionHolds(int mode, double distance, int expected)
        {
            _chip.TargetDistanceMillimeters = distance;
            _bus.Write(0x019, 150, 50);
            _bus.Write(0x014, (byte)mode);
            _bus.Write(0x018, 0x01);
            RawVl6180X.Advance(60);

            Assert.Equal(expected, _bus.Read8(0x04F));
        }

        [Fact]
        public void Gpio1_AtPowerOn_IsHighImpedanceAndPulledHigh()
        {
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.True(Board.Pin(26).Level);
        }

        [Fact]
        public void Gpio1_InterruptOutputActiveLow_GoesLowWhilePendingAndHighWhenCleared()
        {
            _bus.Write(0x011, 0x10);
            Assert.True(Board.Pin(26).Level);

            _bus.StartRange();
            RawVl6180X.Advance(60);
            Assert.False(Board.Pin(26).Level);

            _bus.Write(0x015, 0x07);
            Assert.True(Board.Pin(26).Level);
        }

        [Fact]
        public void Gpio1_InterruptOutputActiveHigh_GoesHighWhilePending()
        {
            _bus.Write(0x011, 0x30);
            Assert.False(Board.Pin(26).Level);

            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.True(Board.Pin(26).Level);
        }

        [Fact]
        public void AddressChange_TakesEffectAfterTheStopOfItsWrite_AndIsLostAtPowerDown()
        {
            _bus.Write(0x212, 0x2A);

            Assert.True(Board.I2cBus(1).IsAttached(0x2A));
            Assert.False(Board.I2cBus(1).IsAttached(0x29));
            Assert.Equal(0xB4, new RawVl6180X(0x2A).Read8(0x000));

            _chip.PowerCycle();

            Assert.True(Board.I2cBus(1).IsAttached(0x29));
            Assert.Equal(0x29, _bus.Read8(0x212));
            Assert.Equal(0x01, _bus.Read8(0x016));
        }

        [Fact]
        public void Continuous_Period_StartsAMeasurementEveryPeriodUntilStopped()
        {
            _bus.Write(0x01B, 9); // (9 + 1) × 10 ms
            _bus.Write(0x014, 0x04);
            _bus.Write(0x018, 0x03);
            RawVl6180X.Advance(350);
            Assert.Equal(4, _chip.RangeMeasurementsCompleted); // started at 0, 100, 200, 300 ms

            _bus.Write(0x018, 0x01); // startstop while continuous: stop
            RawVl6180X.Advance(500);

            Assert.Equal(4, _chip.RangeMeasurementsCompleted);
            Assert.False(_chip.RangeContinuous);
        }

        [Fact]
        public void Start_WhileAMeasurementRuns_IsLost()
        {
            _bus.StartRange();
            _bus.Write(0x018, 0x01);
            RawVl6180X.Advance(100);

            Assert.Equal(1, _chip.IgnoredStarts);
            Assert.Equal(1, _chip.RangeMeasurementsCompleted);
        }

        [Fact]
        public void NeverCompletes_KeepsTheDeviceBusyUntilReleased()
        {
            _chip.NeverCompletes = true;
            _bus.StartRange();
            RawVl6180X.Advance(5000);
            Assert.Equal(0x00, _bus.Read8(0x04D) & 0x01);
            Assert.Equal(0x00, _bus.Read8(0x04F));

            _chip.NeverCompletes = false;

            Assert.Equal(0x04, _bus.Read8(0x04F));
            Assert.Equal(0x01, _bus.Read8(0x04D));
        }

        [Fact]
        public void GroupedParameterHold_DefersGroupedWritesUntilReleased()
        {
            _bus.Write(0x017, 0x01);
            _bus.Write(0x014, 0x04);
            Assert.Equal(0x00, _chip.Registers[0x014].Value);

            _bus.Write(0x017, 0x00);

            Assert.Equal(0x04, _chip.Registers[0x014].Value);
        }

        [Fact]
        public void Interleaved_EachAlsMeasurement_IsFollowedByARangeMeasurement()
        {
            _chip.AmbientLux = 100;
            _bus.Write(0x2A3, 0x01);
            _bus.Write(0x040, 0x00, 49); // 50 ms
            _bus.Write(0x03E, 19);       // 200 ms
            _bus.Write(0x014, 0x24);
            _bus.Write(0x038, 0x03);
            RawVl6180X.Advance(51);
            Assert.Equal(0x20, _bus.Read8(0x04F)); // ALS done, range running
            RawVl6180X.Advance(20);
            Assert.Equal(0x24, _bus.Read8(0x04F));

            RawVl6180X.Advance(600);

            Assert.Equal(4, _chip.AlsMeasurementsCompleted);
            Assert.Equal(4, _chip.RangeMeasurementsCompleted);
        }

        [Theory]
        [InlineData(1, 0x40)]
        [InlineData(4, 0x80)]
        [InlineData(6, 0x00)]
        [InlineData(11, 0x00)]
        [InlineData(12, 0x00)]
        [InlineData(14, 0x00)]
        public void ForcedRangeError_ReportsTheCodeWithTheDatasheetValue(int code, int errorField)
        {
            _chip.ForcedRangeErrorCode = code;
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal((code << 4) | 0x01, _bus.Read8(0x04D));
            Assert.Equal(code is 12 or 14 ? 0 : 255, _bus.Read8(0x062));
            Assert.Equal(0x04 | errorField, _bus.Read8(0x04F));
        }
    }
}
