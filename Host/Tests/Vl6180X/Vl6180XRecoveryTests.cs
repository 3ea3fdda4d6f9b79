using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// A power glitch resets the VL6180X (every register to its power-on value, SYSTEM__FRESH_OUT_OF_RESET = 1,
    /// DocID026171 §6.2.6): WasReset notices it, Reinitialize loads the settings again and keeps what the driver had set.
    /// </summary>
    public class Vl6180XRecoveryTests
    {
        private const int FreshOutOfReset = 0x016;
        private const int PartToPartOffset = 0x024;
        private const int RangeScaler = 0x096;
        private readonly Vl6180XSimulator _chip;

        public Vl6180XRecoveryTests()
        {
            _chip = Vl6180XRig.PowerUp(factoryOffsetMillimeters: 3, distanceMillimeters: 100);
        }

        [Fact]
        public void WasReset_AfterInitialisation_FalseInOneTransfer()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            Board.I2cLog.Clear();

            Assert.False(sensor.WasReset());

            I2cTransaction transfer = Assert.Single(Vl6180XRig.Transfers());
            Assert.Equal(I2cMethod.WriteRead, transfer.Method);
            Assert.Equal(FreshOutOfReset, Vl6180XRig.StartRegister(transfer));
        }

        [Fact]
        public void RecoverIfReset_NoReset_ReturnsFalseAndWritesNothing()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            int writes = _chip.Writes.Count;

            Assert.False(sensor.RecoverIfReset());

            Assert.Equal(writes, _chip.Writes.Count);
        }

        [Fact]
        public void RecoverIfReset_AfterPowerCycle_ReloadsTheSettingsAndKeepsScalingAndOffset()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            sensor.RangeScaling = 3;
            sensor.PartToPartOffsetMillimeters = 9;
            sensor.AlsGain = AlsGain.Gain10;
            _chip.PowerCycle();
            Assert.Equal(1, _chip.Registers[FreshOutOfReset].Value);

            Assert.True(sensor.RecoverIfReset());

            Assert.Equal(0, _chip.Registers[FreshOutOfReset].Value);
            Assert.Equal(84, _chip.Register16(RangeScaler));                  // 3× scaling (ST API scaler values 253/127/84)
            Assert.Equal(3, (sbyte)_chip.Registers[PartToPartOffset].Value);  // 9 mm at 3×: the register holds 9 / 3
            Assert.Equal(3, sensor.RangeScaling);
            Assert.Equal(9, sensor.PartToPartOffsetMillimeters);
            Assert.Equal(AlsGain.Gain10, sensor.AlsGain);
            Assert.Equal(0x01, _chip.Registers[0x207].Value);
        }

        [Fact]
        public void RecoverIfReset_AfterPowerCycle_ReadingsAreRightAgain()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            sensor.RangeScaling = 2;
            _chip.TargetDistanceMillimeters = 150;
            _chip.PowerCycle();

            Assert.True(sensor.RecoverIfReset());
            Assert.True(sensor.TryReadRange(out int millimeters, out RangeStatus status), status.ToString());

            Assert.InRange(millimeters, 140, 160);
        }

        [Fact]
        public void Reinitialize_FactoryOffsetKept()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            _chip.PowerCycle();

            sensor.Reinitialize();

            Assert.Equal(3, sensor.PartToPartOffsetMillimeters);
            Assert.Equal(3, (sbyte)_chip.Registers[PartToPartOffset].Value);
        }
    }
}
