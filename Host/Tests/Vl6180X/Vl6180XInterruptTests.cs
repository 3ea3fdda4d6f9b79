using System.Device.Gpio;
using System.Device.I2c;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>GPIO1 interrupt configuration, thresholds, clearing, and the I2C address change.</summary>
    public class Vl6180XInterruptTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XInterruptTests()
        {
            _chip = Vl6180XRig.PowerUp();
            _sensor = Vl6180XRig.Open();
        }

        [Theory]
        [InlineData(InterruptMode.Disabled, 0x20)]
        [InlineData(InterruptMode.LevelLow, 0x21)]
        [InlineData(InterruptMode.LevelHigh, 0x22)]
        [InlineData(InterruptMode.OutOfWindow, 0x23)]
        [InlineData(InterruptMode.NewSampleReady, 0x24)]
        public void ConfigureRangeInterrupt_Mode_WritesTheRangeFieldAndKeepsTheAlsField(InterruptMode mode, int config)
        {
            _sensor.ConfigureRangeInterrupt(mode);

            Assert.Equal(config, _chip.Registers[0x014].Value);
            Assert.Equal(mode, _sensor.RangeInterruptMode);
        }

        [Fact]
        public void ConfigureRangeInterrupt_Thresholds_AreWrittenInOneTransfer()
        {
            Board.I2cLog.Clear();

            _sensor.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 150);

            Assert.Equal(150, _chip.Registers[0x019].Value); // SYSRANGE__THRESH_HIGH
            Assert.Equal(50, _chip.Registers[0x01A].Value);  // SYSRANGE__THRESH_LOW
            Assert.Equal(new byte[] { 0x00, 0x19, 150, 50 }, Vl6180XRig.Transfers()[0].Written);
            Assert.Equal(2, Vl6180XRig.Transfers().Length);
        }

        [Fact]
        public void ConfigureRangeInterrupt_AtThreeTimesScaling_WritesThresholdsInUnitsOfThreeMillimeters()
        {
            _sensor.RangeScaling = 3;

            _sensor.ConfigureRangeInterrupt(InterruptMode.LevelHigh, 60, 600);

            Assert.Equal(200, _chip.Registers[0x019].Value);
            Assert.Equal(20, _chip.Registers[0x01A].Value);
        }

        [Fact]
        public void ConfigureAlsInterrupt_ThresholdsInLux_AreWrittenAsCountsAtTheCurrentGainAndIntegration()
        {
            _sensor.ConfigureAlsInterrupt(InterruptMode.OutOfWindow, 10, 1000);

            // counts = lux × 1.01 × 100 / 32: 10 lux → 31.56 → 32; 1000 lux → 3156.25 → 3156.
            Assert.Equal(3156, _chip.Register16(0x03A));
            Assert.Equal(32, _chip.Register16(0x03C));
            Assert.Equal(0x1C, _chip.Registers[0x014].Value);
            Assert.Equal(InterruptMode.OutOfWindow, _sensor.AlsInterruptMode);
        }

        [Fact]
        public void ConfigureAlsInterrupt_ModeOnly_KeepsTheRangeField()
        {
            _sensor.ConfigureRangeInterrupt(InterruptMode.LevelLow);

            _sensor.ConfigureAlsInterrupt(InterruptMode.Disabled);

            Assert.Equal(0x01, _chip.Registers[0x014].Value);
        }

        [Fact]
        public void Gpio1_AfterASingleShot_StaysAssertedUntilCleared()
        {
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(Vl6180XRig.Gpio1Pin, PinMode.InputPullUp);

            _sensor.ReadRangeMillimeters();
            Assert.Equal(PinValue.Low, pin.Read());

            _sensor.ClearInterrupts();

            Assert.Equal(PinValue.High, pin.Read());
            Assert.Equal(0x00, _chip.Registers[0x04F].Value);
        }

        [Fact]
        public void Gpio1Polarity_ActiveHigh_WritesTheModeAndRaisesThePinWhilePending()
        {
            _sensor.Gpio1Polarity = InterruptPolarity.ActiveHigh;
            Assert.Equal(0x30, _chip.Registers[0x011].Value);
            Assert.False(Board.Pin(Vl6180XRig.Gpio1Pin).Level);

            _sensor.ReadRangeMillimeters();

            Assert.True(Board.Pin(Vl6180XRig.Gpio1Pin).Level);
        }

        [Fact]
        public void Gpio1_ContinuousWithWindowInterrupt_FallsOnlyWhenTheTargetLeavesTheWindow()
        {
            int falls = 0;
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(Vl6180XRig.Gpio1Pin, PinMode.InputPullUp);
            pin.ValueChanged += (sender, e) => falls += e.ChangeType == PinEventTypes.Falling ? 1 : 0;
            _sensor.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 150);
            _sensor.StartRangeContinuous(100);

            Board.Clock.Advance(System.TimeSpan.FromMilliseconds(500));
            Board.Events.WaitUntilIdle();
            Assert.Equal(0, falls);

            _chip.TargetDistanceMillimeters = 180;
            Board.Clock.Advance(System.TimeSpan.FromMilliseconds(150)); // the measurement started at 600 ms
            Board.Events.WaitUntilIdle();

            Assert.Equal(1, falls);
            Assert.Equal(180, _sensor.ReadRangeContinuousMillimeters());
            Assert.True(Board.Pin(Vl6180XRig.Gpio1Pin).Level);
        }

        [Fact]
        public void ChangeI2cAddress_NewAddress_TakesEffectAtOnceAndTheDriverFollows()
        {
            Board.I2cLog.Clear();

            _sensor.ChangeI2cAddress(0x30);

            I2cTransaction write = Vl6180XRig.Transfers()[0];
            Assert.Equal(0x29, write.Address);
            Assert.Equal(new byte[] { 0x02, 0x12, 0x30 }, write.Written);
            Assert.True(Board.I2cBus(1).IsAttached(0x30));
            Assert.Equal(0x30, _sensor.I2cAddress);
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
            Assert.Equal(0x30, Board.I2cLog.Entries[^1].Address);
        }

        [Fact]
        public void ChangeI2cAddress_AfterPowerDown_TheSensorIsBackAt0x29()
        {
            _sensor.ChangeI2cAddress(0x30);

            _chip.PowerCycle();

            Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => _sensor.ReadRangeMillimeters());
            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, error.Status);
            using Vl6180X again = Vl6180XRig.Open();
            Assert.Equal(100, again.ReadRangeMillimeters());
        }

        [Fact]
        public void ChangeI2cAddress_WriteNotAcknowledged_StaysAtTheOldAddress()
        {
            Board.I2cBus(1).InjectFault(0x29, new I2cFault(I2cFaultKind.AddressNack));

            Assert.Throws<Vl6180XTransferException>(() => _sensor.ChangeI2cAddress(0x30));

            Assert.Equal(0x29, _sensor.I2cAddress);
            Assert.Equal(100, _sensor.ReadRangeMillimeters());
        }

        [Fact]
        public void ChangeI2cAddress_DeviceNotOwned_LeavesTheCallersDeviceOpen()
        {
            Vl6180XRig.PowerUp();
            I2cDevice device = Vl6180XRig.Device();
            var sensor = new Vl6180X(device, shouldDispose: false);

            sensor.ChangeI2cAddress(0x31);
            sensor.Dispose();

            Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, device.WriteByte(0).Status); // open, but nobody at 0x29
        }
    }
}
