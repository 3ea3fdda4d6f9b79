using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Samples.Irrigation;
using Simulators.Garden;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// The main job: the irrigation firmware on the virtual board with a simulated garden. Prints the firmware's log as
    /// the ESP32 would on its serial console, then the end-of-run memory summary.
    /// </summary>
    public static class Program
    {
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
                return 2;
            }

            if (options.Help)
            {
                Console.Write(RunOptions.Usage);
                return 0;
            }

            TextWriter console = Console.Out;
            var recorder = new LineRecorder(console);
            try
            {
                return Run(options, console, recorder);
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
            bool faultAtStart = options.Fault != GardenFault.None && options.FaultAfterSeconds == 0;
            if (options.Fault != GardenFault.None)
            {
                console.WriteLine(faultAtStart
                    ? $"# Fault: {RunOptions.NameOf(options.Fault)}, present at start."
                    : $"# Fault: {RunOptions.NameOf(options.Fault)}, {options.FaultAfterSeconds} simulated seconds into the run.");
            }

            console.WriteLine("# --- firmware log ---");
            Console.SetOut(recorder);
            var wall = Stopwatch.StartNew();
            GardenBench bench;
            try
            {
                bench = new GardenBench(new ConsoleLogSink(), null, faultAtStart ? options.Fault : GardenFault.None);
            }
            catch (ConfigurationException ex)
            {
                Console.SetOut(console);
                console.WriteLine(ex.Message);
                return 3;
            }

            using (bench)
            {
                if (options.Fault != GardenFault.None && !faultAtStart)
                {
                    bench.InjectFault(options.Fault, options.FaultAfterSeconds);
                }

                int linesBefore = recorder.Lines.Count;
                Board.I2cLog.Clear();
                long pulseCounterReadsBefore = Board.PulseCounterReads;
                long start = GardenBench.NowMilliseconds;
                try
                {
                    if (options.ScheduleHours > 0)
                    {
                        bench.RunSchedule(options.ScheduleHours * 60 / bench.Settings.ScheduleIntervalMinutes);
                    }
                    else
                    {
                        bench.Controller.Water(options.Zone, options.Minutes);
                    }
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    Console.SetOut(console);
                    console.WriteLine(ex.Message);
                    return 2;
                }

                long simulated = GardenBench.NowMilliseconds - start;
                Console.SetOut(console);
                var transfers = Board.I2cLog.Entries;
                var lines = recorder.Lines.Skip(linesBefore).ToList();
                console.WriteLine($"# --- end of firmware log: {Clock(simulated)} simulated in {wall.Elapsed.TotalSeconds:0.0} s ---");
                WriteGarden(console, bench);
                MemoryReport.Measure(bench.Controller, bench.Hardware, transfers, simulated, lines, Board.PulseCounterReads - pulseCounterReadsBefore).Write(console);
                console.WriteLine($"Alarms: {bench.Controller.ActiveAlarms}; valve outputs on the MCP23008 (OLAT): 0x{bench.Garden.Expander.Peek(Simulators.Mcp23008Simulator.OLAT):X2}");
            }

            return 0;
        }

        private static void WriteGarden(TextWriter console, GardenBench bench)
        {
            Garden garden = bench.Garden;
            string beds = string.Join(", ", garden.Zones.Select((z, i) => $"zone {i + 1} {z.MoisturePercent:0.0} %"));
            console.WriteLine($"Garden now (simulation truth): {beds}; tank {garden.TankLitres:0.0} L; " +
                $"{garden.LineLitres:0.0} L through the main line; {garden.Lux:0} lx at {Clock((long)(garden.HourOfDay * 3600000))}");
        }

        private static string Clock(long milliseconds)
        {
            TimeSpan t = TimeSpan.FromMilliseconds(milliseconds);
            return $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}";
        }
    }
}
