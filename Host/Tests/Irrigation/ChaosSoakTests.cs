using System;
using System.Diagnostics;
using HostIrrigation;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>The chaos soak: a few simulated days of random overlapping faults, every invariant held, the same result for a seed.</summary>
    public class ChaosSoakTests
    {
        [Fact]
        public void Command_ChaosThreeDays_ZeroViolationsExitZeroAndWellUnderAMinute()
        {
            var wall = Stopwatch.StartNew();
            (int exit, string output) = IrrigationRecoveryTests.Run("--chaos", "3", "--seed", "1");

            Assert.Equal(0, exit);
            Assert.Matches(@"chaos: 3 days, \d+ faults injected, 0 invariant violations", output);
            Assert.True(wall.Elapsed < TimeSpan.FromSeconds(60), $"{wall.Elapsed.TotalSeconds:0.0} s");
        }

        [Fact]
        public void Soak_LatchUpsetTheFirmwareCannotSee_ReportedAsAValveLeftOpen()
        {
            // At 01:00 the chip's latch turns valve 1 on by itself; the firmware only notices the flow at its next pass
            // (up to 30 minutes later), so the 30 s invariant must catch it.
            ChaosSoak soak = ChaosSoak.Soak(1, 3, (garden, dayStart) => VirtualBoard.Board.Clock.ScheduleAt(
                (dayStart + 3600000 + 1000) * TimeSpan.TicksPerMillisecond,
                () =>
                {
                    garden.Expander.Registers[Simulators.Mcp23008Simulator.OLAT].Value = 0x01;
                    garden.Refresh();
                }));

            Assert.Contains(soak.Violations, v => v.Contains("still open") && v.Contains("after it should have closed"));
        }

        [Fact]
        public void Soak_SameSeed_SameFaultsAndResult()
        {
            ChaosSoak first = ChaosSoak.Soak(2, 7);
            ChaosSoak second = ChaosSoak.Soak(2, 7);

            Assert.Equal(first.Faults, second.Faults);
            Assert.True(first.Faults >= 2);
            Assert.Equal(first.Violations, second.Violations);
            Assert.Empty(first.Violations);
        }
    }
}
