namespace Samples.Irrigation
{
    /// <summary>How a watering run ended. The valve is closed after every one of them.</summary>
    public enum RunOutcome
    {
        /// <summary>The run lasted the minutes asked for.</summary>
        Completed,

        /// <summary>A scheduled run stopped because the zone reached its wet target.</summary>
        TargetReached,

        /// <summary>The run hit the maximum run duration.</summary>
        MaxDuration,

        /// <summary>No flow with the valve open: stopped with <see cref="Alarm.NoFlow"/>.</summary>
        NoFlow,

        /// <summary>The tank fell below the minimum level during the run.</summary>
        ReservoirLow,

        /// <summary>A sensor or the valve expander failed: stopped with the matching alarm.</summary>
        Fault,

        /// <summary>The open zone's flow stayed outside its expected range: stopped with <see cref="Alarm.BurstPipe"/> or <see cref="Alarm.BlockedLine"/>.</summary>
        FlowOutOfRange,
    }
}
