namespace Samples.Irrigation
{
    /// <summary>
    /// The result of the last watering run. One instance, reused by every run, so a run allocates nothing for its
    /// result.
    /// </summary>
    public sealed class RunSummary
    {
        internal RunSummary(int zoneCount)
        {
            InitialMoisturePercent = new int[zoneCount];
            FinalMoisturePercent = new int[zoneCount];
        }

        /// <summary>The zone watered, 1..8.</summary>
        public int Zone { get; internal set; }

        /// <summary>The run's planned length, in minutes.</summary>
        public int PlannedMinutes { get; internal set; }

        /// <summary>Time from opening to closing the valve, in ms.</summary>
        public long OpenMilliseconds { get; internal set; }

        /// <summary>Per-minute lines printed.</summary>
        public int MinutesLogged { get; internal set; }

        /// <summary>Litres through the flow meter from opening the valve until the line settled after closing it.</summary>
        public double Litres { get; internal set; }

        /// <summary>How the run ended.</summary>
        public RunOutcome Outcome { get; internal set; }

        /// <summary>Alarms raised during the run (and the leak check after it).</summary>
        public Alarm Alarms { get; internal set; }

        /// <summary>Whether the valves were confirmed closed (read back from the expander) at the end.</summary>
        public bool ValvesClosed { get; internal set; }

        /// <summary>Each zone's moisture before the valve opened, in % (index = zone − 1).</summary>
        public int[] InitialMoisturePercent { get; }

        /// <summary>Each zone's moisture after the run, in % (index = zone − 1).</summary>
        public int[] FinalMoisturePercent { get; }

        internal void Begin(int zone, int plannedMinutes)
        {
            Zone = zone;
            PlannedMinutes = plannedMinutes;
            OpenMilliseconds = 0;
            MinutesLogged = 0;
            Litres = 0;
            Outcome = RunOutcome.Completed;
            Alarms = Alarm.None;
            ValvesClosed = false;
        }
    }
}
