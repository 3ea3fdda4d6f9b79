using System;
using System.Collections.Generic;
using System.Reflection;
using Drivers.VL6180X;
using Harness.Footprint;
using Simulators.Vl6180X;
using VirtualBoard;

namespace Footprint.Subjects
{
    /// <summary>
    /// The VL6180X on the bench (0x29 on I2C1, GPIO1 to GPIO26) looking at a white card 100 mm away in 200 lux, as the
    /// host bench has it. ALS at gain 1 with 100 ms integration, continuous ranging every 20 ms, as in the MicroPython
    /// measurement.
    /// </summary>
    public sealed class Vl6180XSubject : IFootprintSubject
    {
        private const int Gpio1Pin = 26;
        private const int ContinuousPeriodMilliseconds = 20;

        public string Name => "VL6180X";

        public Assembly DeviceAssembly => typeof(Vl6180X).Assembly;

        /// <summary>
        /// ReadRange: <c>ReadRangeMillimeters()</c>, single shot. ReadRangeContinuous: the application waits one period, then
        /// <c>ReadRangeContinuousMillimeters()</c> (the first call, the runner's warm-up, starts continuous ranging).
        /// ReadLux: <c>ReadLux()</c> (the warm-up stops continuous ranging first).
        /// </summary>
        public IReadOnlyList<string> Operations { get; } = new[] { "ReadRange", "ReadRangeContinuous", "ReadLux" };

        public object Construct()
        {
            Board.Reset();
            var chip = new Vl6180XSimulator(factoryOffsetMillimeters: 3, gpio1Pin: Gpio1Pin)
            {
                TargetDistanceMillimeters = 100,
                TargetReflectancePercent = 88,
                AmbientLux = 200,
            };
            Board.I2cBus(1).Attach(Vl6180XSimulator.DefaultAddress, chip);

            var sensor = new Vl6180X(BenchI2c.Open(Vl6180X.DefaultI2cAddress));
            sensor.AlsGain = AlsGain.Gain1;
            sensor.AlsIntegrationPeriodMilliseconds = 100;
            return sensor;
        }

        public void Run(object instance, string operation)
        {
            var sensor = (Vl6180X)instance;
            switch (operation)
            {
                case "ReadRange":
                    sensor.ReadRangeMillimeters();
                    break;
                case "ReadRangeContinuous":
                    if (!sensor.IsRangeContinuous)
                    {
                        sensor.StartRangeContinuous(ContinuousPeriodMilliseconds);
                    }

                    Board.Clock.Advance(TimeSpan.TicksPerMillisecond * ContinuousPeriodMilliseconds);
                    sensor.ReadRangeContinuousMillimeters();
                    break;
                case "ReadLux":
                    if (sensor.IsRangeContinuous)
                    {
                        sensor.StopRangeContinuous();
                    }

                    sensor.ReadLux();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a VL6180X operation.");
            }
        }
    }
}
