using System;
using Samples.Irrigation;
using Simulators.Garden;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// A freshly reset virtual board with the simulated garden on the bench wiring, and the firmware's hardware and
    /// controller built on it exactly as <c>Program.Main</c> builds them on the ESP32 (<see cref="IrrigationFirmware"/>:
    /// start-up tries with backoff, then the schedule loop).
    /// </summary>
    public sealed class GardenBench : IDisposable
    {
        private readonly ILogSink _log;

        /// <summary>Resets the board, plants the garden and starts the firmware's hardware and controller.</summary>
        /// <param name="log">Where the firmware's log lines go (null: logging off).</param>
        /// <param name="settings">The firmware configuration; null for the firmware's default (the bench).</param>
        /// <param name="faultBeforeStart">A fault already present when the firmware starts.</param>
        /// <param name="beforeStart">Called with the garden before the firmware starts (to schedule faults); may be null.</param>
        /// <param name="startGiveUpMilliseconds">
        /// How long the firmware's start-up may keep retrying, in simulated ms (the device never gives up; the host must
        /// end). If it gives up, <see cref="Hardware"/> and <see cref="Controller"/> are null.
        /// </param>
        /// <exception cref="ConfigurationException">A setting is out of range.</exception>
        public GardenBench(ILogSink log, IrrigationSettings settings = null, GardenFault faultBeforeStart = GardenFault.None,
            Action<Garden> beforeStart = null, long startGiveUpMilliseconds = DefaultStartGiveUpMilliseconds)
        {
            Board.Reset();
            _log = log;
            Garden = new Garden();
            if (faultBeforeStart != GardenFault.None)
            {
                Garden.Inject(faultBeforeStart);
            }

            beforeStart?.Invoke(Garden);
            Settings = settings ?? new IrrigationSettings();
            Settings.Validate();
            Clock = new Clock { TimeOfDayAtBootMilliseconds = (long)(Garden.StartHour * 3600000) };
            Hardware = IrrigationFirmware.OpenHardware(Settings, Clock, log, startGiveUpMilliseconds);
            if (Hardware != null)
            {
                Controller = new IrrigationController(Settings, Hardware, Clock, log);
            }
        }

        /// <summary>How long the host lets the firmware's start-up retry by default: one simulated hour.</summary>
        public const long DefaultStartGiveUpMilliseconds = 3600000;

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

        /// <summary>
        /// Sets the garden's time of day at the board's reset, and the firmware clock's with it (as a real-time clock
        /// would), so the log's times match the garden's.
        /// </summary>
        /// <param name="hour">Hour of day at simulated time 0.</param>
        public void StartAt(double hour)
        {
            Garden.StartHour = hour;
            Clock.TimeOfDayAtBootMilliseconds = (long)(hour * 3600000);
            Garden.Refresh();
        }

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

        /// <summary>The schedule loop of <c>Program.Main</c> (<see cref="IrrigationFirmware.Run"/>) for a number of passes.</summary>
        /// <param name="passes">Schedule passes, each followed by the configured interval.</param>
        public void RunSchedule(int passes)
        {
            int interval = Settings.ScheduleIntervalMinutes * 60000;
            for (int i = 0; i < passes; i++)
            {
                IrrigationFirmware.RunSchedulePass(Controller, _log);
                Controller.WaitIdle(interval);
            }
        }

        /// <summary>
        /// What the firmware does after a run while a valve close is not confirmed: it waits for the next pass, retrying
        /// with backoff. Waits until the close is confirmed or the simulated time is up.
        /// </summary>
        /// <param name="maximumMilliseconds">The longest wait, in simulated ms.</param>
        /// <returns>True if every valve is confirmed closed.</returns>
        public bool IdleUntilValvesConfirmed(long maximumMilliseconds)
        {
            long end = NowMilliseconds + maximumMilliseconds;
            while (!Controller.Valves.ConfirmedClosed && NowMilliseconds < end)
            {
                Controller.WaitIdle(1000);
            }

            return Controller.Valves.ConfirmedClosed;
        }

        /// <summary>Lets pending GPIO events finish.</summary>
        public void Dispose()
        {
            Board.Events.WaitUntilIdle();
        }
    }
}
