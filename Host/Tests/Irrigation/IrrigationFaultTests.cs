using System;
using System.Diagnostics;
using HostIrrigation;
using Samples.Irrigation;
using Simulators;
using Simulators.Garden;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// Each injected fault during a five-minute run of zone 1: the valve ends closed on the simulated MCP23008 (OLAT),
    /// the right alarm is raised, and the run ends within a bounded simulated (and real) time.
    /// </summary>
    public class IrrigationFaultTests
    {
        // A five-minute run with its settle (5 s) and leak check (5 s) takes 5 min 10 s; a fault may only shorten it.
        private const long RunBoundMilliseconds = (5 * 60000) + 10000 + 2000;
        private const int FaultAfterSeconds = 90;

        [Theory]
        [InlineData(GardenFault.DeadFlowSensor, Alarm.NoFlow, RunOutcome.NoFlow)]
        [InlineData(GardenFault.Leak, Alarm.Leak, RunOutcome.Completed)]
        [InlineData(GardenFault.Vl6180XMissing, Alarm.TankSensorFault, RunOutcome.Fault)]
        [InlineData(GardenFault.Mcp23008Nack, Alarm.ValveDriverFault, RunOutcome.Fault)]
        public void Water_FaultDuringRun_ValveClosedAndAlarmRaisedInBoundedTime(GardenFault fault, Alarm alarm, RunOutcome outcome)
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.InjectFault(fault, FaultAfterSeconds);
            long start = GardenBench.NowMilliseconds;
            var wall = Stopwatch.StartNew();

            RunOutcome result = bench.Controller.Water(1, 5);

            Assert.Equal(outcome, result);
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.Equal(0, bench.Garden.OpenValves);
            Assert.True(bench.Controller.LastRun.ValvesClosed);
            Assert.Equal(alarm, bench.Controller.ActiveAlarms);
            Assert.Equal(alarm, bench.Controller.LastRun.Alarms);
            Assert.InRange(GardenBench.NowMilliseconds - start, 0, RunBoundMilliseconds);
            Assert.InRange(wall.ElapsedMilliseconds, 0, 20000);
            Assert.Single(log.StartingWith("ALARM"));
            Assert.Equal("Valve 1 closed", log.StartingWith("Valve 1 ")[1]);
        }

        [Fact]
        public void Water_DeadFlowSensor_StopsNoFlowTimeoutAfterTheLastPulse()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.InjectFault(GardenFault.DeadFlowSensor, FaultAfterSeconds);

            bench.Controller.Water(1, 5);

            // Last flow seen at the 90 s check; 30 s (NoFlowTimeoutSeconds) later the 120 s check stops the run.
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 120000, 120200);
            Assert.Equal(
                "ALARM no-flow: zone 1 valve open 30 s without flow (dry line, empty tank or dead flow sensor); run stopped",
                log.StartingWith("ALARM")[0]);
        }

        [Fact]
        public void Water_DryLineFromTheStart_StopsAfterTheNoFlowTimeout()
        {
            var bench = new GardenBench(null);
            bench.Garden.Zones[0].FlowLitresPerMinute = 0;

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.NoFlow, outcome);
            Assert.InRange(bench.Controller.LastRun.OpenMilliseconds, 30000, 30200);
            Assert.Equal(0, bench.Garden.OpenValves);
        }

        [Fact]
        public void Water_LeakDuringRun_DetectedWithEveryValveClosedAfterTheRun()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.InjectFault(GardenFault.Leak, FaultAfterSeconds);

            bench.Controller.Water(1, 5);

            Assert.Equal("ALARM leak: 3.0 L/min with every valve closed (leak or valve stuck open); closing every valve", log.StartingWith("ALARM")[0]);
            int closed = IndexOf(log, "Valve 1 closed");
            Assert.True(IndexOf(log, "ALARM leak") > closed);
        }

        [Fact]
        public void Water_McpNack_ClosingRetriesUntilTheChipAnswersAgain()
        {
            var bench = new GardenBench(null);
            bench.InjectFault(GardenFault.Mcp23008Nack, FaultAfterSeconds);
            Board.I2cLog.Clear();

            bench.Controller.Water(1, 5);

            I2cTransaction[] expander = Board.I2cLog.For(Garden.ExpanderAddress);
            // Check (2 reads); open; minute 1 check (2 reads); minute 2 check NACKed (run stops); close NACKed, retried
            // 0.2 s later and NACKed, retried 0.4 s later: written and confirmed (2 reads).
            Assert.Equal(11, expander.Length);
            Assert.Equal(System.Device.I2c.I2cTransferStatus.SlaveAddressNotAcknowledged, expander[5].Status);
            Assert.Equal(System.Device.I2c.I2cTransferStatus.SlaveAddressNotAcknowledged, expander[6].Status);
            Assert.Equal(System.Device.I2c.I2cTransferStatus.SlaveAddressNotAcknowledged, expander[7].Status);
            Assert.Equal(new byte[] { 0x0A, 0x00 }, expander[8].Written);
            Assert.Equal(System.Device.I2c.I2cTransferStatus.FullTransfer, expander[8].Status);
            Assert.InRange((expander[7].TimeTicks - expander[6].TimeTicks) / TimeSpan.TicksPerMillisecond, 199, 201);
            Assert.InRange((expander[8].TimeTicks - expander[7].TimeTicks) / TimeSpan.TicksPerMillisecond, 399, 401);
            Assert.True(bench.Controller.Valves.ConfirmedClosed);
        }

        [Fact]
        public void Water_McpGoneForGood_ReportsTheValveNotConfirmedClosedAndReturns()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            Board.Clock.ScheduleAt(TimeSpan.FromSeconds(90).Ticks, () =>
                Board.I2cBus(1).InjectFault(Garden.ExpanderAddress, new I2cFault(I2cFaultKind.StopsAnswering)));
            long start = GardenBench.NowMilliseconds;

            RunOutcome outcome = bench.Controller.Water(1, 5);

            // The chip keeps its last latch: the valve really is still open, and the controller says so.
            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.False(bench.Controller.LastRun.ValvesClosed);
            Assert.Equal(Alarm.ValveDriverFault | Alarm.ValveCloseFailed, bench.Controller.ActiveAlarms);
            Assert.Equal(0x01, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.Contains("Valve 1 NOT confirmed closed", log.Lines);
            Assert.InRange(GardenBench.NowMilliseconds - start, 0, RunBoundMilliseconds);
        }

        [Fact]
        public void Water_TankSensorNeverCompletes_TimesOutAndClosesTheValve()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            Board.Clock.ScheduleAt(TimeSpan.FromSeconds(90).Ticks, () => bench.Garden.TankSensor.NeverCompletes = true);
            long start = GardenBench.NowMilliseconds;

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.Equal(Alarm.TankSensorFault, bench.Controller.ActiveAlarms);
            Assert.Equal(0x00, bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT));
            Assert.InRange(GardenBench.NowMilliseconds - start, 0, RunBoundMilliseconds);
        }

        [Fact]
        public void Water_TankSensorMissingAtStart_WarnsAtStartAndNeverOpensTheValve()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log, null, GardenFault.Vl6180XMissing);
            Board.I2cLog.Clear();

            RunOutcome outcome = bench.Controller.Water(1, 5);

            Assert.Equal(RunOutcome.Fault, outcome);
            Assert.StartsWith("WARNING VL6180X tank/light sensor not found at 0x29", log.Lines[0]);
            Assert.Equal("ALARM tank-sensor: The VL6180X tank sensor did not answer at start (I2C1, 0x29); run not started", log.StartingWith("ALARM")[0]);
            Assert.DoesNotContain(Board.I2cLog.For(Garden.ExpanderAddress), t => t.Method == I2cMethod.Write && t.Written[1] != 0);
            Assert.Equal(0.0, bench.Garden.LineLitres);
        }

        [Fact]
        public void Water_TankEmptiesDuringRun_StopsBelowTheMinimum()
        {
            var log = new ListLogSink();
            var bench = new GardenBench(log);
            bench.Garden.TankLitres = 100; // 16 %; 12 L/min takes it below 10 % (60 L) in minute 4

            RunOutcome outcome = bench.Controller.Water(1, 10);

            Assert.Equal(RunOutcome.ReservoirLow, outcome);
            Assert.Equal(0, bench.Garden.OpenValves);
            Assert.InRange(bench.Garden.TankLitres, 40, 60);
            Assert.Single(log.StartingWith("Tank "));
        }

        private static int IndexOf(ListLogSink log, string prefix)
        {
            for (int i = 0; i < log.Lines.Count; i++)
            {
                if (log.Lines[i].StartsWith(prefix, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
