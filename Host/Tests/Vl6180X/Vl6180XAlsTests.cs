using System;
using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>Ambient light: lux for every gain with the datasheet's actual gains, integration period, overflow, interleaved mode.</summary>
    public class Vl6180XAlsTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XAlsTests()
        {
            _chip = Vl6180XRig.PowerUp();
            _sensor = Vl6180XRig.Open();
        }

        // Rows: gain code, its actual gain (DocID026171 Table 13), the light in the scene, the counts the chip reports.
        [Theory]
        [InlineData(AlsGain.Gain20, 20.0, 16.0, 1000)]
        [InlineData(AlsGain.Gain10, 10.32, 100.0, 3225)]
        [InlineData(AlsGain.Gain5, 5.21, 64.0, 1042)]
        [InlineData(AlsGain.Gain2_5, 2.60, 64.0, 520)]
        [InlineData(AlsGain.Gain1_67, 1.72, 64.0, 344)]
        [InlineData(AlsGain.Gain1_25, 1.28, 100.0, 400)]
        [InlineData(AlsGain.Gain1, 1.01, 320.0, 1010)]
        [InlineData(AlsGain.Gain40, 40.0, 8.0, 1000)]
        public void ReadLux_EachGain_AppliesTheDatasheetFormulaWithTheActualGain(AlsGain gain, double actualGain, double sceneLux, int counts)
        {
            _chip.AmbientLux = sceneLux;
            _sensor.AlsGain = gain;

            double lux = _sensor.ReadLux();

            Assert.Equal(0x40 | (int)gain, _chip.Registers[0x03F].Value);
            Assert.Equal(counts, _chip.Register16(0x050));
            Assert.Equal(0.32 * counts * 100 / (actualGain * 100), lux, 9); // DocID026171 §2.13.4, t_int = 100 ms
            Assert.Equal(sceneLux, lux, 9);
        }

        [Fact]
        public void ReadLux_PololuExample_613CountsAtGain1And50Milliseconds()
        {
            _chip.AmbientLux = 0.32 * 613 * 100 / (1.01 * 50);
            _sensor.AlsIntegrationPeriodMilliseconds = 50;

            double lux = _sensor.ReadLux();

            Assert.Equal(613, _chip.Register16(0x050));
            Assert.Equal(388.43564356, lux, 8); // 0.32 × 613 × 100 / (1.01 × 50)
        }

        [Fact]
        public void AlsIntegrationPeriod_256Milliseconds_IsWrittenAs257AsStDoesNever255()
        {
            _chip.AmbientLux = 100;

            _sensor.AlsIntegrationPeriodMilliseconds = 256;
            double lux = _sensor.ReadLux();

            Assert.Equal(256, _chip.Register16(0x040)); // ST VL6180x_AlsSetIntegrationPeriod: 255 becomes 256
            Assert.Equal(257, _sensor.AlsIntegrationPeriodMilliseconds);
            Assert.False(_chip.LockedOut);
            Assert.Equal(100, lux, 0);
        }

        [Fact]
        public void AlsIntegrationPeriod_EveryValue_NeverWrites255()
        {
            for (int milliseconds = 1; milliseconds <= 464; milliseconds++)
            {
                _sensor.AlsIntegrationPeriodMilliseconds = milliseconds;

                Assert.NotEqual(255, _chip.Register16(0x040));
            }
        }

        [Fact]
        public void Simulator_IntegrationPeriod255_LocksTheAlsOut()
        {
            var bus = new RawVl6180X();
            bus.Write(0x040, 0x00, 0xFF);
            bus.Write(0x038, 0x01);
            RawVl6180X.Advance(1000);

            Assert.True(_chip.LockedOut);
            Assert.Equal(0, bus.Read8(0x04F) & 0x38);
        }

        [Theory]
        [InlineData(1, 0x0000)]
        [InlineData(50, 0x0031)]
        [InlineData(100, 0x0063)]
        [InlineData(464, 0x01CF)]
        public void AlsIntegrationPeriod_Set_WritesTheValueMinusOneAsSixteenBits(int milliseconds, int register)
        {
            _sensor.AlsIntegrationPeriodMilliseconds = milliseconds;

            Assert.Equal(register, _chip.Register16(0x040));
            Assert.Equal(milliseconds, _sensor.AlsIntegrationPeriodMilliseconds);
            Assert.Equal(_chip.Writes[^1].Transaction, _chip.Writes[^2].Transaction);
        }

        [Fact]
        public void ReadLux_ShortIntegration_ScalesByTheIntegrationPeriod()
        {
            _chip.AmbientLux = 320;
            _sensor.AlsIntegrationPeriodMilliseconds = 50;

            Assert.Equal(320.0, _sensor.ReadLux(), 9); // 505 counts: 0.32 × 505 × 100 / (1.01 × 50)
            Assert.Equal(505, _chip.Register16(0x050));
        }

        [Fact]
        public void TryReadLux_TooMuchLight_ReportsOverflowAndNoValue()
        {
            _chip.AmbientLux = 30000;

            Assert.False(_sensor.TryReadLux(out double lux, out AlsStatus status));
            AlsErrorException error = Assert.Throws<AlsErrorException>(() => _sensor.ReadLux());

            Assert.Equal(AlsStatus.Overflow, status);
            Assert.Equal(0, lux);
            Assert.Equal(AlsStatus.Overflow, error.Status);
        }

        [Fact]
        public void TryReadLux_ShorterIntegrationForTheSameLight_NoLongerOverflows()
        {
            _chip.AmbientLux = 30000;
            Assert.False(_sensor.TryReadLux(out _, out _));

            _sensor.AlsIntegrationPeriodMilliseconds = 50;

            Assert.True(_sensor.TryReadLux(out double lux, out AlsStatus status));
            Assert.Equal(AlsStatus.NoError, status);
            Assert.Equal(30000.0, lux, 0);
        }

        [Fact]
        public void TryReadLux_DeviceReportsUnderflow_ReportsIt()
        {
            _chip.ForcedAlsErrorCode = 2;

            Assert.False(_sensor.TryReadLux(out double lux, out AlsStatus status));

            Assert.Equal(AlsStatus.Underflow, status);
            Assert.Equal(0, lux);
        }

        [Fact]
        public void ReadLux_ReadyAtFirstPoll_TakesThreeTransfers()
        {
            _sensor.ReadLux();
            Board.I2cLog.Clear();

            _sensor.ReadLux();

            I2cTransaction[] transfers = Vl6180XRig.Transfers();
            Assert.Equal(3, transfers.Length);
            Assert.Equal(new byte[] { 0x00, 0x15, 0x06 }, transfers[0].Written);
            Assert.Equal(new byte[] { 0x00, 0x38, 0x01 }, transfers[1].Written);
            Assert.Equal(new byte[] { 0x00, 0x4D }, transfers[2].Written);
        }

        [Fact]
        public void ReadLux_SensorNeverCompletes_ThrowsAfterIntegrationPlusTimeout()
        {
            _sensor.ReadLux();
            _chip.NeverCompletes = true;
            long start = Board.Clock.NowTicks;

            Vl6180XTimeoutException error = Assert.Throws<Vl6180XTimeoutException>(() => _sensor.ReadLux());

            Assert.Equal(200 * TimeSpan.TicksPerMillisecond, Board.Clock.NowTicks - start); // 100 ms integration + 100 ms
            Assert.Equal(0x04F, error.Register);
            Assert.Contains("new ALS sample", error.Message);
        }

        [Fact]
        public void StartInterleavedContinuous_ProgramsTheRegistersAndReturnsPairsEveryPeriod()
        {
            _chip.AmbientLux = 320;
            _sensor.StartInterleavedContinuous(200);

            Assert.Equal(0x01, _chip.Registers[0x2A3].Value);
            Assert.Equal(19, _chip.Registers[0x03E].Value);
            Assert.True(_chip.AlsContinuous);
            long first = 0;
            for (int i = 0; i < 3; i++)
            {
                Assert.True(_sensor.TryReadInterleaved(out int millimeters, out RangeStatus rangeStatus, out double lux, out AlsStatus alsStatus));
                first = i == 0 ? Board.Clock.NowMilliseconds : first;
                Assert.Equal(100, millimeters);
                Assert.Equal(RangeStatus.NoError, rangeStatus);
                Assert.Equal(320.0, lux, 9);
                Assert.Equal(AlsStatus.NoError, alsStatus);
            }

            Assert.Equal(400, Board.Clock.NowMilliseconds - first);
        }

        [Fact]
        public void TryReadInterleaved_PairWaiting_TakesOneReadAndOneClear()
        {
            _sensor.StartInterleavedContinuous(200);
            _sensor.TryReadInterleaved(out _, out _, out _, out _);
            Board.Clock.Advance(TimeSpan.FromMilliseconds(250));
            Board.I2cLog.Clear();

            _sensor.TryReadInterleaved(out _, out _, out _, out _);

            I2cTransaction[] transfers = Vl6180XRig.Transfers();
            Assert.Equal(2, transfers.Length);
            Assert.Equal(new byte[] { 0x00, 0x4D }, transfers[0].Written);
            Assert.Equal(new byte[] { 0x00, 0x15, 0x07 }, transfers[1].Written);
        }

        [Fact]
        public void TryReadInterleaved_NoTarget_ReportsTheRangeErrorAndTheLux()
        {
            _chip.TargetDistanceMillimeters = null;
            _chip.AmbientLux = 320;
            _sensor.StartInterleavedContinuous(200);

            Assert.False(_sensor.TryReadInterleaved(out int millimeters, out RangeStatus rangeStatus, out double lux, out AlsStatus alsStatus));

            Assert.Equal(0, millimeters);
            Assert.Equal(RangeStatus.MaxConvergence, rangeStatus);
            Assert.Equal(320.0, lux, 9);
            Assert.Equal(AlsStatus.NoError, alsStatus);
        }

        [Fact]
        public void StopInterleavedContinuous_Running_StopsAndAllowsSingleShotsAgain()
        {
            _sensor.StartInterleavedContinuous(200);
            _sensor.TryReadInterleaved(out _, out _, out _, out _);

            _sensor.StopInterleavedContinuous();

            Assert.Equal(0x00, _chip.Registers[0x2A3].Value);
            Assert.False(_chip.AlsContinuous);
            Assert.False(_sensor.IsInterleavedContinuous);
            Assert.Throws<InvalidOperationException>(() => _sensor.TryReadInterleaved(out _, out _, out _, out _));
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
            Assert.Equal(200.0, _sensor.ReadLux(), 0);
        }

        [Fact]
        public void StopInterleavedContinuous_NotRunning_SendsNothing()
        {
            Board.I2cLog.Clear();

            _sensor.StopInterleavedContinuous();

            Assert.Empty(Vl6180XRig.Transfers());
        }

        [Fact]
        public void AlsReadsAndSettings_WhileInterleavedRuns_ThrowInvalidOperation()
        {
            _sensor.StartInterleavedContinuous(200);

            Assert.Throws<InvalidOperationException>(() => _sensor.ReadLux());
            Assert.Throws<InvalidOperationException>(() => _sensor.AlsGain = AlsGain.Gain10);
            Assert.Throws<InvalidOperationException>(() => _sensor.AlsIntegrationPeriodMilliseconds = 50);
            Assert.Throws<InvalidOperationException>(() => _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void StartInterleavedContinuous_ThresholdInterrupts_ThrowsInvalidOperation()
        {
            _sensor.ConfigureAlsInterrupt(InterruptMode.LevelHigh, 10, 1000);

            Assert.Throws<InvalidOperationException>(() => _sensor.StartInterleavedContinuous(200));
            Assert.Equal(0x00, _chip.Registers[0x2A3].Value);
            Assert.False(_chip.AlsContinuous);
        }
    }
}
