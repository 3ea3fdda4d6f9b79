using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Samples.Irrigation;
using Simulators;
using Simulators.Garden;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// The main job: the irrigation firmware on the virtual board with a simulated garden. Prints the firmware's log as
    /// the ESP32 would on its serial console, then the end-of-run memory summary, and ends with the valves' state.
    /// Exit codes: <see cref="Watered"/>, <see cref="AlarmRaised"/>, <see cref="UsageError"/>, <see cref="ValveNotClosed"/>.
    /// </summary>
    public static class Program
    {
        /// <summary>Watered (or nothing to water), no alarm.</summary>
        public const int Watered = 0;

        /// <summary>An alarm was raised and every valve is confirmed closed.</summary>
        public const int AlarmRaised = 1;

        /// <summary>A bad option: the message says which.</summary>
        public const int UsageError = 2;

        /// <summary>A valve could not be confirmed closed (or the chaos soak found an invariant violated).</summary>
        public const int ValveNotClosed = 3;

        // How long the firmware may keep retrying a close after the run before the host reports it unconfirmed.
        private const long RetryWindowAfterRunMilliseconds = 600000;

        public static int Main(string[] args)
        {
            RunOptions options;
            try
            {
                options = RunOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return UsageError;
            }

            if (options.Help)
            {
                Console.Write(RunOptions.Usage);
                return Watered;
            }

            TextWriter console = Console.Out;
            try
            {
                if (options.ChaosDays > 0)
                {
                    return ChaosSoak.Run(options.ChaosDays, options.Seed, console) == 0 ? Watered : ValveNotClosed;
                }

                var recorder = new LineRecorder(console);
                return Run(options, console, recorder);
            }
            catch (Exception ex)
            {
                // Never a stack trace: the host itself failed, so nothing is known about the valves.
                Console.SetOut(console);
                console.WriteLine($"# host run failed: {ex.GetType().Name}: {ex.Message}");
                console.WriteLine("Valves: NOT confirmed closed (OLAT unknown)");
                return ValveNotClosed;
            }
            finally
            {
                Console.SetOut(console);
            }
        }

        private static int Run(RunOptions options, TextWriter console, LineRecorder recorder)
        {
            console.WriteLine("# Virtual ESP32 bench: MCP23008 (valves) at 0x20 and VL6180X (tank, light) at 0x29 on I2C1 (GPIO21/22),");
            console.WriteLine("# YF-S201 flow sensor on GPIO4, soil probes on ADC1 channels 0, 3, 6, 7 (GPIO36, 39, 34, 35); simulated garden from 07:00, time compressed.");
            bool hasFault = options.Fault != GardenFault.None;
            bool faultAtStart = hasFault && options.FaultAfterSeconds == 0;
            if (hasFault)
            {
                string lasting = options.FaultForSeconds > 0 ? $", cleared {options.FaultForSeconds} simulated seconds later" : string.Empty;
                console.WriteLine(faultAtStart
                    ? $"# Fault: {RunOptions.NameOf(options.Fault)}, present at start{lasting}."
                    : $"# Fault: {RunOptions.NameOf(options.Fault)}, {options.FaultAfterSeconds} simulated seconds into the run{lasting}.");
            }

            console.WriteLine("# --- firmware log ---");
            Console.SetOut(recorder);
            var wall = Stopwatch.StartNew();
            Action<Garden> atStart = null;
            if (faultAtStart)
            {
                atStart = garden =>
                {
                    if (options.FaultForSeconds > 0)
                    {
                        garden.InjectFor(options.Fault, 0, options.FaultForSeconds * 1000L);
                    }
                    else
                    {
                        garden.Inject(options.Fault);
                    }
                };
            }

            long startGiveUp = Math.Max(GardenBench.DefaultStartGiveUpMilliseconds, (options.FaultForSeconds + 600) * 1000L);
            using var bench = new GardenBench(new ConsoleLogSink(), null, GardenFault.None, atStart, startGiveUp);
            if (bench.Controller == null)
            {
                Console.SetOut(console);
                console.WriteLine($"# --- end of firmware log: start-up still failing after {Clock(GardenBench.NowMilliseconds)} simulated; the firmware keeps trying ---");
                WriteValves(console, bench, false);
                return ValveNotClosed;
            }

            if (hasFault && !faultAtStart)
            {
                if (options.FaultForSeconds > 0)
                {
                    bench.Garden.InjectFor(options.Fault, GardenBench.NowMilliseconds + (options.FaultAfterSeconds * 1000L), options.FaultForSeconds * 1000L);
                }
                else
                {
                    bench.InjectFault(options.Fault, options.FaultAfterSeconds);
                }
            }

            int linesBefore = recorder.Lines.Count;
            Board.I2cLog.Clear();
            long pulseCounterReadsBefore = Board.PulseCounterReads;
            long start = GardenBench.NowMilliseconds;
            if (options.ScheduleHours > 0)
            {
                bench.RunSchedule(options.ScheduleHours * 60 / bench.Settings.ScheduleIntervalMinutes);
            }
            else
            {
                bench.Controller.Water(options.Zone, options.Minutes);
            }

            long simulated = GardenBench.NowMilliseconds - start;
            var transfers = Board.I2cLog.Entries;
            bool confirmed = bench.Controller.Valves.ConfirmedClosed
                || bench.IdleUntilValvesConfirmed(RetryWindowAfterRunMilliseconds);
            Console.SetOut(console);
            var lines = recorder.Lines.Skip(linesBefore).ToList();
            console.WriteLine($"# --- end of firmware log: {Clock(simulated)} simulated in {wall.Elapsed.TotalSeconds:0.0} s ---");
            WriteGarden(console, bench);
            MemoryReport.Measure(bench.Controller, bench.Hardware, transfers, simulated, lines, Board.PulseCounterReads - pulseCounterReadsBefore).Write(console);
            console.WriteLine($"Alarms: {bench.Controller.ActiveAlarms}; valve outputs on the MCP23008 (OLAT): 0x{bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT):X2}");
            bool closed = WriteValves(console, bench, confirmed);
            if (!closed)
            {
                return ValveNotClosed;
            }

            return bench.Controller.ActiveAlarms == Alarm.None ? Watered : AlarmRaised;
        }

        // The last line: closed only if the firmware confirmed it and the chip really drives no valve.
        private static bool WriteValves(TextWriter console, GardenBench bench, bool confirmed)
        {
            int olat = bench.Garden.Expander.Peek(Mcp23008Simulator.OLAT);
            bool closed = confirmed && bench.Garden.OpenValves == 0;
            console.WriteLine(closed ? $"Valves: all closed (OLAT 0x{olat:X2})" : $"Valves: NOT confirmed closed (OLAT 0x{olat:X2})");
            return closed;
        }

        private static void WriteGarden(TextWriter console, GardenBench bench)
        {
            Garden garden = bench.Garden;
            string beds = string.Join(", ", garden.Zones.Select((z, i) => $"zone {i + 1} {z.MoisturePercent:0.0} %"));
            console.WriteLine($"Garden now (simulation truth): {beds}; tank {garden.TankLitres:0.0} L; " +
                $"{garden.LineLitres:0.0} L through the main line; {garden.Lux:0} lx at {Clock((long)(garden.HourOfDay * 3600000))}");
        }

        internal static string Clock(long milliseconds)
        {
            TimeSpan t = TimeSpan.FromMilliseconds(milliseconds);
            return $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}";
        }
    }
}
