using System;

namespace Samples.Irrigation
{
    /// <summary>
    /// The watering controller: timed runs (<see cref="Water"/>), runs until a zone is wet (<see cref="WaterUntilWet"/>)
    /// and the schedule pass (<see cref="RunSchedulePass"/>), with the safety rules: the valve closes on every way out
    /// of a run, runs are bounded, no flow with a valve open stops the run, flow with every valve closed is a leak.
    /// </summary>
    /// <remarks>
    /// Every hardware access goes through the thin classes of <see cref="IrrigationHardware"/>. Buffers, the log line
    /// and the run summary are allocated once here, so a schedule pass or a run allocates nothing of its own apart
    /// from the log lines (and the exceptions of a failing sensor).
    /// </remarks>
    public sealed partial class IrrigationController
    {
        /// <summary>How often the flow is checked while a valve is open, in ms.</summary>
        public const int FlowCheckMilliseconds = 5000;

        /// <summary>Length of the leak check after the line has settled, in ms.</summary>
        public const int LeakCheckMilliseconds = 5000;

        /// <summary>How often <see cref="WaitIdle"/> samples the flow for the idle leak check, in ms.</summary>
        public const int LeakSampleMilliseconds = 60000;

        private const int MinuteMilliseconds = 60000;

        // How long a run's close keeps retrying before the run reports the valves not confirmed closed (later waits go on
        // retrying): 0.2 + 0.4 + ... + 6.4 s of backoff gives 7 attempts.
        private const int CloseConfirmMilliseconds = 15000;
        private const Alarm HoldingAlarms = Alarm.NoFlow | Alarm.Leak | Alarm.ValveCloseFailed | Alarm.BurstPipe | Alarm.BlockedLine | Alarm.FlowImplausible;
        private const Alarm IdleFlowAlarms = Alarm.Leak | Alarm.FlowSensorFault | Alarm.FlowImplausible;

        private readonly IrrigationSettings _settings;
        private readonly ValveSupervisor _supervisor;
        private readonly Drivers.VL6180X.Vl6180X _rangeSensor;
        private readonly MoistureProbes _probes;
        private readonly WaterFlow _flow;
        private readonly Reservoir _tank;
        private readonly LightSensor _light;
        private readonly Clock _clock;
        private readonly LogLine _line;
        private readonly RunSummary _summary;
        private readonly int[] _moisture;
        private readonly FlowGuard _flowGuard;
        private readonly LeakWatch _leakWatch;
        private Part _part;
        private Alarm _alarms;
        private bool _opened;
        private long _openedAt;
        private double _startLitres;

        /// <summary>Creates the controller over hardware built once by <see cref="IrrigationHardware.Open"/>.</summary>
        /// <param name="settings">The configuration; validated again here.</param>
        /// <param name="hardware">The hardware.</param>
        /// <param name="clock">The time source.</param>
        /// <param name="log">Where log lines go; null turns logging off.</param>
        /// <exception cref="ConfigurationException">A setting is outside its allowed range.</exception>
        public IrrigationController(IrrigationSettings settings, IrrigationHardware hardware, Clock clock, ILogSink log)
        {
            settings.Validate();
            _settings = settings;
            _rangeSensor = hardware.RangeSensor;
            _probes = hardware.Probes;
            _flow = hardware.Flow;
            _tank = hardware.Tank;
            _light = hardware.Light;
            _clock = clock;
            _line = new LogLine(log);
            _supervisor = new ValveSupervisor(hardware.Valves, clock, _line);
            _summary = new RunSummary(settings.Zones.Length);
            _moisture = new int[settings.Zones.Length];
            _flowGuard = new FlowGuard(settings, _line);
            _leakWatch = new LeakWatch(settings.LeakWindowMinutes);
        }

        private enum Part
        {
            None,
            Valves,
            Probes,
            Flow,
            Tank,
            Light,
        }

        /// <summary>Alarms raised since start or the last <see cref="ClearAlarms"/>.</summary>
        public Alarm ActiveAlarms => _alarms;

        /// <summary>The owner of the valve state: what may be open, and whether the chip confirmed it.</summary>
        public ValveSupervisor Valves => _supervisor;

        /// <summary>The last run's result (the same object after every run).</summary>
        public RunSummary LastRun => _summary;

        /// <summary>Clears the latched alarms (after the cause has been fixed): the schedule waters again.</summary>
        public void ClearAlarms()
        {
            _alarms = Alarm.None;
        }

        /// <summary>
        /// Waters one zone for a number of minutes, like the classic <c>water(5)</c>: opens the valve, prints one line per
        /// minute with every probe's moisture, the flow and the tank level, closes the valve and prints the initial and
        /// final moisture and the litres used. Stops early on no flow, a low tank or a failing part.
        /// </summary>
        /// <param name="zone">Zone number, 1 .. number of zones.</param>
        /// <param name="minutes">Run length, 1 .. <see cref="IrrigationSettings.MaxRunMinutes"/>.</param>
        /// <returns>How the run ended (details in <see cref="LastRun"/>).</returns>
        /// <exception cref="ArgumentOutOfRangeException">The zone or the minutes are out of range.</exception>
        public RunOutcome Water(int zone, int minutes)
        {
            CheckZone(zone);
            if (minutes < 1 || minutes > _settings.MaxRunMinutes)
            {
                throw new ArgumentOutOfRangeException("minutes", "A run lasts 1.." + _settings.MaxRunMinutes.ToString() + " minutes (MaxRunMinutes); asked for " + minutes.ToString() + ".");
            }

            return Run(zone - 1, minutes, false);
        }

        /// <summary>
        /// Waters one zone until its moisture reaches the zone's wet target, for at most
        /// <see cref="IrrigationSettings.MaxRunMinutes"/>, with the same lines and safety rules as <see cref="Water"/>.
        /// </summary>
        /// <param name="zone">Zone number, 1 .. number of zones.</param>
        /// <returns>How the run ended.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The zone is out of range.</exception>
        public RunOutcome WaterUntilWet(int zone)
        {
            CheckZone(zone);
            return Run(zone - 1, _settings.MaxRunMinutes, true);
        }

        /// <summary>
        /// One pass of the schedule: checks for a leak over the time since the last check, then waters, one after the
        /// other, the zones below their dry threshold until they are wet, unless an alarm holds the schedule, the light
        /// is bright (if configured) or the tank is too low or unknown. Call it every
        /// <see cref="IrrigationSettings.ScheduleIntervalMinutes"/>.
        /// </summary>
        public void RunSchedulePass()
        {
            if (!CheckIdleFlow())
            {
                return;
            }

            if ((_alarms & HoldingAlarms) != 0)
            {
                if (_line.Enabled)
                {
                    AppendAlarms(ScheduleLine().Append("watering held by alarm:"), _alarms & HoldingAlarms).Emit();
                }

                return;
            }

            if (_supervisor.Pending)
            {
                if (_line.Enabled)
                {
                    ScheduleLine().Append("watering held: the valves are not confirmed closed yet (retrying)").Emit();
                }

                return;
            }

            if (!TryReadMoisture(_moisture))
            {
                return;
            }

            int dryZones = 0;
            for (int i = 0; i < _moisture.Length; i++)
            {
                if (_moisture[i] < _settings.Zones[i].DryThresholdPercent)
                {
                    dryZones++;
                }
            }

            if (dryZones == 0)
            {
                if (_line.Enabled)
                {
                    AppendPercentList(ScheduleLine().Append("no zone below its threshold, moisture"), _moisture).Emit();
                }

                return;
            }

            if (_settings.SkipInBrightLight && IsBright())
            {
                return;
            }

            if (!IsTankAboveMinimum())
            {
                return;
            }

            for (int i = 0; i < _moisture.Length; i++)
            {
                ZoneSettings zone = _settings.Zones[i];
                if (_moisture[i] >= zone.DryThresholdPercent)
                {
                    continue;
                }

                if (_line.Enabled)
                {
                    ScheduleLine().Append("zone ").Append(i + 1).Append(" at ").Append(_moisture[i]).Append("% is below ")
                        .Append(zone.DryThresholdPercent).Append("%").Emit();
                }

                RunOutcome outcome = Run(i, _settings.MaxRunMinutes, true);
                if (outcome == RunOutcome.ReservoirLow || (_alarms & HoldingAlarms) != 0)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// Waits between schedule passes: samples the flow every <see cref="LeakSampleMilliseconds"/> for the idle leak
        /// check over the last <see cref="IrrigationSettings.LeakWindowMinutes"/> (one pulse-counter read per sample, no
        /// I2C), and retries a valve close the expander has not confirmed yet whenever its backoff comes due (from
        /// <see cref="ValveSupervisor.FirstRetryMilliseconds"/> to <see cref="ValveSupervisor.MaximumRetryMilliseconds"/>).
        /// Sampling pauses while a leak or flow-sensor alarm is latched. The firmware calls it after every pass with
        /// <see cref="IrrigationSettings.ScheduleIntervalMinutes"/>.
        /// </summary>
        /// <param name="milliseconds">How long to wait, in ms (0 or more).</param>
        public void WaitIdle(int milliseconds)
        {
            long end = _clock.NowMilliseconds + milliseconds;
            while (true)
            {
                long left = end - _clock.NowMilliseconds;
                if (left <= 0)
                {
                    return;
                }

                Wait(left < LeakSampleMilliseconds ? (int)left : LeakSampleMilliseconds);
                if ((_alarms & IdleFlowAlarms) == 0)
                {
                    CheckIdleFlow();
                }
            }
        }

        // The idle leak check: the flow since the last sample, every valve closed, added to the sliding window.
        private bool CheckIdleFlow()
        {
            _part = Part.Flow;
            try
            {
                double litresPerMinute = _flow.SampleLitresPerMinute();
                return !ReportLeak(_leakWatch.Add(litresPerMinute, _flow.LastWindowMilliseconds));
            }
            catch (Exception ex)
            {
                Alarm alarm = AlarmFor(Part.Flow, ex);
                Raise(alarm);
                if (_line.Enabled)
                {
                    AppendAlarms(_line.Append("ALARM"), alarm).Append(": ").AppendClause(ex.Message).Emit();
                }

                return false;
            }
        }

        private bool IsBright()
        {
            _part = Part.Light;
            try
            {
                MeasureLight();
            }
            catch (Exception ex)
            {
                Raise(Alarm.LightSensorFault);
                if (_line.Enabled)
                {
                    _line.Append("ALARM light-sensor: ").AppendClause(ex.Message).Append("; light ignored").Emit();
                }

                return false;
            }

            if (!_light.Saturated && _light.Lux < _settings.BrightLightLux)
            {
                return false;
            }

            if (_line.Enabled)
            {
                ScheduleLine().Append("skipped, bright light ");
                if (_light.Saturated)
                {
                    _line.Append("(sensor saturated)");
                }
                else
                {
                    _line.Append(_light.Lux).Append(" lx");
                }

                _line.Append(" >= ").Append(_settings.BrightLightLux).Append(" lx").Emit();
            }

            return true;
        }

        private bool IsTankAboveMinimum()
        {
            _part = Part.Tank;
            try
            {
                MeasureTank();
            }
            catch (Exception ex)
            {
                Raise(Alarm.TankSensorFault);
                if (_line.Enabled)
                {
                    _line.Append("ALARM tank-sensor: ").AppendClause(ex.Message).Append("; schedule skipped").Emit();
                }

                return false;
            }

            if (_tank.Percent >= _settings.MinimumReservoirPercent)
            {
                return true;
            }

            if (_line.Enabled)
            {
                ScheduleLine().Append("skipped, tank ").Append(_tank.Litres).Append(" L (").Append(_tank.Percent).Append("%) below ")
                    .Append(_settings.MinimumReservoirPercent).Append("%").Emit();
            }

            return false;
        }

        private bool TryReadMoisture(int[] percent)
        {
            _part = Part.Probes;
            try
            {
                ReadMoisture(percent);
                return true;
            }
            catch (Exception ex)
            {
                Raise(Alarm.ProbeFault);
                if (_line.Enabled)
                {
                    _line.Append("ALARM probe: ").AppendClause(ex.Message).Emit();
                }

                return false;
            }
        }

        private void ReadMoisture(int[] percent)
        {
            for (int i = 0; i < percent.Length; i++)
            {
                percent[i] = _probes.ReadPercent(i);
            }
        }

        private void Raise(Alarm alarm)
        {
            _alarms |= alarm;
            _summary.Alarms |= alarm;
        }

        private void CheckZone(int zone)
        {
            if (zone < 1 || zone > _settings.Zones.Length)
            {
                throw new ArgumentOutOfRangeException("zone", "Zones are numbered 1.." + _settings.Zones.Length.ToString() + "; asked for " + zone.ToString() + ".");
            }
        }

        // A rejected flow reading is an implausible flow, whichever part was being read.
        private static Alarm AlarmFor(Part part, Exception ex)
        {
            return ex is FlowImplausibleException ? Alarm.FlowImplausible : AlarmFor(part);
        }

        private static Alarm AlarmFor(Part part)
        {
            switch (part)
            {
                case Part.Valves:
                    return Alarm.ValveDriverFault;
                case Part.Probes:
                    return Alarm.ProbeFault;
                case Part.Flow:
                    return Alarm.FlowSensorFault;
                case Part.Tank:
                    return Alarm.TankSensorFault;
                case Part.Light:
                    return Alarm.LightSensorFault;
                default:
                    return Alarm.ValveDriverFault;
            }
        }
    }
}
