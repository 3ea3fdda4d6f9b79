namespace Samples.Irrigation
{
    public sealed partial class IrrigationController
    {
        private void LogTankLow()
        {
            if (_line.Enabled)
            {
                _line.Append("Tank ").Append(_tank.Litres).Append(" L (").Append(_tank.Percent).Append("%) below ")
                    .Append(_settings.MinimumReservoirPercent).Append("%: no watering").Emit();
            }
        }

        private void LogRunStart(int zoneIndex, int plannedMinutes, bool untilWet)
        {
            if (!_line.Enabled)
            {
                return;
            }

            _line.Append("Watering zone ").Append(zoneIndex + 1);
            if (untilWet)
            {
                _line.Append(" until ").Append(_settings.Zones[zoneIndex].WetTargetPercent).Append("%, at most ");
            }
            else
            {
                _line.Append(" for ");
            }

            _line.Append(plannedMinutes).Append(plannedMinutes == 1 ? " minute" : " minutes").Emit();
        }

        private void LogMinute(int minute, double litresThisMinute)
        {
            if (!_line.Enabled)
            {
                return;
            }

            AppendPercentList(_line.Append("Minute ").Append(minute).Append(": moisture"), _summary.FinalMoisturePercent)
                .Append(" | flow ").AppendFixed(litresThisMinute, 1).Append(" L/min | tank ").Append(_tank.Litres).Append(" L (")
                .Append(_tank.Percent).Append("%)").Emit();
        }

        private LogLine AppendPercentList(LogLine line, int[] percent)
        {
            for (int i = 0; i < percent.Length; i++)
            {
                line.AppendChar(' ').Append(percent[i]).AppendChar('%');
            }

            return line;
        }

        private LogLine AppendOutcome(RunOutcome outcome)
        {
            switch (outcome)
            {
                case RunOutcome.Completed:
                    return _line.Append("completed");
                case RunOutcome.TargetReached:
                    return _line.Append("wet target reached");
                case RunOutcome.MaxDuration:
                    return _line.Append("maximum run time reached");
                case RunOutcome.NoFlow:
                    return _line.Append("stopped: no flow");
                case RunOutcome.ReservoirLow:
                    return _line.Append("stopped: tank low");
                case RunOutcome.FlowOutOfRange:
                    return _line.Append("stopped: flow out of range");
                default:
                    return _line.Append("stopped: fault");
            }
        }

        private static LogLine AppendAlarms(LogLine line, Alarm alarms)
        {
            for (int bit = (int)Alarm.NoFlow; bit <= (int)Alarm.FlowImplausible; bit <<= 1)
            {
                if (((int)alarms & bit) != 0)
                {
                    line.AppendChar(' ').Append(AlarmName((Alarm)bit));
                }
            }

            return line;
        }

        private static string AlarmName(Alarm alarm)
        {
            switch (alarm)
            {
                case Alarm.NoFlow:
                    return "no-flow";
                case Alarm.Leak:
                    return "leak";
                case Alarm.TankSensorFault:
                    return "tank-sensor";
                case Alarm.ValveDriverFault:
                    return "valve-driver";
                case Alarm.ValveCloseFailed:
                    return "valve-close-failed";
                case Alarm.ProbeFault:
                    return "probe";
                case Alarm.FlowSensorFault:
                    return "flow-sensor";
                case Alarm.BurstPipe:
                    return "burst-pipe";
                case Alarm.BlockedLine:
                    return "blocked-line";
                case Alarm.FlowImplausible:
                    return "flow-implausible";
                default:
                    return "light-sensor";
            }
        }
    }
}
