using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// Every register of the DocID026171 §6.2 map answers, as on a real chip: the range rates, counts and convergence
    /// times (0x066–0x083) and FIRMWARE__BOOTUP (0x119). The history buffer is declared and not modelled.
    /// </summary>
    public class Vl6180XSimulatorRegisterTests
    {
        private readonly Vl6180XSimulator _chip;
        private readonly RawVl6180X _bus;

        public Vl6180XSimulatorRegisterTests()
        {
            Board.Reset();
            _chip = new Vl6180XSimulator() { TargetDistanceMillimeters = 100, TargetReflectancePercent = 88, AmbientLux = 100 };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, _chip);
            _bus = new RawVl6180X();
        }

        [Fact]
        public void RateRegisters_AnswerAsDeclaredBlocks()
        {
            Assert.Equal(4, _bus.Read(0x066, 4).Length);    // RETURN_RATE, REFERENCE_RATE
            Assert.Equal(24, _bus.Read(0x06C, 24).Length);  // six 32-bit counts and convergence times, 0x06C..0x083
        }

        [Fact]
        public void FirmwareBootup_ReadsBooted()
        {
            Assert.Equal(0x01, _bus.Read8(0x119) & 0x01);
        }

        [Fact]
        public void RangeResults_TargetAt100Millimeters_ConvergenceTimeAndRatesFollowTheModel()
        {
            _bus.StartRange();
            RawVl6180X.Advance(60);

            // Convergence of the model: 4.35 ms × (100 / 50)² × 3 / 88 (DocID026171 §2.7.1 example scaled).
            double convergenceMs = 4.35 * 4 * 3 / 88;
            Assert.Equal((int)System.Math.Round(convergenceMs * 1000), Read32(0x07C));
            Assert.Equal(Read32(0x07C), Read32(0x080));
            double returnMcps = Vl6180XSimulator.ReferenceReturnRateMcps * 4.35 / convergenceMs;
            Assert.Equal((int)System.Math.Round(returnMcps * 128), _bus.Read16(0x066));
            Assert.Equal((int)(Vl6180XSimulator.ReferenceChannelRateMcps * 128), _bus.Read16(0x068));
            Assert.True(Read32(0x06C) > 0);
            Assert.True(Read32(0x074) > 0); // ambient light gives ambient counts
        }

        [Fact]
        public void RangeResults_NoTarget_ReturnConvergenceTimeIsTheMaximumAndTheRateIsZero()
        {
            _chip.TargetDistanceMillimeters = null;
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.Equal(7, _bus.Read8(0x04D) >> 4);
            Assert.Equal(49 * 1000, Read32(0x07C)); // SYSRANGE__MAX_CONVERGENCE_TIME 49 ms
            Assert.Equal(0, _bus.Read16(0x066));
        }

        [Fact]
        public void HistoryBuffer_IsNotModelled_ReadsZeroAndEnablingItThrows()
        {
            _bus.StartRange();
            RawVl6180X.Advance(60);

            Assert.All(_bus.Read(0x052, 16), b => Assert.Equal(0, b));
            SimulatorException error = Assert.Throws<SimulatorException>(() => _bus.Write(0x012, 0x01));
            Assert.Contains("history buffer", error.Message);
        }

        private int Read32(int register)
        {
            byte[] b = _bus.Read(register, 4);
            return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        }
    }
}
