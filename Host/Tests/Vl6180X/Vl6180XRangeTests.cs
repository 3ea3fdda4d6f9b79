using System;
using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>Single-shot and continuous ranging, error codes, timeouts, scaling and offset.</summary>
    public class Vl6180XRangeTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XRangeTests()
        {
            _chip = Vl6180XRig.PowerUp(factoryOffsetMillimeters: 3);
            _sensor = Vl6180XRig.Open();
        }

        [Theory]
        [InlineData(0)]
        [InlineData(10)]
        [InlineData(50)]
        [InlineData(100)]
        [InlineData(150)]
        [InlineData(200)]
        public void ReadRangeMillimeters_TargetAtDistance_ReturnsTheDistance(int distance)
        {
            _chip.TargetDistanceMillimeters = distance;

            Assert.Equal(distance, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void TryReadRange_ValidSample_ReturnsTrueWithNoError()
        {
            Assert.True(_sensor.TryReadRange(out int millimeters, out RangeStatus status));

            Assert.Equal(100, millimeters);
            Assert.Equal(RangeStatus.NoError, status);
        }

        [Fact]
        public void TryReadRange_TargetMoves_EveryReadReturnsTheNewSample()
        {
            for (int distance = 20; distance <= 180; distance += 20)
            {
                _chip.TargetDistanceMillimeters = distance;
                Assert.Equal(distance, _sensor.ReadRangeMillimeters());
            }

            Assert.Equal(0, _chip.IgnoredStarts);
        }

        [Theory]
        [InlineData(null, RangeStatus.MaxConvergence)]              // no target
        [InlineData(230.0, RangeStatus.RangingAlgoOverflow)]          // beyond ≈ 200 mm
        [InlineData(260.0, RangeStatus.RawRangingAlgoOverflow)]       // beyond the raw range
        public void TryReadRange_TargetOutOfReach_ReturnsFalseWithTheErrorAndNoDistance(double? distance, RangeStatus expected)
        {
            _chip.TargetDistanceMillimeters = distance;

            Assert.False(_sensor.TryReadRange(out int millimeters, out RangeStatus status));

            Assert.Equal(expected, status);
            Assert.Equal(0, millimeters);
            Assert.Equal(255, _chip.Registers[0x062].Value); // what a driver that ignores the status would report
        }

        [Fact]
        public void TryReadRange_OffsetDrivesTheRangeBelowZero_ReturnsRawUnderflow()
        {
            _chip.TargetDistanceMillimeters = 5;
            _sensor.PartToPartOffsetMillimeters = -20;

            Assert.False(_sensor.TryReadRange(out int millimeters, out RangeStatus status));

            Assert.Equal(RangeStatus.RawRangingAlgoUnderflow, status);
            Assert.Equal(0, millimeters);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(10)]
        [InlineData(11)]
        [InlineData(12)]
        [InlineData(13)]
        [InlineData(14)]
        [InlineData(15)]
        public void ReadRange_DeviceReportsErrorCode_IsNeverReturnedAsADistance(int code)
        {
            _chip.ForcedRangeErrorCode = code;

            Assert.False(_sensor.TryReadRange(out int millimeters, out RangeStatus status));
            RangeErrorException error = Assert.Throws<RangeErrorException>(() => _sensor.ReadRangeMillimeters());

            Assert.Equal(code, (int)status);
            Assert.Equal(0, millimeters);
            Assert.Equal(code, (int)error.Status);
        }

        [Fact]
        public void RangeStatus_Values_AreTheDatasheetCodes()
        {
            Assert.Equal(0, (int)RangeStatus.NoError);
            Assert.Equal(1, (int)RangeStatus.VcselContinuityTest);
            Assert.Equal(2, (int)RangeStatus.VcselWatchdogTest);
            Assert.Equal(3, (int)RangeStatus.VcselWatchdog);
            Assert.Equal(4, (int)RangeStatus.Pll1Lock);
            Assert.Equal(5, (int)RangeStatus.Pll2Lock);
            Assert.Equal(6, (int)RangeStatus.EarlyConvergenceEstimate);
            Assert.Equal(7, (int)RangeStatus.MaxConvergence);
            Assert.Equal(8, (int)RangeStatus.NoTargetIgnore);
            Assert.Equal(11, (int)RangeStatus.MaxSignalToNoiseRatio);
            Assert.Equal(12, (int)RangeStatus.RawRangingAlgoUnderflow);
            Assert.Equal(13, (int)RangeStatus.RawRangingAlgoOverflow);
            Assert.Equal(14, (int)RangeStatus.RangingAlgoUnderflow);
            Assert.Equal(15, (int)RangeStatus.RangingAlgoOverflow);
        }

        [Fact]
        public void TryReadRange_NoTarget_WaitsForTheSlowMeasurementInsteadOfReturningAStaleValue()
        {
            _sensor.ReadRangeMillimeters();
            _chip.TargetDistanceMillimeters = null;
            long start = Board.Clock.NowMilliseconds;

            Assert.False(_sensor.TryReadRange(out _, out RangeStatus status));

            Assert.Equal(RangeStatus.MaxConvergence, status);
            Assert.Equal(65, Board.Clock.NowMilliseconds - start); // 56.6 ms measurement, polls every 13 ms
        }

        [Fact]
        public void ReadRange_SensorNeverCompletes_ThrowsTimeoutNamingTheStatusRegisterWithinTheTimeout()
        {
            _sensor.ReadRangeMillimeters();
            _chip.NeverCompletes = true;
            long start = Board.Clock.NowTicks;

            Vl6180XTimeoutException error = Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadRangeMillimeters());

            Assert.Equal(100 * TimeSpan.TicksPerMillisecond, Board.Clock.NowTicks - start);
            Assert.Equal(0x04F, error.Register);
            Assert.Equal(100, error.TimeoutMilliseconds);
            Assert.Contains("RESULT__INTERRUPT_STATUS_GPIO (0x04F)", error.Message);
            Assert.Contains("new range sample", error.Message);
        }

        [Fact]
        public void ReadRange_DeviceStaysBusy_ThrowsTimeoutNamingTheDeviceReadyBit()
        {
            _chip.NeverCompletes = true;
            Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadRangeMillimeters());
            _sensor.RangeTimeoutMilliseconds = 30;
            long start = Board.Clock.NowTicks;

            Vl6180XTimeoutException error = Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadRangeMillimeters());

            Assert.Equal(30 * TimeSpan.TicksPerMillisecond, Board.Clock.NowTicks - start);
            Assert.Equal(0x04D, error.Register);
            Assert.Contains("RESULT__RANGE_STATUS (0x04D)", error.Message);
            Assert.Contains("device ready", error.Message);
            Assert.Equal(0, _chip.IgnoredStarts); // it never started over a busy device
        }

        [Fact]
        public void ReadRange_AfterTheSensorRecovers_ReadsAgain()
        {
            _chip.NeverCompletes = true;
            Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadRangeMillimeters());

            _chip.NeverCompletes = false;

            Assert.Equal(100, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void ReadRange_ReadyAtFirstPoll_TakesOneWriteAndOneRead()
        {
            _sensor.ReadRangeMillimeters();
            Board.I2cLog.Clear();

            _sensor.ReadRangeMillimeters();

            I2cTransaction[] transfers = Vl6180XRig.Transfers();
            Assert.Equal(2, transfers.Length);
            Assert.Equal(I2cMethod.Write, transfers[0].Method);
            Assert.Equal(new byte[] { 0x00, 0x15, 0x05, 0x00, 0x00, 0x01 }, transfers[0].Written); // clear, fresh 0, hold 0, start
            Assert.Equal(I2cMethod.WriteRead, transfers[1].Method);
            Assert.Equal(new byte[] { 0x00, 0x4D }, transfers[1].Written);
            Assert.Equal(22, transfers[1].Read.Length); // 0x04D..0x062
        }

        [Fact]
        public void ReadRange_FirstAfterConstruction_PollsDeviceReadyFirst()
        {
            Board.I2cLog.Clear();

            _sensor.ReadRangeMillimeters();

            Assert.Equal(new[] { I2cMethod.WriteRead, I2cMethod.Write, I2cMethod.WriteRead }, Vl6180XRig.Transfers().Select(t => t.Method));
        }

        [Fact]
        public void ReadRange_KeepsInterruptConfigFreshFlagAndHold()
        {
            for (int i = 0; i < 3; i++)
            {
                _sensor.ReadRangeMillimeters();
            }

            Assert.Equal(0x24, _chip.Registers[0x014].Value);
            Assert.Equal(0x00, _chip.Registers[0x016].Value);
            Assert.Equal(0x00, _chip.Registers[0x017].Value);
        }

        [Fact]
        public void ReadRange_InThresholdMode_ThrowsInvalidOperation()
        {
            _sensor.ConfigureRangeInterrupt(InterruptMode.LevelLow, 50, 150);

            Assert.Throws<InvalidOperationException>(() => _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void StartRangeContinuous_Period_ProgramsTheRegisterAndDeliversOneSamplePerPeriod()
        {
            _chip.TargetDistanceMillimeters = 50;
            _sensor.StartRangeContinuous(100);

            Assert.Equal(9, _chip.Registers[0x01B].Value);
            Assert.True(_sensor.IsRangeContinuous);
            long first = -1;
            for (int i = 0; i < 5; i++)
            {
                int millimeters = _sensor.ReadRangeContinuousMillimeters();
                first = i == 0 ? Board.Clock.NowMilliseconds : first;
                Assert.Equal(50 + (i * 10), millimeters);
                _chip.TargetDistanceMillimeters = 50 + ((i + 1) * 10); // seen by the next measurement
            }

            Assert.Equal(400, Board.Clock.NowMilliseconds - first);
            Assert.Equal(5, _chip.RangeMeasurementsCompleted);
        }

        [Theory]
        [InlineData(10, 0)]
        [InlineData(2550, 254)]
        [InlineData(105, 9)] // rounded down to 100 ms
        public void StartRangeContinuous_PeriodLimits_WriteTheDatasheetCode(int period, int code)
        {
            _sensor.StartRangeContinuous(period);

            Assert.Equal(code, _chip.Registers[0x01B].Value);
        }

        [Fact]
        public void ReadRangeContinuous_SampleWaiting_TakesOneReadAndOneClear()
        {
            _sensor.StartRangeContinuous(50);
            _sensor.ReadRangeContinuousMillimeters();
            Board.Clock.Advance(TimeSpan.FromMilliseconds(60));
            Board.I2cLog.Clear();

            _sensor.ReadRangeContinuousMillimeters();

            I2cTransaction[] transfers = Vl6180XRig.Transfers();
            Assert.Equal(2, transfers.Length);
            Assert.Equal(new byte[] { 0x00, 0x4D }, transfers[0].Written);
            Assert.Equal(new byte[] { 0x00, 0x15, 0x05 }, transfers[1].Written);
        }

        [Fact]
        public void ReadRangeContinuous_CalledRightAfterASample_SleepsUntilTheNextOneWithTwoPolls()
        {
            _sensor.StartRangeContinuous(100);
            _sensor.ReadRangeContinuousMillimeters();
            Board.I2cLog.Clear();

            _sensor.ReadRangeContinuousMillimeters();

            Assert.Equal(new[] { I2cMethod.WriteRead, I2cMethod.WriteRead, I2cMethod.Write }, Vl6180XRig.Transfers().Select(t => t.Method));
        }

        [Fact]
        public void StopRangeContinuous_Running_StopsTheMeasurements()
        {
            _sensor.StartRangeContinuous(50);
            _sensor.ReadRangeContinuousMillimeters();

            _sensor.StopRangeContinuous();
            int completed = _chip.RangeMeasurementsCompleted;
            Board.Clock.Advance(TimeSpan.FromSeconds(1));

            Assert.False(_sensor.IsRangeContinuous);
            Assert.False(_chip.RangeContinuous);
            Assert.InRange(_chip.RangeMeasurementsCompleted - completed, 0, 1); // one may have been in flight
            Assert.Throws<InvalidOperationException>(() => _sensor.ReadRangeContinuousMillimeters());
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void StopRangeContinuous_NotRunning_SendsNothingSoNoSingleShotStarts()
        {
            Board.I2cLog.Clear();

            _sensor.StopRangeContinuous();

            Assert.Empty(Vl6180XRig.Transfers());
        }

        [Fact]
        public void SingleShotAndSettings_WhileContinuousRuns_ThrowInvalidOperation()
        {
            _sensor.StartRangeContinuous(100);

            Assert.Throws<InvalidOperationException>(() => _sensor.ReadRangeMillimeters());
            Assert.Throws<InvalidOperationException>(() => _sensor.StartRangeContinuous(100));
            Assert.Throws<InvalidOperationException>(() => _sensor.RangeScaling = 2);
            Assert.Throws<InvalidOperationException>(() => _sensor.StartInterleavedContinuous(200));
        }

        [Fact]
        public void ReadRangeContinuous_ThresholdMode_ReturnsTheSampleThatCrossedTheThreshold()
        {
            _sensor.ConfigureRangeInterrupt(InterruptMode.LevelLow, 50, 150);
            _sensor.StartRangeContinuous(100);
            Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadRangeContinuousMillimeters()); // 100 mm: no event

            _chip.TargetDistanceMillimeters = 40;

            Assert.Equal(40, _sensor.ReadRangeContinuousMillimeters());
        }

        [Fact]
        public void ReadRangeContinuous_InterruptsDisabled_ThrowsInvalidOperation()
        {
            _sensor.ConfigureRangeInterrupt(InterruptMode.Disabled);
            _sensor.StartRangeContinuous(100);

            Assert.Throws<InvalidOperationException>(() => _sensor.ReadRangeContinuousMillimeters());
        }

        [Theory]
        [InlineData(2, 127, 10, 1, 150.0, 150)]
        [InlineData(3, 84, 6, 1, 300.0, 300)]
        public void RangeScaling_Set_WritesScalerOffsetValidHeightAndScalesReadings(
            int scaling, int scaler, int validHeight, int offsetRegister, double distance, int expected)
        {
            _sensor.RangeScaling = scaling;
            _chip.TargetDistanceMillimeters = distance;

            Assert.Equal(scaler, _chip.Register16(0x096));
            Assert.Equal(validHeight, _chip.Registers[0x021].Value); // 20 mm / scaling
            Assert.Equal(offsetRegister, _chip.Registers[0x024].Value); // factory 3 mm / scaling
            Assert.Equal(0, _chip.Registers[0x02D].Value & 0x01);  // early-convergence check off above 1×
            Assert.Equal(expected, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void RangeScaling_BackToOne_RestoresTheOneTimesSettings()
        {
            _sensor.RangeScaling = 3;

            _sensor.RangeScaling = 1;

            Assert.Equal(253, _chip.Register16(0x096));
            Assert.Equal(20, _chip.Registers[0x021].Value);
            Assert.Equal(3, _chip.Registers[0x024].Value);
            Assert.Equal(1, _chip.Registers[0x02D].Value & 0x01);
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void PartToPartOffset_Set_WritesTwosComplementAndShiftsReadings()
        {
            _sensor.PartToPartOffsetMillimeters = -5;

            Assert.Equal(0xFB, _chip.Registers[0x024].Value);
            Assert.Equal(-5, _sensor.PartToPartOffsetMillimeters);
            Assert.Equal(92, _sensor.ReadRangeMillimeters()); // the part reads 3 mm short, then −5
        }

        [Fact]
        public void PartToPartOffset_AtTwoTimesScaling_IsWrittenInUnitsOfTwoMillimeters()
        {
            _sensor.RangeScaling = 2;

            _sensor.PartToPartOffsetMillimeters = -10;

            Assert.Equal(0xFB, _chip.Registers[0x024].Value);
            Assert.Equal(-10, _sensor.PartToPartOffsetMillimeters);
        }

        [Fact]
        public void CalibratePartToPartOffset_WhiteTargetAt50_RecoversTheFactoryOffset()
        {
            _sensor.PartToPartOffsetMillimeters = 20; // a wrong offset
            _chip.TargetDistanceMillimeters = 50;

            int offset = _sensor.CalibratePartToPartOffset(50);

            Assert.Equal(3, offset);
            Assert.Equal(3, _chip.Registers[0x024].Value);
            Assert.Equal(50, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void CalibratePartToPartOffset_NoTarget_ThrowsAndRestoresThePreviousOffset()
        {
            _sensor.PartToPartOffsetMillimeters = 7;
            _chip.TargetDistanceMillimeters = null;

            RangeErrorException error = Assert.Throws<RangeErrorException>(() => _sensor.CalibratePartToPartOffset(50));

            Assert.Equal(RangeStatus.MaxConvergence, error.Status);
            Assert.Equal(7, _sensor.PartToPartOffsetMillimeters);
            Assert.Equal(7, _chip.Registers[0x024].Value);
        }

        [Fact]
        public void CalibratePartToPartOffset_NotAtOneTimesScaling_ThrowsInvalidOperation()
        {
            _sensor.RangeScaling = 2;

            Assert.Throws<InvalidOperationException>(() => _sensor.CalibratePartToPartOffset(50));
        }

        [Fact]
        public void CalibratePartToPartOffset_TargetFarFromTheClaimedDistance_ThrowsAndRestores()
        {
            _chip.TargetDistanceMillimeters = 10;

            Assert.Throws<InvalidOperationException>(() => _sensor.CalibratePartToPartOffset(200));

            Assert.Equal(3, _chip.Registers[0x024].Value);
        }
    }
}
