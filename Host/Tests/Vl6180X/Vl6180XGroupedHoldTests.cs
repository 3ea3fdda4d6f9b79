using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// SYSTEM__GROUPED_PARAMETER_HOLD (0x017, DocID026171 §6.2): while the device measures on its own, updates of the
    /// interrupt configuration, thresholds, ALS gain and integration period go between hold = 1 and hold = 0 (as ST's
    /// VL6180x_RangeSetThresholds and Linux vl6180_hold do), so no measurement starts with half of an update.
    /// </summary>
    public class Vl6180XGroupedHoldTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly Vl6180X _sensor;

        public Vl6180XGroupedHoldTests()
        {
            _chip = Vl6180XRig.PowerUp();
            _sensor = Vl6180XRig.Open();
        }

        [Fact]
        public void ConfigurationDuringContinuousRanging_EveryGroupedWriteIsHeld()
        {
            _sensor.StartRangeContinuous(50);
            int writesBefore = _chip.Writes.Count;

            _sensor.AlsGain = AlsGain.Gain10;
            _sensor.AlsIntegrationPeriodMilliseconds = 50;
            _sensor.ConfigureRangeInterrupt(InterruptMode.NewSampleReady, 20, 180);
            _sensor.ConfigureAlsInterrupt(InterruptMode.NewSampleReady, 10, 1000);
            _sensor.ConfigureRangeInterrupt(InterruptMode.NewSampleReady);
            _sensor.ConfigureAlsInterrupt(InterruptMode.NewSampleReady);

            Assert.Equal(0, _chip.UnheldGroupedWrites);
            Assert.Equal(0, _chip.Registers[0x017].Value);
            Assert.Equal(0x41, _chip.Registers[0x03F].Value);
            Assert.Equal(49, _chip.Register16(0x040));
            Assert.Equal(180, _chip.Registers[0x019].Value);
            Assert.Equal(20, _chip.Registers[0x01A].Value);
            var holds = _chip.Writes.Skip(writesBefore).Where(w => w.Address == 0x017).Select(w => (int)w.Value).ToArray();
            Assert.Equal(new[] { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0 }, holds);
            Assert.Equal(100, _sensor.ReadRangeContinuousMillimeters());
        }

        [Fact]
        public void ConfigurationWhileIdle_NoHoldIsWritten()
        {
            int writesBefore = _chip.Writes.Count;

            _sensor.AlsGain = AlsGain.Gain10;
            _sensor.ConfigureRangeInterrupt(InterruptMode.LevelLow, 20, 180);

            Assert.DoesNotContain(_chip.Writes.Skip(writesBefore), w => w.Address == 0x017);
        }

        [Fact]
        public void Simulator_GroupedWriteDuringContinuousRangingWithoutHold_IsCounted()
        {
            var bus = new RawVl6180X();
            bus.Write(0x018, 0x03);

            bus.Write(0x03F, 0x41);

            Assert.Equal(1, _chip.UnheldGroupedWrites);
            bus.Write(0x018, 0x01);
        }

        [Fact]
        public void Simulator_HeldWrites_TakeEffectWhenTheHoldIsReleased()
        {
            var bus = new RawVl6180X();
            bus.Write(0x017, 0x01);
            bus.Write(0x03F, 0x41);
            Assert.Equal(0x46, _chip.Registers[0x03F].Value);

            bus.Write(0x017, 0x00);

            Assert.Equal(0x41, _chip.Registers[0x03F].Value);
        }
    }
}
