using System.Linq;
using HostIrrigation;
using Samples.Irrigation;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>The schedule pass: which zones it waters, and when it skips.</summary>
    public class IrrigationScheduleTests
    {
        [Fact]
        public void SchedulePass_OneDryZoneBeforeSunrise_WatersOnlyThatZoneUntilWet()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);

            bench.Controller.RunSchedulePass();

            Assert.Equal("Schedule: zone 1 at 25% is below 30%", log.Lines[0]);
            Assert.Equal(RunOutcome.TargetReached, bench.Controller.LastRun.Outcome);
            Assert.True(bench.Garden.Zones[0].MoisturePercent >= 60);
            Assert.Equal(0, bench.Garden.Zones[1].DeliveredLitres + bench.Garden.Zones[2].DeliveredLitres + bench.Garden.Zones[3].DeliveredLitres);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Fact]
        public void SchedulePass_TwoDryZones_WatersThemOneAfterTheOther()
        {
            var bench = new GardenBench(null);
            bench.StartAt(20);
            bench.Garden.Zones[3].MoisturePercent = 20;
            bench.Garden.Refresh();

            bench.Controller.RunSchedulePass();

            Assert.True(bench.Garden.Zones[0].MoisturePercent >= 60);
            Assert.True(bench.Garden.Zones[3].MoisturePercent >= 60);
            Assert.Equal(4, bench.Controller.LastRun.Zone);
        }

        [Fact]
        public void SchedulePass_EveryZoneMoist_OnlyReadsTheProbes()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.Zones[0].MoisturePercent = 50;
            bench.Garden.Refresh();
            Board.I2cLog.Clear();

            bench.Controller.RunSchedulePass();

            Assert.Equal(new[] { "Schedule: no zone below its threshold, moisture 50% 45% 52% 38%" }, log.Lines);
            Assert.Empty(Board.I2cLog.Entries);
        }

        [Theory]
        [InlineData(8.0, "Schedule: skipped, bright light 15000 lx >= 10000 lx")]
        [InlineData(12.0, "Schedule: skipped, bright light (sensor saturated) >= 10000 lx")]
        public void SchedulePass_BrightLight_SkipsWatering(double hour, string line)
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(hour);
            bench.Garden.Refresh();

            bench.Controller.RunSchedulePass();

            Assert.Equal(new[] { line }, log.Lines);
            Assert.Equal(0, bench.Garden.LineLitres);
        }

        [Fact]
        public void SchedulePass_BrightLightButSkipOff_Waters()
        {
            var settings = new IrrigationSettings { SkipInBrightLight = false };
            var bench = new GardenBench(null, settings);
            bench.StartAt(12);

            bench.Controller.RunSchedulePass();

            Assert.True(bench.Garden.Zones[0].DeliveredLitres > 0);
        }

        [Fact]
        public void SchedulePass_TankBelowMinimum_SkipsWatering()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);
            bench.Garden.TankLitres = 30; // 5 %
            bench.Garden.Refresh();

            bench.Controller.RunSchedulePass();

            Assert.Single(log.Lines);
            Assert.Matches(@"^Schedule: skipped, tank \d+ L \(\d%\) below 10%$", log.Lines[0]);
            Assert.Equal(0, bench.Garden.LineLitres);
        }

        [Fact]
        public void SchedulePass_Vl6180XMissing_RaisesLightAndTankAlarmsAndDoesNotWater()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log, null, GardenFault.Vl6180XMissing);

            bench.Controller.RunSchedulePass();

            Assert.Equal(Alarm.LightSensorFault | Alarm.TankSensorFault, bench.Controller.ActiveAlarms);
            Assert.Equal(0, bench.Garden.LineLitres);
            Assert.Equal(2, log.StartingWith("ALARM").Length);
        }

        [Fact]
        public void SchedulePass_LeakWhileIdle_RaisesTheLeakAlarmAndDoesNotWater()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);
            bench.Garden.Inject(GardenFault.Leak);
            bench.Clock.Sleep(60000);

            bench.Controller.RunSchedulePass();

            Assert.Equal(Alarm.Leak, bench.Controller.ActiveAlarms);
            Assert.Equal(new[] { "ALARM leak: 3.0 L/min with every valve closed (leak or valve stuck open); closing every valve" }, log.Lines);
            Assert.Equal(0, bench.Garden.Zones[0].DeliveredLitres);
        }

        [Fact]
        public void SchedulePass_AfterANoFlowAlarm_HeldUntilTheAlarmsAreCleared()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(5);
            bench.Garden.Zones[0].FlowLitresPerMinute = 0; // a dry line
            bench.Controller.RunSchedulePass();
            Assert.Equal(Alarm.NoFlow, bench.Controller.ActiveAlarms);
            bench.Garden.Zones[0].FlowLitresPerMinute = 12; // repaired

            bench.Controller.RunSchedulePass();
            Assert.Equal("Schedule: watering held by alarm: no-flow", log.Lines.Last());
            Assert.Equal(0, bench.Garden.Zones[0].DeliveredLitres);

            bench.Controller.ClearAlarms();
            bench.Controller.RunSchedulePass();
            Assert.True(bench.Garden.Zones[0].MoisturePercent >= 60);
        }

        [Fact]
        public void Schedule_OneDay_SkipsTheBrightHoursAndKeepsEveryZoneMoist()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.StartAt(0);
            bench.Garden.TankLitres = 600;
            foreach (GardenZone zone in bench.Garden.Zones)
            {
                zone.EvaporationPercentPerHour = 2;
            }

            bench.RunSchedule(48);

            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
            Assert.All(bench.Garden.Zones, z => Assert.True(z.MoisturePercent >= 25, $"{z.MoisturePercent:0.0} %"));
            Assert.NotEmpty(log.StartingWith("Schedule: skipped, bright light"));
            Assert.True(log.StartingWith("Watering zone").Length >= 3);
            Assert.All(log.StartingWith("Water used:"), l => Assert.EndsWith("(wet target reached)", l));
        }
    }
}
