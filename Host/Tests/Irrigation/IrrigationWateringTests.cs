using System;
using System.Linq;
using HostIrrigation;
using Samples.Irrigation;
using Simulators;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>Full watering runs of the firmware on the virtual board with the simulated garden.</summary>
    public class IrrigationWateringTests
    {
        // The garden's zone 1: 25 % moist, 12 L/min through its valve, +0.25 % per litre.
        private const double ZoneOneLitresPerMinute = 12;

        [Fact]
        public void Water_FiveMinutes_PrintsAMinuteLineEachMinuteThenTheSummary()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Completed, outcome);
            Assert.Equal(
                new[] { "Watering zone 1 for 5 minutes", "Valve 1 open" },
                log.Lines.Take(2).ToArray());
            string[] minutes = log.StartingWith("Minute ");
            Assert.Equal(5, minutes.Length);
            for (int m = 1; m <= 5; m++)
            {
                Assert.StartsWith($"Minute {m}: moisture ", minutes[m - 1]);
                Assert.Matches(@"^Minute \d: moisture( \d+%){4} \| flow \d+\.\d L/min \| tank \d+ L \(\d+%\)$", minutes[m - 1]);
            }

            // 480 L in the tank after 60 L: the float gauge reads it to one 1 mm step (600 L / 83 mm = 7.2 L).
            Assert.EndsWith("| flow 12.0 L/min | tank 477 L (79%)", minutes[4]);
            Assert.Equal(
                new[]
                {
                    "Valve 1 closed",
                    "Initial moisture: 25% 45% 52% 38%",
                    "Final moisture:   40% 45% 52% 38%",
                    "Water used: 60.0 L in 5 min 0 s (completed)",
                },
                log.Lines.Skip(log.Lines.Count - 4).ToArray());
        }

        [Fact]
        public void Water_FiveMinutes_LitresMatchWhatFlowedAndTheBedGotWetter()
        {
            var bench = new GardenBench(null);

            bench.Controller.Water(1, 5);

            RunSummary run = bench.Controller.LastRun;
            Assert.Equal(5 * ZoneOneLitresPerMinute, bench.Garden.LineLitres, 6);
            Assert.Equal(bench.Garden.LineLitres, run.Litres, 1);
            Assert.Equal(25, run.InitialMoisturePercent[0]);
            Assert.Equal(40, run.FinalMoisturePercent[0]); // 25 % + 60 L × 0.25 %/L
            Assert.Equal(60.0, bench.Garden.Zones[0].DeliveredLitres, 6);
            Assert.Equal(0, bench.Garden.Zones[1].DeliveredLitres);
            Assert.Equal(5, run.MinutesLogged);
            Assert.InRange(run.OpenMilliseconds, 5 * 60000, (5 * 60000) + 500);
            Assert.True(run.ValvesClosed);
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
        }

        [Fact]
        public void Water_WhileRunning_OnlyTheZoneValveIsOpenAndClosedAfter()
        {
            var bench = new GardenBench(null);
            int olatDuringRun = -1;
            int iodirDuringRun = -1;
            Board.Clock.ScheduleAt(Board.Clock.NowTicks + TimeSpan.FromSeconds(90).Ticks, () =>
            {
                olatDuringRun = bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT);
                iodirDuringRun = bench.Garden.Expander.Peek(Mcp23008Simulator.IODIR);
            });

            bench.Controller.Water(3, 2);

            Assert.Equal(0x04, olatDuringRun);       // zone 3: GP2
            Assert.Equal(0xF0, iodirDuringRun);      // GP0..GP3 outputs, the rest inputs as at power-on
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.Equal(16.0, bench.Garden.Zones[2].DeliveredLitres, 6); // 8 L/min × 2 min
        }

        [Fact]
        public void Water_PerMinute_OneValveCheckAndOneGuardedTankReading()
        {
            var bench = new GardenBench(null);
            Board.I2cLog.Clear();

            bench.Controller.Water(1, 5);

            I2cTransaction[] expander = Board.I2cLog.For(Garden.ExpanderAddress);
            // Check before opening (IODIR..IOCON, OLAT), open (OLAT write), 5 minute checks (two reads each), close (OLAT
            // write) and its confirmation (two reads).
            I2cMethod[] check = { I2cMethod.WriteRead, I2cMethod.WriteRead };
            I2cMethod[] expected = check.Concat(new[] { I2cMethod.Write })
                .Concat(Enumerable.Repeat(check, 5).SelectMany(c => c))
                .Concat(new[] { I2cMethod.Write }).Concat(check).ToArray();
            Assert.Equal(expected, expander.Select(t => t.Method).ToArray());
            Assert.Equal(new byte[] { 0x0A, 0x01 }, expander[2].Written);
            Assert.Equal(new byte[] { 0x0A, 0x00 }, expander[13].Written);
            Assert.All(expander.Where(t => t.Method == I2cMethod.WriteRead), t => Assert.Contains(t.Written[0], new byte[] { 0x00, 0x0A }));

            // The tank sensor: per reading, SYSTEM__FRESH_OUT_OF_RESET (one read) then the single-shot range (a write and a read).
            I2cTransaction[] tank = Board.I2cLog.For(Simulators.Vl6180X.Vl6180XSimulator.DefaultAddress);
            Assert.InRange(tank.Length, 6 * 3, 6 * 4); // the reading before the valve opens and one a minute (a second poll at most)
            Assert.Equal(6, tank.Count(t => t.Method == I2cMethod.WriteRead && t.Written[0] == 0x00 && t.Written[1] == 0x16));
            Assert.All(Board.I2cLog.Entries, t => Assert.Equal(System.Device.I2c.I2cTransferStatus.FullTransfer, t.Status));
        }

        [Fact]
        public void WaterUntilWet_DryBed_StopsOnceTheTargetIsReached()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);

            RunOutcome outcome = bench.Controller.WaterUntilWet(1);

            // 25 % → 60 %: 140 L at 12 L/min, reached during minute 12.
            Assert.Equal(RunOutcome.TargetReached, outcome);
            Assert.Equal(12, bench.Controller.LastRun.MinutesLogged);
            Assert.True(bench.Controller.LastRun.FinalMoisturePercent[0] >= 60);
            Assert.Equal("Watering zone 1 until 60%, at most 30 minutes", log.Lines[0]);
            Assert.EndsWith("(wet target reached)", log.Lines[log.Lines.Count - 1]);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Fact]
        public void WaterUntilWet_BedNeverGetsWet_StopsAtTheMaximumRunTime()
        {
            var bench = new GardenBench(null);
            bench.Garden.Zones[0].PercentPerLitre = 0;

            RunOutcome outcome = bench.Controller.WaterUntilWet(1);

            Assert.Equal(RunOutcome.MaxDuration, outcome);
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 30 * 60000, (30 * 60000) + 500);
            Assert.Equal(30 * ZoneOneLitresPerMinute, bench.Garden.Zones[0].DeliveredLitres, 6);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(5)]
        public void Water_ZoneOutOfRange_ThrowsNamingTheRange(int zone)
        {
            var bench = new GardenBench(null);

            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => bench.Controller.Water(zone, 5));

            Assert.Equal("zone", ex.ParamName);
            Assert.Contains("1..4", ex.Message);
            Assert.DoesNotContain(Board.I2cLog.For(Garden.ExpanderAddress), t => t.Method == I2cMethod.Write && t.Written[0] == 0x0A && t.Written[1] != 0);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(31)]
        public void Water_MinutesOutOfRange_ThrowsNamingMaxRunMinutes(int minutes)
        {
            var bench = new GardenBench(null);

            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => bench.Controller.Water(1, minutes));

            Assert.Equal("minutes", ex.ParamName);
            Assert.Contains("1..30 minutes (MaxRunMinutes)", ex.Message);
        }
    }
}
