using System;
using HostIrrigation;
using HostSeams;
using Samples.Irrigation;
using VirtualBoard;
using Xunit;

namespace HostTests.Irrigation
{
    /// <summary>
    /// The controller's own allocations, exact on the host: nothing per schedule pass or watering run beyond the log
    /// lines, and the retained heap (nanoCLR model) back at its baseline after 100 watering cycles.
    /// </summary>
    public class IrrigationMemoryTests
    {
        [Fact]
        public void SchedulePass_NothingToWater_LoggingOff_AllocatesNothing()
        {
            var bench = new GardenBench(null);
            bench.Garden.Zones[0].MoisturePercent = 50;
            bench.Garden.Refresh();
            bench.RunSchedule(1);

            long bytes = AllocationLedger.DriverBytes(() => bench.RunSchedule(10));

            Assert.Equal(0, bytes);
        }

        [Fact]
        public void SchedulePass_WateringAZone_LoggingOff_AllocatesNothing()
        {
            var bench = new GardenBench(null);
            bench.StartAt(5); // before sunrise: not bright
            bench.Controller.Water(2, 1);

            long bytes = AllocationLedger.DriverBytes(() => bench.Controller.RunSchedulePass());

            Assert.True(bench.Garden.Zones[0].DeliveredLitres > 100, "the pass watered zone 1 until wet");
            Assert.Equal(0, bytes);
        }

        [Fact]
        public void Water_LoggingOn_AllocatesExactlyTheLogLineStrings()
        {
            var sink = new CountingLogSink();
            var bench = new GardenBench(sink);
            bench.Controller.Water(2, 1);
            var before = (long[])sink.LengthHistogram.Clone();
            int linesBefore = sink.Lines;

            long bytes = AllocationLedger.DriverBytes(() => bench.Controller.Water(1, 5));

            long strings = 0;
            for (int length = 0; length < before.Length; length++)
            {
                strings += (sink.LengthHistogram[length] - before[length]) * HostStringBytes(length);
            }

            Assert.Equal(11, sink.Lines - linesBefore); // start, open, 5 minutes, closed, initial, final, used
            Assert.Equal(strings, bytes);
        }

        [Fact]
        public void HundredWateringCycles_RetainedHeapBackAtBaselineAndNoAllocation()
        {
            var bench = new GardenBench(null);
            bench.StartAt(5);
            object kept = new object[] { bench.Controller, bench.Hardware, bench.Settings, bench.Clock };
            Cycle(bench);
            NanoHeapMeter.Begin(kept);

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    Cycle(bench);
                }
            });

            int retained = NanoHeapMeter.Retained(kept);
            Assert.True(retained == 0, $"retained {retained} B: {NanoHeapMeter.LastReport}");
            Assert.Equal(0, bytes);
            Assert.Equal(Alarm.None, bench.Controller.ActiveAlarms);
        }

        // One cycle: zone 1 dried out, the schedule waters it until wet, a timed run of zone 2, the tank refilled.
        private static void Cycle(GardenBench bench)
        {
            bench.Garden.Zones[0].MoisturePercent = 25;
            bench.Garden.TankLitres = 540;
            bench.Garden.Refresh();
            bench.Controller.RunSchedulePass();
            bench.Controller.Water(2, 1);
            bench.Clock.Sleep(bench.Settings.ScheduleIntervalMinutes * 60000);
        }

        // What one string of the given length costs on the .NET heap, measured here rather than assumed.
        private static long HostStringBytes(int length)
        {
            var chars = new char[Math.Max(length, 1)];
            _ = new string(chars, 0, length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            _ = new string(chars, 0, length);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
