using HostTests.Foundation;
using Simulators.Vl6180X;
using VirtualBoard;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// The VL6180X on the test bench, wired as the driver README says: I2C1 at 0x29, GPIO1 (open drain, pulled up) to
    /// ESP32 GPIO26. The scene: a white card 100 mm away in 200 lux; the part's factory offset is +3 mm.
    /// </summary>
    public sealed class Vl6180XBenchPart : IBenchPart
    {
        public const int Gpio1Pin = 26;
        public const sbyte FactoryOffsetMillimeters = 3;
        public const double TargetDistanceMillimeters = 100;
        public const double AmbientLux = 200;

        public void Install()
        {
            var sensor = new Vl6180XSimulator(FactoryOffsetMillimeters, Gpio1Pin)
            {
                TargetDistanceMillimeters = TargetDistanceMillimeters,
                TargetReflectancePercent = 88,
                AmbientLux = AmbientLux,
            };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, sensor);
        }
    }
}
