using System;

namespace Samples.Irrigation
{
    public sealed partial class IrrigationController
    {
        private RunOutcome Run(int zoneIndex, int plannedMinutes, bool untilWet)
        {
            RunSummary summary = _summary;
            summary.Begin(zoneIndex + 1, plannedMinutes);
            LogRunStart(zoneIndex, plannedMinutes, untilWet);

            _opened = false;
            _openedAt = _clock.NowMilliseconds;
            _startLitres = 0;
            RunOutcome outcome;
            try
            {
                _part = Part.Probes;
                ReadMoisture(summary.InitialMoisturePercent);
                _part = Part.Tank;
                MeasureTank();
                if (_tank.Percent < _settings.MinimumReservoirPercent)
                {
                    outcome = RunOutcome.ReservoirLow;
                    LogTankLow();
                }
                else
                {
                    outcome = OpenAndWatch(zoneIndex, plannedMinutes, untilWet);
                }
            }
            catch (Exception ex)
            {
                outcome = RunOutcome.Fault;
                Alarm alarm = AlarmFor(_part, ex);
                Raise(alarm);
                if (_line.Enabled)
                {
                    AppendAlarms(_line.Append("ALARM"), alarm).Append(": ").AppendClause(ex.Message).Append(_opened ? "; run stopped" : "; run not started").Emit();
                }
            }
            finally
            {
                summary.ValvesClosed = CloseValves();
                summary.OpenMilliseconds = _opened ? _clock.NowMilliseconds - _openedAt : 0;
            }

            summary.Outcome = outcome;
            Finish(zoneIndex);
            return outcome;
        }

        // Opens the zone's valve and watches the run: the flow every FlowCheckMilliseconds, moisture, tank and the valve
        // output every minute. Returns how the run ended; a failing part throws (Run closes the valve either way).
        private RunOutcome OpenAndWatch(int zoneIndex, int plannedMinutes, bool untilWet)
        {
            ZoneSettings zone = _settings.Zones[zoneIndex];
            RunSummary summary = _summary;

            _part = Part.Flow;
            _flow.SampleLitresPerMinute();
            _startLitres = _flow.TotalLitres;

            _part = Part.Valves;
            if (!_supervisor.CheckIdle())
            {
                throw new System.IO.IOException("The MCP23008 does not confirm the valves closed before the run (I2C1, 0x20).");
            }

            _opened = true;
            _supervisor.Open(zone.ValvePin);
            long openedAt = _clock.NowMilliseconds;
            _openedAt = openedAt;
            if (_line.Enabled)
            {
                _line.Append("Valve ").Append(zoneIndex + 1).Append(" open").Emit();
            }

            long lastFlowAt = openedAt;
            long plannedMilliseconds = (long)plannedMinutes * MinuteMilliseconds;
            long noFlowMilliseconds = (long)_settings.NoFlowTimeoutSeconds * 1000;
            double minuteStartLitres = _startLitres;
            int minute = 0;
            long nextCheck = openedAt;
            while (true)
            {
                // Checks keep to a fixed grid from the opening, whatever time the sensor reads took.
                nextCheck += FlowCheckMilliseconds;
                long wait = nextCheck - _clock.NowMilliseconds;
                Wait(wait > 0 ? (int)wait : 0);
                long now = _clock.NowMilliseconds;
                long elapsed = now - openedAt;

                _part = Part.Flow;
                double litresPerMinute = _flow.SampleLitresPerMinute();
                Alarm flowAlarm = _flowGuard.Check(zoneIndex, litresPerMinute, elapsed);
                if (flowAlarm != Alarm.None)
                {
                    Raise(flowAlarm);
                    return RunOutcome.FlowOutOfRange;
                }

                if (litresPerMinute >= _settings.MinimumFlowLitresPerMinute)
                {
                    lastFlowAt = now;
                }
                else if (now - lastFlowAt >= noFlowMilliseconds)
                {
                    // A valve driver that lost its configuration closed the valve: that is no dry line.
                    _part = Part.Valves;
                    if (_supervisor.CheckOwnedValve())
                    {
                        lastFlowAt = now;
                        continue;
                    }

                    Raise(Alarm.NoFlow);
                    if (_line.Enabled)
                    {
                        _line.Append("ALARM no-flow: zone ").Append(zoneIndex + 1).Append(" valve open ").Append((now - lastFlowAt) / 1000)
                            .Append(" s without flow (dry line, empty tank or dead flow sensor); run stopped").Emit();
                    }

                    return RunOutcome.NoFlow;
                }

                if (elapsed >= (long)(minute + 1) * MinuteMilliseconds)
                {
                    minute++;
                    double litres = _flow.TotalLitres;
                    _part = Part.Probes;
                    ReadMoisture(summary.FinalMoisturePercent);
                    _part = Part.Tank;
                    MeasureTank();
                    _part = Part.Valves;
                    if (_supervisor.CheckOwnedValve())
                    {
                        // The valve was closed since the reset: the no-flow timer starts again.
                        lastFlowAt = _clock.NowMilliseconds;
                    }

                    summary.MinutesLogged = minute;
                    LogMinute(minute, litres - minuteStartLitres);
                    minuteStartLitres = litres;

                    if (untilWet && summary.FinalMoisturePercent[zoneIndex] >= zone.WetTargetPercent)
                    {
                        return RunOutcome.TargetReached;
                    }

                    if (_tank.Percent < _settings.MinimumReservoirPercent)
                    {
                        LogTankLow();
                        return RunOutcome.ReservoirLow;
                    }
                }

                if (elapsed >= plannedMilliseconds)
                {
                    return untilWet ? RunOutcome.MaxDuration : RunOutcome.Completed;
                }
            }
        }

        // Closes every valve and confirms it by read-back; the supervisor retries a failed attempt with backoff, here for
        // CloseConfirmMilliseconds and afterwards in every wait, so a passing bus outage cannot leave a valve open.
        private bool CloseValves()
        {
            if (_supervisor.CloseAll())
            {
                return true;
            }

            WaitUntilConfirmed(CloseConfirmMilliseconds);
            return _supervisor.ConfirmedClosed;
        }

        // After the valve has closed: the line settles, the meter gives the litres used, a leak check follows, then the
        // final moisture and the summary lines.
        private void Finish(int zoneIndex)
        {
            RunSummary summary = _summary;
            if (_line.Enabled)
            {
                _line.Append("Valve ").Append(zoneIndex + 1).Append(summary.ValvesClosed ? " closed" : " NOT confirmed closed").Emit();
            }

            if (!summary.ValvesClosed)
            {
                Raise(Alarm.ValveCloseFailed);
                if (_line.Enabled)
                {
                    _line.Append("ALARM valve-close-failed: the MCP23008 did not confirm the valves closed within ").Append(CloseConfirmMilliseconds / 1000)
                        .Append(" s; retrying at most ").Append(ValveSupervisor.MaximumRetryMilliseconds / 1000).Append(" s apart; cut the valve supply").Emit();
                }
            }

            _part = Part.Flow;
            try
            {
                Wait(_settings.ValveSettleSeconds * 1000);
                _flow.SampleLitresPerMinute();
                summary.Litres = _opened ? _flow.TotalLitres - _startLitres : 0;
                if (summary.ValvesClosed)
                {
                    CheckLeak(LeakCheckMilliseconds);
                }

                _part = Part.Probes;
                ReadMoisture(summary.FinalMoisturePercent);
            }
            catch (Exception ex)
            {
                Alarm alarm = AlarmFor(_part, ex);
                Raise(alarm);
                if (_line.Enabled)
                {
                    AppendAlarms(_line.Append("ALARM"), alarm).Append(": ").AppendClause(ex.Message).Emit();
                }
            }

            if (_line.Enabled)
            {
                AppendPercentList(_line.Append("Initial moisture:"), summary.InitialMoisturePercent).Emit();
                AppendPercentList(_line.Append("Final moisture:  "), summary.FinalMoisturePercent).Emit();
                long seconds = summary.OpenMilliseconds / 1000;
                _line.Append("Water used: ").AppendFixed(summary.Litres, 1).Append(" L in ").Append(seconds / 60).Append(" min ")
                    .Append(seconds % 60).Append(" s (");
                AppendOutcome(summary.Outcome).Append(")").Emit();
            }
        }

        // Leak check with every valve closed: the flow over a fresh window of the given length.
        private void CheckLeak(int windowMilliseconds)
        {
            _flow.SampleLitresPerMinute();
            Wait(windowMilliseconds);
            ReportLeak(_flow.SampleLitresPerMinute());
        }

        private bool ReportLeak(double litresPerMinute)
        {
            if (double.IsNaN(litresPerMinute) || litresPerMinute < _settings.LeakFlowLitresPerMinute)
            {
                return false;
            }

            Raise(Alarm.Leak);
            if (_line.Enabled)
            {
                _line.Append("ALARM leak: ").AppendFixed(litresPerMinute, 1).Append(" L/min with every valve closed (leak or valve stuck open); closing every valve").Emit();
            }

            // The flow may come from a valve the chip still holds open: write every valve closed again and confirm it.
            _part = Part.Valves;
            _supervisor.CloseAll();

            return true;
        }
    }
}
