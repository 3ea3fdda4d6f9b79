using System;
using Samples.Irrigation;
using Simulators.Garden;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// A freshly reset virtual board with the simulated garden on the bench wiring, and the firmware's hardware and
    /// controller built on it exactly as <c>Program.Main</c> builds them on the ESP32.
    /// </summary>
    public sealed class GardenBench : IDisposable
    {
        /// <summary>Resets the board, plants the garden and starts the firmware's hardware and controller.</summary>
        /// <param name="log">Where the firmware's log lines go (null: logging off).</param>
        /// <param name="settings">The firmware configuration; null for the firmware's default (the bench).</param>
        /// <param name="faultBeforeStart">A fault already present when the firmware starts.</param>
        /// <exception cref="ConfigurationException">A setting is out of range.</exception>
        public GardenBench(ILogSink log, IrrigationSettings settings = null, GardenFault faultBeforeStart = GardenFault.None)
        {
            Board.Reset();
            Garden = new Garden();
            if (faultBeforeStart != GardenFault.None)
            {
                Garden.Inject(faultBeforeStart);
            }

            Settings = settings ?? new IrrigationSettings();
            Settings.Validate();
            Hardware = IrrigationHardware.Open(Settings, log);
            Clock = new Clock();
            Controller = new IrrigationController(Settings, Hardware, Clock, log);
        }

        /// <summary>The simulated garden and its chips.</summary>
        public Garden Garden { get; }

        /// <summary>The firmware configuration.</summary>
        public IrrigationSettings Settings { get; }

        /// <summary>The firmware's hardware (drivers and thin classes).</summary>
        public IrrigationHardware Hardware { get; }

        /// <summary>The firmware's clock (simulated time on the host).</summary>
        public Clock Clock { get; }

        /// <summary>The firmware's controller.</summary>
        public IrrigationController Controller { get; }

        /// <summary>Simulated time since the board's reset, in ms.</summary>
        public static long NowMilliseconds => Board.Clock.NowMilliseconds;

        /// <summary>Injects a fault a number of simulated seconds from now (0: now).</summary>
        /// <param name="fault">The fault.</param>
        /// <param name="afterSeconds">Delay in simulated seconds.</param>
        public void InjectFault(GardenFault fault, int afterSeconds)
        {
            if (afterSeconds <= 0)
            {
                Garden.Inject(fault);
            }
            else
            {
                Garden.InjectAt(fault, NowMilliseconds + (afterSeconds * 1000L));
            }
        }

        /// <summary>The schedule loop of <c>Program.Main</c> for a number of passes.</summary>
        /// <param name="passes">Schedule passes, each followed by the configured interval.</param>
        public void RunSchedule(int passes)
        {
            int interval = Settings.ScheduleIntervalMinutes * 60000;
            for (int i = 0; i < passes; i++)
            {
                Controller.RunSchedulePass();
                Controller.WaitIdle(interval);
            }
        }

        /// <summary>Lets pending GPIO events finish.</summary>
        public void Dispose()
        {
            Board.Events.WaitUntilIdle();
        }
    }
}
