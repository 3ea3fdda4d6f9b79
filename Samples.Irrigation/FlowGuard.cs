namespace Samples.Irrigation
{
    /// <summary>
    /// Watches the flow of an open zone against the zone's expected range
    /// (<see cref="ZoneSettings.ExpectedMinimumLitresPerMinute"/> .. <see cref="ZoneSettings.ExpectedMaximumLitresPerMinute"/>).
    /// Once the line has settled after the valve opened, <see cref="OutOfRangeChecks"/> checks in a row above the range
    /// mean a burst pipe after the valve; as many in a row below it, with water still flowing, mean a blocked line (no
    /// flow at all is the controller's no-flow rule). Allocates nothing.
    /// </summary>
    public sealed class FlowGuard
    {
        /// <summary>Consecutive flow checks outside the zone's range that stop the run (one check every 5 s).</summary>
        public const int OutOfRangeChecks = 2;

        private readonly IrrigationSettings _settings;
        private readonly LogLine _line;
        private readonly long _settleMilliseconds;
        private int _highChecks;
        private int _lowChecks;

        /// <summary>Creates the guard.</summary>
        /// <param name="settings">Validated settings: the zones' expected flow, the minimum flow and the valve settle time.</param>
        /// <param name="line">Where the alarm line goes.</param>
        public FlowGuard(IrrigationSettings settings, LogLine line)
        {
            _settings = settings;
            _line = line;
            _settleMilliseconds = (long)settings.ValveSettleSeconds * 1000;
        }

        /// <summary>
        /// Judges one flow check of an open zone. Checks until the valve settle time has passed start the count afresh
        /// (the line fills, the flow is not steady yet).
        /// </summary>
        /// <param name="zoneIndex">The open zone, 0-based.</param>
        /// <param name="litresPerMinute">The flow over the last check window.</param>
        /// <param name="millisecondsOpen">Time since the valve opened.</param>
        /// <returns><see cref="Alarm.BurstPipe"/> or <see cref="Alarm.BlockedLine"/> when the run must stop (the alarm line is logged); otherwise <see cref="Alarm.None"/>.</returns>
        public Alarm Check(int zoneIndex, double litresPerMinute, long millisecondsOpen)
        {
            ZoneSettings zone = _settings.Zones[zoneIndex];
            if (millisecondsOpen <= _settleMilliseconds)
            {
                _highChecks = 0;
                _lowChecks = 0;
                return Alarm.None;
            }

            if (double.IsNaN(litresPerMinute))
            {
                // Not a reading (WaterFlow rejects NaN before it gets here); nanoCLR would let it pass the comparisons below.
                return Alarm.None;
            }

            if (litresPerMinute > zone.ExpectedMaximumLitresPerMinute)
            {
                _highChecks++;
                _lowChecks = 0;
            }
            else if (litresPerMinute < zone.ExpectedMinimumLitresPerMinute && litresPerMinute >= _settings.MinimumFlowLitresPerMinute)
            {
                _lowChecks++;
                _highChecks = 0;
            }
            else
            {
                _highChecks = 0;
                _lowChecks = 0;
                return Alarm.None;
            }

            if (_highChecks >= OutOfRangeChecks)
            {
                Log("ALARM burst-pipe: zone ", zoneIndex, litresPerMinute, " L/min, above its expected ", zone.ExpectedMaximumLitresPerMinute, " L/min (burst pipe after the valve); run stopped");
                return Alarm.BurstPipe;
            }

            if (_lowChecks >= OutOfRangeChecks)
            {
                Log("ALARM blocked-line: zone ", zoneIndex, litresPerMinute, " L/min, below its expected ", zone.ExpectedMinimumLitresPerMinute, " L/min (blocked filter, pipe or emitters); run stopped");
                return Alarm.BlockedLine;
            }

            return Alarm.None;
        }

        private void Log(string start, int zoneIndex, double litresPerMinute, string middle, double limit, string end)
        {
            if (_line.Enabled)
            {
                _line.Append(start).Append(zoneIndex + 1).Append(" draws ").AppendFixed(litresPerMinute, 1).Append(middle).AppendFixed(limit, 1).Append(end).Emit();
            }
        }
    }
}
