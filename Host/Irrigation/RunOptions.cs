using System;
using System.Globalization;
using System.Linq;
using Simulators.Garden;

namespace HostIrrigation
{
    /// <summary>The command line of the host run.</summary>
    public sealed class RunOptions
    {
        /// <summary>Default simulated seconds into the run before an injected fault strikes.</summary>
        public const int DefaultFaultAfterSeconds = 90;

        public const string Usage =
            "Runs the irrigation firmware (Samples.Irrigation) on the virtual ESP32 board with a simulated garden.\n" +
            "\n" +
            "  dotnet run --project Host/Irrigation -- [--zone N] [--minutes M] [--fault F] [--fault-after S]\n" +
            "  dotnet run --project Host/Irrigation -- --schedule H [--fault F] [--fault-after S]\n" +
            "\n" +
            "  --zone N         zone to water, 1..4 (default 1)\n" +
            "  --minutes M      minutes to water, 1..30 (the configuration's MaxRunMinutes; default 5)\n" +
            "  --schedule H     instead of one run, the firmware's schedule loop for H simulated hours (1..168)\n" +
            "  --fault F        inject a fault: dead-flow (the flow sensor stops giving pulses), leak (a burst pipe\n" +
            "                   after the flow sensor), vl6180x-missing (the tank sensor drops off the bus),\n" +
            "                   mcp23008-nack (the valve expander misses its next 3 transfers)\n" +
            "  --fault-after S  simulated seconds into the run before the fault strikes (default 90; 0 = present at start)\n" +
            "  --help           this text\n";

        public int Zone { get; private set; } = 1;

        public int Minutes { get; private set; } = 5;

        /// <summary>Hours of schedule loop, or 0 for a single watering run.</summary>
        public int ScheduleHours { get; private set; }

        public GardenFault Fault { get; private set; } = GardenFault.None;

        public int FaultAfterSeconds { get; private set; } = DefaultFaultAfterSeconds;

        public bool Help { get; private set; }

        /// <summary>Parses the arguments.</summary>
        /// <exception cref="ArgumentException">An unknown option or a bad value; the message says which.</exception>
        public static RunOptions Parse(string[] args)
        {
            var options = new RunOptions();
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
                        options.Zone = Number(args, ref i, name, 1, 8);
                        break;
                    case "--minutes":
                        options.Minutes = Number(args, ref i, name, 1, 120);
                        break;
                    case "--schedule":
                        options.ScheduleHours = Number(args, ref i, name, 1, 168);
                        break;
                    case "--fault-after":
                        options.FaultAfterSeconds = Number(args, ref i, name, 0, 7200);
                        break;
                    case "--fault":
                        options.Fault = FaultNamed(Value(args, ref i, name));
                        break;
                    default:
                        throw new ArgumentException($"Unknown option '{name}'. Try --help.");
                }
            }

            return options;
        }

        private static readonly (string Name, GardenFault Fault)[] FaultNames =
        {
            ("none", GardenFault.None),
            ("dead-flow", GardenFault.DeadFlowSensor),
            ("leak", GardenFault.Leak),
            ("vl6180x-missing", GardenFault.Vl6180XMissing),
            ("mcp23008-nack", GardenFault.Mcp23008Nack),
            ("burst", GardenFault.BurstPipe),
            ("flow-overread", GardenFault.FlowOverRead),
        };

        /// <summary>The command-line name of a fault.</summary>
        public static string NameOf(GardenFault fault) => FaultNames.First(f => f.Fault == fault).Name;

        private static GardenFault FaultNamed(string value) =>
            FaultNames.Any(f => f.Name == value)
                ? FaultNames.First(f => f.Name == value).Fault
                : throw new ArgumentException($"Unknown fault '{value}': use dead-flow, leak, vl6180x-missing or mcp23008-nack.");

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
                throw new ArgumentException($"{name} is '{text}'; allowed a whole number {min}..{max}.");
            }

            return value;
        }
    }
}
