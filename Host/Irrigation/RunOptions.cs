using System;
using System.Globalization;
using System.Linq;
using Samples.Irrigation;
using Simulators.Garden;

namespace HostIrrigation
{
    /// <summary>
    /// The command line of the host run. The ranges come from the firmware's configuration (<see cref="IrrigationSettings"/>
    /// defaults: the bench), so the help text and the validation say the same thing.
    /// </summary>
    public sealed class RunOptions
    {
        /// <summary>Default simulated seconds into the run before an injected fault strikes.</summary>
        public const int DefaultFaultAfterSeconds = 90;

        /// <summary>Longest schedule, in simulated hours (a week).</summary>
        public const int MaximumScheduleHours = 168;

        /// <summary>Longest fault duration, in simulated seconds (a day).</summary>
        public const int MaximumFaultSeconds = 86400;

        /// <summary>Most simulated days of a chaos soak.</summary>
        public const int MaximumChaosDays = 100000;

        private static readonly IrrigationSettings Bench = new IrrigationSettings();

        private static readonly (string Name, GardenFault Fault, string Help)[] FaultNames =
        {
            ("none", GardenFault.None, "no fault"),
            ("dead-flow", GardenFault.DeadFlowSensor, "the flow sensor stops giving pulses; water still flows"),
            ("leak", GardenFault.Leak, "a leak after the flow sensor: 3 L/min whatever the valves do"),
            ("vl6180x-missing", GardenFault.Vl6180XMissing, "the tank sensor drops off the bus"),
            ("mcp23008-nack", GardenFault.Mcp23008Nack, "the valve expander misses its next 3 transfers (with --fault-for: every transfer for S s)"),
            ("mcp23008-brownout", GardenFault.Mcp23008Brownout, "the valve expander browns out: every register back to power-on (all inputs)"),
            ("vl6180x-reset", GardenFault.Vl6180XReset, "the tank sensor is reset by a power glitch"),
            ("flow-overread", GardenFault.FlowOverRead, "the flow sensor reports 10x the true flow"),
            ("burst", GardenFault.BurstPipe, "a burst pipe after the valve: the open line draws 12 L/min more (24 instead of 12 in zone 1)"),
            ("pcnt-glitch", GardenFault.PcntGlitch, "one pulse-counter read is off by +32767 (the ESP32 read race)"),
        };

        /// <summary>The help text, with the configured ranges.</summary>
        public static string Usage =>
            "Runs the irrigation firmware (Samples.Irrigation) on the virtual ESP32 board with a simulated garden.\n" +
            "\n" +
            "  dotnet run --project Host/Irrigation -- [--zone N] [--minutes M] [--fault F [--fault-after S] [--fault-for S]]\n" +
            "  dotnet run --project Host/Irrigation -- --schedule H [--fault F [--fault-after S] [--fault-for S]]\n" +
            "  dotnet run --project Host/Irrigation -- --chaos N [--seed S]\n" +
            "\n" +
            $"  --zone N         zone to water, 1..{Bench.Zones.Length} (the configured zones; default 1)\n" +
            $"  --minutes M      minutes to water, 1..{Bench.MaxRunMinutes} (MaxRunMinutes; default 5)\n" +
            $"  --schedule H     instead of one run, the firmware's schedule loop for H simulated hours (1..{MaximumScheduleHours})\n" +
            "  --fault F        inject a fault:\n" +
            string.Concat(FaultNames.Skip(1).Select(f => $"                     {f.Name,-18} {f.Help}\n")) +
            "  --fault-after S  simulated seconds into the run before the fault strikes (default 90; 0 = present at start);\n" +
            "                   not beyond the run\n" +
            $"  --fault-for S    the fault clears after S simulated seconds (1..{MaximumFaultSeconds}; default: it stays)\n" +
            $"  --chaos N        soak: N simulated days of the schedule with random overlapping faults of every kind (1..{MaximumChaosDays})\n" +
            "  --seed S         seed of the chaos soak (default 1): the same seed gives the same run\n" +
            "  --help           this text\n" +
            "\n" +
            "Exit codes: 0 watered, no alarm; 1 an alarm was raised and every valve is confirmed closed; 2 usage error;\n" +
            "3 a valve could not be confirmed closed (chaos: an invariant was violated).\n";

        public int Zone { get; private set; } = 1;

        public int Minutes { get; private set; } = 5;

        /// <summary>Hours of schedule loop, or 0 for a single watering run.</summary>
        public int ScheduleHours { get; private set; }

        public GardenFault Fault { get; private set; } = GardenFault.None;

        public int FaultAfterSeconds { get; private set; } = DefaultFaultAfterSeconds;

        /// <summary>Seconds the fault lasts, or 0 when it stays.</summary>
        public int FaultForSeconds { get; private set; }

        /// <summary>Days of chaos soak, or 0.</summary>
        public int ChaosDays { get; private set; }

        public int Seed { get; private set; } = 1;

        public bool Help { get; private set; }

        /// <summary>Simulated seconds the run (or the schedule) lasts: the limit of --fault-after.</summary>
        public long RunSeconds => ScheduleHours > 0 ? ScheduleHours * 3600L : Minutes * 60L;

        /// <summary>Parses and checks the arguments.</summary>
        /// <exception cref="ArgumentException">An unknown option, a bad value or options that do not go together; the message says which.</exception>
        public static RunOptions Parse(string[] args)
        {
            var options = new RunOptions();
            bool faultAfterGiven = false, faultForGiven = false, seedGiven = false, runGiven = false;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "--help":
                    case "-h":
                        options.Help = true;
                        break;
                    case "--zone":
                        options.Zone = Number(args, ref i, name, 1, Bench.Zones.Length);
                        runGiven = true;
                        break;
                    case "--minutes":
                        options.Minutes = Number(args, ref i, name, 1, Bench.MaxRunMinutes);
                        runGiven = true;
                        break;
                    case "--schedule":
                        options.ScheduleHours = Number(args, ref i, name, 1, MaximumScheduleHours);
                        break;
                    case "--fault-after":
                        options.FaultAfterSeconds = Number(args, ref i, name, 0, int.MaxValue);
                        faultAfterGiven = true;
                        break;
                    case "--fault-for":
                        options.FaultForSeconds = Number(args, ref i, name, 1, MaximumFaultSeconds);
                        faultForGiven = true;
                        break;
                    case "--fault":
                        options.Fault = FaultNamed(Value(args, ref i, name));
                        break;
                    case "--chaos":
                        options.ChaosDays = Number(args, ref i, name, 1, MaximumChaosDays);
                        break;
                    case "--seed":
                        options.Seed = Number(args, ref i, name, 0, int.MaxValue);
                        seedGiven = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option '{name}'. Try --help.");
                }
            }

            if (options.Help)
            {
                return options;
            }

            if (options.ChaosDays > 0 && (runGiven || options.ScheduleHours > 0 || options.Fault != GardenFault.None || faultAfterGiven || faultForGiven))
            {
                throw new ArgumentException("--chaos injects its own faults and runs the schedule: use it with --seed only.");
            }

            if (seedGiven && options.ChaosDays == 0)
            {
                throw new ArgumentException("--seed goes with --chaos.");
            }

            if (options.ScheduleHours > 0 && runGiven)
            {
                throw new ArgumentException("--schedule runs the schedule: --zone and --minutes are for a single run.");
            }

            if ((faultAfterGiven || faultForGiven) && options.Fault == GardenFault.None)
            {
                throw new ArgumentException($"{(faultAfterGiven ? "--fault-after" : "--fault-for")} needs a --fault.");
            }

            if (options.FaultAfterSeconds > options.RunSeconds)
            {
                throw new ArgumentException(
                    $"--fault-after is {options.FaultAfterSeconds} s, beyond the run ({options.RunSeconds} s); allowed 0..{options.RunSeconds}.");
            }

            return options;
        }

        /// <summary>The command-line name of a fault.</summary>
        public static string NameOf(GardenFault fault) => FaultNames.First(f => f.Fault == fault).Name;

        private static GardenFault FaultNamed(string value) =>
            FaultNames.Any(f => f.Name == value)
                ? FaultNames.First(f => f.Name == value).Fault
                : throw new ArgumentException($"Unknown fault '{value}': use {string.Join(", ", FaultNames.Skip(1).Select(f => f.Name))}.");

        private static string Value(string[] args, ref int i, string name)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value. Try --help.");
            }

            return args[++i];
        }

        private static int Number(string[] args, ref int i, string name, int min, int max)
        {
            string text = Value(args, ref i, name);
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ArgumentException(max == int.MaxValue
                    ? $"{name} is '{text}'; allowed a whole number {min} or more."
                    : $"{name} is '{text}'; allowed a whole number {min}..{max}.");
            }

            return value;
        }
    }
}
