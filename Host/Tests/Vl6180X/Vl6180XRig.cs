using System;
using System.Device.I2c;
using System.IO;
using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;

namespace HostTests.Vl6180XTests
{
    /// <summary>A freshly powered board with one simulated VL6180X on I2C1 (GPIO1 on GPIO26), and the driver on it.</summary>
    internal static class Vl6180XRig
    {
        public const int Gpio1Pin = 26;

        public static Vl6180XSimulator PowerUp(sbyte factoryOffsetMillimeters = 3, double? distanceMillimeters = 100, double lux = 200)
        {
            Board.Reset();
            var chip = new Vl6180XSimulator(factoryOffsetMillimeters, Gpio1Pin)
            {
                TargetDistanceMillimeters = distanceMillimeters,
                TargetReflectancePercent = 88,
                AmbientLux = lux,
            };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, chip);
            return chip;
        }

        public static I2cDevice Device(int address = Vl6180X.DefaultI2cAddress) =>
            new I2cDevice(new I2cConnectionSettings(1, address));

        public static Vl6180X Open() => new Vl6180X(Device());

        /// <summary>The 16-bit register index a logged transfer started at (its first two written bytes).</summary>
        public static int StartRegister(I2cTransaction transfer) => (transfer.Written[0] << 8) | transfer.Written[1];

        public static I2cTransaction[] Transfers() => Board.I2cLog.Entries.ToArray();

        /// <summary>The repository root (the folder of nano.sln).</summary>
        public static string RepoRoot() => HostTests.Foundation.RepoPaths.Root;
    }
}
