using System;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>The driver's own code allocates nothing on any read or write path, measured exactly.</summary>
    public sealed class Vl6180XAllocationTests : IDisposable
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XAllocationTests()
        {
            _chip = Vl6180XRig.PowerUp();
            _sensor = Vl6180XRig.Open();
        }

        public void Dispose()
        {
            Board.I2cLog.Recording = true;
        }

        [Fact]
        public void ReadRange_TenThousandSingleShots_AllocateNothing()
        {
            _sensor.ReadRangeMillimeters();
            Board.I2cLog.Clear();
            Board.I2cLog.Recording = false;
            long total = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    total += _sensor.ReadRangeMillimeters();
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(10_000 * 100, total);
            Assert.Equal(20_000, Board.I2cLog.Count);
        }

        [Fact]
        public void TryReadRange_TenThousandErrorReadings_AllocateNothing()
        {
            _chip.TargetDistanceMillimeters = null;
            _sensor.TryReadRange(out _, out _);
            Board.I2cLog.Clear();
            Board.I2cLog.Recording = false;
            int errors = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    errors += _sensor.TryReadRange(out _, out RangeStatus status) ? 0 : (int)status;
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(10_000 * 7, errors);
        }

        [Fact]
        public void ReadLux_TenThousandSingleShots_AllocateNothing()
        {
            _chip.AmbientLux = 320;
            _sensor.ReadLux();
            Board.I2cLog.Clear();
            Board.I2cLog.Recording = false;
            double total = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    total += _sensor.ReadLux();
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(10_000 * 320.0, total, 6);
            Assert.Equal(30_000, Board.I2cLog.Count);
        }

        [Fact]
        public void ReadRangeContinuous_TenThousandSamples_AllocateNothing()
        {
            _sensor.StartRangeContinuous(10);
            _sensor.ReadRangeContinuousMillimeters();
            Board.I2cLog.Clear();
            Board.I2cLog.Recording = false;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 10_000; i++)
                {
                    _sensor.ReadRangeContinuousMillimeters();
                }
            });

            Assert.Equal(0, bytes);
        }

        [Fact]
        public void TryReadInterleaved_ThousandPairs_AllocateNothing()
        {
            _sensor.StartInterleavedContinuous(200);
            _sensor.TryReadInterleaved(out _, out _, out _, out _);
            Board.I2cLog.Clear();
            Board.I2cLog.Recording = false;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 1_000; i++)
                {
                    _sensor.TryReadInterleaved(out _, out _, out _, out _);
                }
            });

            Assert.Equal(0, bytes);
        }

        [Fact]
        public void SettingsAndInterruptConfiguration_Repeated_AllocateNothing()
        {
            void Configure()
            {
                _sensor.AlsGain = AlsGain.Gain10;
                _sensor.AlsIntegrationPeriodMilliseconds = 50;
                _sensor.PartToPartOffsetMillimeters = -2;
                _sensor.RangeScaling = 2;
                _sensor.RangeScaling = 1;
                _sensor.RangeTimeoutMilliseconds = 80;
                _sensor.AlsTimeoutMilliseconds = 80;
                _sensor.Gpio1Polarity = InterruptPolarity.ActiveLow;
                _sensor.ConfigureRangeInterrupt(InterruptMode.NewSampleReady, 20, 200);
                _sensor.ConfigureAlsInterrupt(InterruptMode.NewSampleReady, 10, 1000);
                _sensor.ClearInterrupts();
                _sensor.StartRangeContinuous(100);
                _sensor.StopRangeContinuous();
                _sensor.StartInterleavedContinuous(200);
                _sensor.StopInterleavedContinuous();
            }

            Configure();

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    Configure();
                }
            });

            Assert.Equal(0, bytes);
        }
    }
}
