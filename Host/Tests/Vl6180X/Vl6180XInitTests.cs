using System;
using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>Construction: model-ID check, AN4545 settings only when fresh out of reset, factory offset kept.</summary>
    public class Vl6180XInitTests
    {
        // AN4545 Rev 2, "mandatory: private registers" (hardware.md §1.8), as published.
        public static readonly TheoryData<int, int> PrivateSettings = new TheoryData<int, int>
        {
            { 0x207, 0x01 }, { 0x208, 0x01 }, { 0x096, 0x00 }, { 0x097, 0xFD }, { 0x0E3, 0x01 }, { 0x0E4, 0x03 },
            { 0x0E5, 0x02 }, { 0x0E6, 0x01 }, { 0x0E7, 0x03 }, { 0x0F5, 0x02 }, { 0x0D9, 0x05 }, { 0x0DB, 0xCE },
            { 0x0DC, 0x03 }, { 0x0DD, 0xF8 }, { 0x09F, 0x00 }, { 0x0A3, 0x3C }, { 0x0B7, 0x00 }, { 0x0BB, 0x3C },
            { 0x0B2, 0x09 }, { 0x0CA, 0x09 }, { 0x198, 0x01 }, { 0x1B0, 0x17 }, { 0x1AD, 0x00 }, { 0x0FF, 0x05 },
            { 0x100, 0x05 }, { 0x199, 0x05 }, { 0x1A6, 0x1B }, { 0x1AC, 0x3E }, { 0x1A7, 0x1F }, { 0x030, 0x00 },
        };

        // AN4545 "recommended: public registers" (hardware.md §1.8).
        public static readonly TheoryData<int, int> PublicSettings = new TheoryData<int, int>
        {
            { 0x011, 0x10 }, { 0x10A, 0x30 }, { 0x03F, 0x46 }, { 0x031, 0xFF }, { 0x040, 0x00 }, { 0x041, 0x63 },
            { 0x01B, 0x09 }, { 0x01C, 0x31 }, { 0x03E, 0x31 }, { 0x014, 0x24 }, { 0x2A3, 0x00 }, { 0x016, 0x00 },
        };

        private readonly Vl6180XSimulator _chip;

        public Vl6180XInitTests()
        {
            _chip = Vl6180XRig.PowerUp();
        }

        [Theory]
        [MemberData(nameof(PrivateSettings))]
        public void Constructor_FreshOutOfReset_LoadsTheAn4545PrivateRegister(int register, int value)
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.Equal(value, _chip.ByteAt(register));
            Assert.Contains(_chip.Writes, w => w.Address == register);
        }

        [Theory]
        [MemberData(nameof(PublicSettings))]
        public void Constructor_FreshOutOfReset_LoadsTheRecommendedPublicRegister(int register, int value)
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.Equal(value, _chip.ByteAt(register));
        }

        [Fact]
        public void Constructor_FreshOutOfReset_RequestsOneTemperatureRecalibration()
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.Equal(1, _chip.VhvRecalibrations);
        }

        [Fact]
        public void Constructor_IntegrationPeriod_IsWrittenAsOneSixteenBitValue()
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            RegisterWrite high = _chip.Writes.Single(w => w.Address == 0x040);
            RegisterWrite low = _chip.Writes.Single(w => w.Address == 0x041);
            Assert.Equal(high.Transaction, low.Transaction);
            Assert.Equal(0x0063, _chip.Register16(0x040)); // 99 + 1 = 100 ms
        }

        [Fact]
        public void Constructor_FreshOutOfReset_ClearsTheFlagInTheLastWrite()
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            RegisterWrite fresh = _chip.Writes.Single(w => w.Address == 0x016);
            Assert.Equal(0x00, fresh.Value);
            Assert.Equal(_chip.Writes.Max(w => w.Transaction), fresh.Transaction);
        }

        [Fact]
        public void Constructor_FactoryOffset_IsKeptAndNeverWritten()
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.DoesNotContain(_chip.Writes, w => w.Address == 0x024);
            Assert.Equal(3, sensor.PartToPartOffsetMillimeters);
            Assert.Equal(100, sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void Constructor_FreshOutOfReset_StartsWithTheDocumentedDefaults()
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.Equal(1, sensor.RangeScaling);
            Assert.Equal(AlsGain.Gain1, sensor.AlsGain);
            Assert.Equal(100, sensor.AlsIntegrationPeriodMilliseconds);
            Assert.Equal(InterruptMode.NewSampleReady, sensor.RangeInterruptMode);
            Assert.Equal(InterruptMode.NewSampleReady, sensor.AlsInterruptMode);
            Assert.Equal(InterruptPolarity.ActiveLow, sensor.Gpio1Polarity);
            Assert.Equal(100, sensor.RangeTimeoutMilliseconds);
            Assert.Equal(100, sensor.AlsTimeoutMilliseconds);
            Assert.False(sensor.IsRangeContinuous);
            Assert.False(sensor.IsInterleavedContinuous);
        }

        [Fact]
        public void Constructor_AlreadyInitialised_WritesOnlyTheStopAndReadsTheSettingsBack()
        {
            using (Vl6180X first = Vl6180XRig.Open())
            {
                first.RangeScaling = 2;
                first.AlsGain = AlsGain.Gain10;
                first.AlsIntegrationPeriodMilliseconds = 50;
                first.ConfigureRangeInterrupt(InterruptMode.LevelLow, 20, 200);
                first.Gpio1Polarity = InterruptPolarity.ActiveHigh;
            }

            int writesBefore = _chip.Writes.Count;
            using Vl6180X second = Vl6180XRig.Open();

            // SYSALS__START stop, INTERLEAVED_MODE__ENABLE off, one write 0x015..0x018 (clear, fresh 0, hold 0, range
            // stop), then clear every interrupt: no setting is written.
            var written = _chip.Writes.Skip(writesBefore).Select(w => (w.Address, (int)w.Value)).ToArray();
            Assert.Equal(
                new[] { (0x038, 0x01), (0x2A3, 0x00), (0x015, 0x05), (0x016, 0x00), (0x017, 0x00), (0x018, 0x01), (0x015, 0x07) },
                written);
            Assert.Equal(2, second.RangeScaling);
            Assert.Equal(2, second.PartToPartOffsetMillimeters); // 3 / 2 = 1 in the register, × 2: precision lost
            Assert.Equal(AlsGain.Gain10, second.AlsGain);
            Assert.Equal(50, second.AlsIntegrationPeriodMilliseconds);
            Assert.Equal(InterruptMode.LevelLow, second.RangeInterruptMode);
            Assert.Equal(InterruptMode.NewSampleReady, second.AlsInterruptMode);
            Assert.Equal(InterruptPolarity.ActiveHigh, second.Gpio1Polarity);
        }

        [Fact]
        public void Constructor_AfterPowerCycle_LoadsTheSettingsAgain()
        {
            using (Vl6180X first = Vl6180XRig.Open())
            {
                first.AlsGain = AlsGain.Gain40;
            }

            _chip.PowerCycle();
            using Vl6180X second = Vl6180XRig.Open();

            Assert.Equal(0x00, _chip.Registers[0x016].Value);
            Assert.Equal(0x46, _chip.Registers[0x03F].Value);
            Assert.Equal(AlsGain.Gain1, second.AlsGain);
        }

        [Fact]
        public void Constructor_WrongModelId_ThrowsNamingTheIdFound()
        {
            Board.Reset();
            Board.I2cBus(1).Attach(0x29, new Vl6180XSimulator(modelId: 0xEE));

            Vl6180XException error = Assert.Throws<Vl6180XException>(() => Vl6180XRig.Open());

            Assert.Equal(0x000, error.Register);
            Assert.Contains("0xEE", error.Message);
            Assert.Contains("IDENTIFICATION__MODEL_ID", error.Message);
        }

        [Fact]
        public void Constructor_NoDevice_ThrowsTransferErrorNamingTheRegisterAndDisposesTheOwnedDevice()
        {
            Board.Reset();
            var device = Vl6180XRig.Device();

            Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => new Vl6180X(device));

            Assert.Equal(0x000, error.Register);
            Assert.Equal(System.Device.I2c.I2cTransferStatus.SlaveAddressNotAcknowledged, error.Status);
            Assert.Contains("IDENTIFICATION__MODEL_ID (0x000)", error.Message);
            Assert.Contains("SlaveAddressNotAcknowledged", error.Message);
            Assert.Throws<ObjectDisposedException>(() => device.WriteByte(0));
        }

        [Fact]
        public void Constructor_NoDeviceAndNotOwned_LeavesTheDeviceOpen()
        {
            Board.Reset();
            var device = Vl6180XRig.Device();

            Assert.Throws<Vl6180XTransferException>(() => new Vl6180X(device, shouldDispose: false));

            Assert.Equal(System.Device.I2c.I2cTransferStatus.SlaveAddressNotAcknowledged, device.WriteByte(0).Status);
        }

        [Fact]
        public void Constructor_NullDevice_ThrowsArgumentNull()
        {
            ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => new Vl6180X(null));

            Assert.Equal("device", error.ParamName);
        }
    }
}
