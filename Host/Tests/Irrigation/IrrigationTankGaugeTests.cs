using System;
using System.Linq;
using HostIrrigation;
using Samples.Irrigation;
using Simulators.Garden;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// The tank level through the float gauge at 1× scaling, and a naive geometry (the sensor in the lid looking at the
    /// bare water) failing in simulation as it would in a tank.
    /// </summary>
    public class IrrigationTankGaugeTests
    {
        // 600 L over 83 mm of counterweight travel: one 1 mm step of the sensor is 7.2 L.
        private const double GaugeStepLitres = 600.0 / (98 - 15);

        [Theory]
        [InlineData(600)]
        [InlineData(540)]
        [InlineData(300)]
        [InlineData(61)]
        [InlineData(0)]
        public void Measure_FloatGauge_ReadsTheLevelWithinOneStep(double litres)
        {
            var bench = new GardenBench(null);
            bench.Garden.TankLitres = litres;
            bench.Garden.Refresh();

            bench.Hardware.Tank.Measure();

            Assert.InRange(bench.Hardware.Tank.Litres, litres - GaugeStepLitres, litres + GaugeStepLitres);
            Assert.InRange(bench.Hardware.Tank.DistanceMillimeters, 15, IrrigationSettings.TankGaugeMaxMillimeters);
        }

        [Fact]
        public void Open_TankSensor_RangesAtOneTimesScaling()
        {
            var bench = new GardenBench(null);

            bench.Controller.Water(1, 2);

            Assert.Equal(1, bench.Garden.TankSensor.RangeScalingFactor);
            Assert.Equal(1, bench.Hardware.RangeSensor.RangeScaling);
        }

        [Fact]
        public void Water_SensorInTheLidLookingAtTheWater_NoDistanceSoTheRunNeverStarts()
        {
            // The old geometry: the sensor in the lid, 50 mm above a full tank and 550 mm above an empty one. The water
            // surface returns too little light: range error 7 instead of a distance, and the level stays unknown.
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.TankTarget = TankTarget.WaterSurface;
            bench.Garden.TankFullDistanceMillimeters = 50;
            bench.Garden.TankEmptyDistanceMillimeters = 550;
            bench.Garden.Refresh();

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.Equal(Alarm.TankSensorFault, bench.Controller.ActiveAlarms);
            Assert.Equal(0.0, bench.Garden.LineLitres);
            Assert.Equal(
                "ALARM tank-sensor: VL6180X range error 7 (too little signal: no target), tank level unknown: check the gauge's target; run not started",
                Assert.Single(log.StartingWith("ALARM")));
        }

        [Theory]
        [InlineData(50)]
        [InlineData(98)]
        [InlineData(190)]
        public void Simulator_BareWaterSurface_ReportsNoTargetAtTheDistancesOfALidMount(double millimeters)
        {
            var bench = new GardenBench(null);
            bench.Garden.TankTarget = TankTarget.WaterSurface;
            bench.Garden.TankFullDistanceMillimeters = millimeters;
            bench.Garden.TankEmptyDistanceMillimeters = millimeters;
            bench.Garden.Refresh();

            Assert.False(bench.Hardware.RangeSensor.TryReadRange(out _, out Drivers.VL6180X.RangeStatus status));
            Assert.Equal(Drivers.VL6180X.RangeStatus.MaxConvergence, status);
        }

        [Fact]
        public void Schedule_SensorLookingAtTheWater_SkipsWithATankAlarmInsteadOfReadingEmpty()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.StartHour = 5;
            bench.Garden.TankTarget = TankTarget.WaterSurface;
            bench.Garden.TankFullDistanceMillimeters = 50;
            bench.Garden.TankEmptyDistanceMillimeters = 550;
            bench.Garden.Refresh();

            bench.Controller.RunSchedulePass();

            Assert.Equal(Alarm.TankSensorFault, bench.Controller.ActiveAlarms);
            Assert.StartsWith("ALARM tank-sensor: VL6180X range error 7", log.Lines.Last());
            Assert.DoesNotContain(log.Lines, l => l.StartsWith("Schedule: skipped, tank", StringComparison.Ordinal));
        }

        [Fact]
        public void Measure_TargetOutsideTheGaugeTravel_FaultNotAGuessedLevel()
        {
            var bench = new GardenBench(null);
            bench.Hardware.Tank.Measure();
            int before = bench.Hardware.Tank.Litres;

            // The cord has slipped off the pulley: the counterweight has dropped to 140 mm.
            bench.Garden.TankFullDistanceMillimeters = 140;
            bench.Garden.TankEmptyDistanceMillimeters = 140;
            bench.Garden.Refresh();

            var ex = Assert.Throws<TankGaugeException>(() => bench.Hardware.Tank.Measure());
            Assert.Equal("tank gauge reads 140 mm, outside its travel 15..98 mm; tank level unknown: check the float, the cord and the counterweight", ex.Message);
            Assert.Equal(before, bench.Hardware.Tank.Litres);
        }
    }
}
