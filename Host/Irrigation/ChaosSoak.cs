using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using HostSeams;
using Samples.Irrigation;
using Simulators.Garden;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// The chaos soak: the firmware's schedule loop for N simulated days on the virtual board, with random faults of
    /// every kind (random start, 0.1 s to 10 min long, overlapping), and the invariants checked every simulated second
    /// and after every schedule pass. Deterministic for a seed.
    /// </summary>
    public sealed class ChaosSoak
    {
        /// <summary>Shortest injected fault, in simulated ms.</summary>
        public const long ShortestFaultMilliseconds = 100;

        /// <summary>Longest injected fault, in simulated ms.</summary>
        public const long LongestFaultMilliseconds = 600000;

        /// <summary>Most faults injected per day (at least one).</summary>
        public const int MostFaultsPerDay = 6;

        /// <summary>How long a valve may stay open after it should have closed, once its bus answers, in ms.</summary>
        public const long ValveCloseGraceMilliseconds = 30000;

        private const long DayMilliseconds = 86400000;
        private const long CheckMilliseconds = 1000;
        private const int ReportedViolations = 10;

        private static readonly GardenFault[] Kinds =
        {
            GardenFault.DeadFlowSensor, GardenFault.Leak, GardenFault.Vl6180XMissing, GardenFault.Mcp23008Nack,
            GardenFault.Mcp23008Brownout, GardenFault.Vl6180XReset, GardenFault.FlowOverRead, GardenFault.BurstPipe,
            GardenFault.PcntGlitch,
        };

        private readonly Random _random;
        private readonly List<string> _violations = new List<string>();
        private GardenBench _bench;
        private long _lateSince = -1;
        private long _openMilliseconds;
        private bool _runTooLongReported;

        private readonly Action<Garden, long> _extraFaults;

        private ChaosSoak(int seed, Action<Garden, long> extraFaults)
        {
            _random = new Random(seed);
            _extraFaults = extraFaults;
        }

        /// <summary>Simulated days run.</summary>
        public int Days { get; private set; }

        /// <summary>Faults injected.</summary>
        public int Faults { get; private set; }

        /// <summary>Every invariant violation, with its simulated time.</summary>
        public IReadOnlyList<string> Violations => _violations;

        /// <summary>Runs the soak and prints its summary line (and the first violations, if any).</summary>
        /// <param name="days">Simulated days.</param>
        /// <param name="seed">The random seed.</param>
        /// <param name="console">Where the result goes.</param>
        /// <returns>The number of invariant violations.</returns>
        public static int Run(int days, int seed, TextWriter console)
        {
            var wall = Stopwatch.StartNew();
            ChaosSoak soak = Soak(days, seed);
            for (int i = 0; i < soak.Violations.Count && i < ReportedViolations; i++)
            {
                console.WriteLine("# violation: " + soak.Violations[i]);
            }

            console.WriteLine($"# {soak.Days} simulated days in {wall.Elapsed.TotalSeconds:0.0} s (seed {seed})");
            console.WriteLine($"chaos: {soak.Days} days, {soak.Faults} faults injected, {soak.Violations.Count} invariant violations");
            return soak.Violations.Count;
        }

        /// <summary>Runs the soak.</summary>
        /// <param name="days">Simulated days.</param>
        /// <param name="seed">The random seed.</param>
        /// <param name="extraFaults">
        /// Called each faulty day with the garden and the day's start (simulated ms), to schedule more faults than the
        /// random ones: how the tests show that the invariants can fail. Null for the soak itself.
        /// </param>
        /// <returns>The finished soak.</returns>
        public static ChaosSoak Soak(int days, int seed, Action<Garden, long> extraFaults = null)
        {
            var soak = new ChaosSoak(seed, extraFaults);
            soak.RunDays(days);
            return soak;
        }

        private void RunDays(int days)
        {
            _bench = new GardenBench(null);
            using (_bench)
            {
                IrrigationController controller = _bench.Controller;
                object kept = new object[] { controller, _bench.Hardware, _bench.Settings, _bench.Clock };
                int passes = (int)(DayMilliseconds / (_bench.Settings.ScheduleIntervalMinutes * 60000L));
                int interval = _bench.Settings.ScheduleIntervalMinutes * 60000;
                ScheduleCheck();

                // Day 0 warms the firmware up (first-use paths) without faults; the heap baseline is taken after it.
                RunDay(controller, passes, interval, false);
                NanoHeapMeter.Begin(kept);
                for (int day = 1; day <= days; day++)
                {
                    RunDay(controller, passes, interval, true);
                    int retained = NanoHeapMeter.Retained(kept);
                    if (retained != 0)
                    {
                        Violation($"day {day}: the modelled heap is {retained} B above its baseline at the end of the day");
                    }

                    Days = day;
                }
            }
        }

        // One day: the tank refilled and the alarms cleared in the morning (the gardener's round), the day's faults
        // scheduled, then the firmware's loop of schedule passes.
        private void RunDay(IrrigationController controller, int passes, int interval, bool withFaults)
        {
            long dayStart = GardenBench.NowMilliseconds;
            _bench.Garden.TankLitres = _bench.Garden.TankCapacityLitres * 0.9;
            _bench.Garden.Refresh();
            controller.ClearAlarms();
            if (withFaults)
            {
                int count = 1 + _random.Next(MostFaultsPerDay);
                for (int i = 0; i < count; i++)
                {
                    GardenFault kind = Kinds[_random.Next(Kinds.Length)];
                    long at = dayStart + (long)(_random.NextDouble() * DayMilliseconds);
                    double logSpan = Math.Log(LongestFaultMilliseconds / (double)ShortestFaultMilliseconds);
                    long duration = (long)(ShortestFaultMilliseconds * Math.Exp(_random.NextDouble() * logSpan));
                    _bench.Garden.InjectFor(kind, at, duration);
                    Faults++;
                }

                _extraFaults?.Invoke(_bench.Garden, dayStart);
            }

            for (int pass = 0; pass < passes; pass++)
            {
                try
                {
                    controller.RunSchedulePass();
                    controller.WaitIdle(interval);
                }
                catch (Exception ex)
                {
                    Violation($"{Stamp()}: an exception escaped the firmware: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        private void ScheduleCheck()
        {
            Board.Clock.ScheduleAt(Board.Clock.NowTicks + (CheckMilliseconds * TimeSpan.TicksPerMillisecond), Check);
        }

        // Every simulated second: a valve open that no run owns must close within the grace once its bus answers, and
        // no valve stays open longer than a maximum run plus a minute.
        private void Check()
        {
            using (AllocationLedger.Platform())
            {
                long now = GardenBench.NowMilliseconds;
                ValveSupervisor valves = _bench.Controller.Valves;
                bool open = _bench.Garden.OpenValves != 0;
                if (open && !valves.OwnsValve)
                {
                    if (!_bench.Garden.ExpanderAnswering || _lateSince < 0)
                    {
                        _lateSince = now;
                    }
                    else if (now - _lateSince > ValveCloseGraceMilliseconds)
                    {
                        Violation($"{Stamp()}: a valve is still open {(now - _lateSince) / 1000} s after it should have closed, with its bus answering");
                        _lateSince = now;
                    }
                }
                else
                {
                    _lateSince = -1;
                }

                _openMilliseconds = open ? _openMilliseconds + CheckMilliseconds : (valves.OwnsValve ? _openMilliseconds : 0);
                long limit = (_bench.Settings.MaxRunMinutes + 1) * 60000L;
                if (_openMilliseconds > limit && !_runTooLongReported)
                {
                    Violation($"{Stamp()}: a run has delivered water for more than {_bench.Settings.MaxRunMinutes} + 1 minutes");
                    _runTooLongReported = true;
                }
                else if (_openMilliseconds == 0)
                {
                    _runTooLongReported = false;
                }

                ScheduleCheck();
            }
        }

        private void Violation(string text)
        {
            _violations.Add(text);
        }

        private static string Stamp()
        {
            long now = GardenBench.NowMilliseconds;
            return $"day {now / DayMilliseconds} {Program.Clock(now % DayMilliseconds)}";
        }
    }
}
