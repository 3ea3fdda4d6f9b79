using System;
using VirtualBoard;

namespace Simulators.FlowSensor
{
    /// <summary>
    /// A hall-effect turbine flow sensor (YF-S201 and kin, hardware.md §3) on a board pin, seen through the bench's
    /// level shifter: a square wave whose frequency is k × Q. Pulses come from a phase accumulator (phase in pulses,
    /// advancing at K·Q/60 per second): a rising edge at every whole phase, a falling edge at whole + duty. Edge times
    /// are computed from the last change of rate, not by adding periods, so the count over any stretch of simulated
    /// time is exact and survives rate changes. Each edge is scheduled on the board clock and driven onto the pin at
    /// its own time, which reaches both the GPIO event dispatcher and any pulse counter (PCNT) on the pin.
    /// Disturbances for filter tests: contact-like bounce after every real edge, and narrow glitches mid-low-phase.
    /// Platform fault for the meter's plausibility checks: <see cref="InjectOverflowRace"/>, the ESP32 pulse counter's
    /// read race (one reading off by ±32,767).
    /// </summary>
    public sealed class FlowSensorSimulator
    {
        /// <summary>The bench wiring: the flow sensor's signal reaches ESP32 GPIO4.</summary>
        public const int BenchGpio = 4;

        private const double TicksPerSecond = TimeSpan.TicksPerSecond;
        private const double TicksPerMinute = TimeSpan.TicksPerMinute;

        private readonly object _sync = new object();
        private readonly BoardPin _pin;
        private double _pulsesPerLitre = 450.0;
        private double _flowLitresPerMinute;
        private double _dutyCycle = 0.5;
        private int _bouncesPerEdge;
        private long _bounceTicks = 50 * TimeSpan.TicksPerMillisecond / 1000;
        private bool _glitches;
        private long _glitchTicks = 5;

        // Phase accumulator, anchored at the last change of rate or K-factor.
        private double _anchorPhase = 0.5;
        private long _anchorTicks;
        private double _anchorLitres;

        // The real waveform: index of the last rising edge and whether the signal is in its high phase.
        private long _pulseIndex;
        private bool _realHigh;
        private bool _glitchDone;

        // The line itself and a pending train of short toggles (bounce or a glitch's trailing edge).
        private bool _line;
        private int _trainToggles;
        private long _trainNextTicks;
        private long _trainStepTicks;

        private long _generation;

        /// <summary>Attaches a sensor with no flow to <paramref name="pin"/>; the signal rests low.</summary>
        public FlowSensorSimulator(BoardPin pin)
        {
            _pin = pin ?? throw new ArgumentNullException(nameof(pin));
            _anchorTicks = Board.Clock.NowTicks;
            using (AllocationLedger.Platform())
            {
                _pin.DriveExternally(false);
            }
        }

        /// <summary>The pin the sensor drives.</summary>
        public BoardPin Pin => _pin;

        /// <summary>The sensor's true K-factor in pulses per litre (YF-S201: 450). Changing it keeps the phase.</summary>
        public double PulsesPerLitre
        {
            get => Locked(() => _pulsesPerLitre);
            set
            {
                if (!(value > 0) || double.IsInfinity(value))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "Pulses per litre must be finite and above 0.");
                }

                Reanchor(() => _pulsesPerLitre = value);
            }
        }

        /// <summary>Water flow through the sensor in L/min (0 stops the rotor). Changing it keeps the phase.</summary>
        public double FlowLitresPerMinute
        {
            get => Locked(() => _flowLitresPerMinute);
            set
            {
                if (!(value >= 0) || double.IsInfinity(value))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "Flow must be finite and 0 or more.");
                }

                Reanchor(() => _flowLitresPerMinute = value);
            }
        }

        /// <summary>Pulse frequency now, in Hz: K × Q / 60.</summary>
        public double FrequencyHertz => Locked(() => _pulsesPerLitre * _flowLitresPerMinute / 60.0);

        /// <summary>Fraction of each period the signal is high, 0.1..0.9 (YF-S201: 40–60 %).</summary>
        public double DutyCycle
        {
            get => Locked(() => _dutyCycle);
            set
            {
                if (!(value >= 0.1 && value <= 0.9))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "Duty cycle must be 0.1..0.9.");
                }

                Reanchor(() => _dutyCycle = value);
            }
        }

        /// <summary>Extra short pulses after every real edge (each real edge is followed by this many back-and-forth pairs).</summary>
        public int BouncesPerEdge
        {
            get => Locked(() => _bouncesPerEdge);
            set => Locked(() => _bouncesPerEdge = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));
        }

        /// <summary>Width of each bounce half-pulse, in 100 ns ticks (default 50 µs).</summary>
        public long BounceTicks
        {
            get => Locked(() => _bounceTicks);
            set => Locked(() => _bounceTicks = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));
        }

        /// <summary>When set, one narrow high spike appears in the middle of every low phase.</summary>
        public bool Glitches
        {
            get => Locked(() => _glitches);
            set => Locked(() => _glitches = value);
        }

        /// <summary>Width of a glitch spike, in 100 ns ticks (default 0.5 µs, inside the pulse counter's ≈ 1 µs filter).</summary>
        public long GlitchTicks
        {
            get => Locked(() => _glitchTicks);
            set => Locked(() => _glitchTicks = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));
        }

        /// <summary>
        /// When set, every edge waits until the GPIO event dispatcher has run its handlers before the clock moves on:
        /// a handler that keeps up with the pulses (it then reads the edge's own time from the clock).
        /// </summary>
        public bool WaitForHandlers { get; set; }

        /// <summary>
        /// The pulse-counter read race on the sensor's pin: the next read of the ESP32 pulse counter counting this sensor
        /// returns a count off by <paramref name="sign"/> × 32,767, once (nf-interpreter's native read takes the hardware
        /// count and the overflow accumulator without a lock; see <see cref="PulseCounterUnit"/>). The flow itself is not
        /// touched.
        /// </summary>
        /// <param name="sign">+1 (the overflow callback ran between the two steps) or −1 (the read fell between the
        /// hardware wrap and the callback).</param>
        /// <exception cref="InvalidOperationException">No pulse counter is open on the sensor's pin.</exception>
        public void InjectOverflowRace(int sign) => _pin.InjectPulseCounterOverflowRace(sign);

        /// <summary>Real pulses (rising edges of the flow signal, bounce and glitches excluded) so far.</summary>
        public long TruePulseCount { get; private set; }

        /// <summary>Every level change driven onto the line, bounce and glitches included.</summary>
        public long LineEdges { get; private set; }

        /// <summary>Rising edges driven onto the line, bounce and glitches included.</summary>
        public long LineRisingEdges { get; private set; }

        /// <summary>The rotor's phase now, in pulses (starts at 0.5: mid-way through a low phase).</summary>
        public double Phase => Locked(() => PhaseAt(Board.Clock.NowTicks));

        /// <summary>Water that really flowed so far, in litres: the integral of the flow over simulated time.</summary>
        public double TrueVolumeLitres => Locked(() => _anchorLitres + (_flowLitresPerMinute * (Board.Clock.NowTicks - _anchorTicks) / TicksPerMinute));

        private double PulsesPerTick => _pulsesPerLitre * _flowLitresPerMinute / 60.0 / TicksPerSecond;

        private T Locked<T>(Func<T> read)
        {
            lock (_sync)
            {
                return read();
            }
        }

        private double PhaseAt(long ticks) => _anchorPhase + ((ticks - _anchorTicks) * PulsesPerTick);

        private void Reanchor(Action change)
        {
            lock (_sync)
            {
                using (AllocationLedger.Platform())
                {
                    long now = Board.Clock.NowTicks;
                    Pump(now);
                    _anchorPhase = PhaseAt(now);
                    _anchorLitres += _flowLitresPerMinute * (now - _anchorTicks) / TicksPerMinute;
                    _anchorTicks = now;
                    change();
                    Pump(now);
                }
            }
        }

        private void OnDue(long generation)
        {
            lock (_sync)
            {
                if (generation != _generation)
                {
                    return;
                }

                using (AllocationLedger.Platform())
                {
                    Pump(Board.Clock.NowTicks);
                }
            }
        }

        // Fires every event due by now, in time order, then schedules the next one on the clock.
        private void Pump(long now)
        {
            while (true)
            {
                long phaseTicks = NextPhaseEventTicks(out int kind);
                bool train = _trainToggles > 0 && _trainNextTicks <= phaseTicks;
                long due = train ? _trainNextTicks : phaseTicks;
                if (due > now)
                {
                    _generation++;
                    if (due != long.MaxValue)
                    {
                        long generation = _generation;
                        Board.Clock.ScheduleAt(due, () => OnDue(generation));
                    }

                    return;
                }

                if (train)
                {
                    _trainToggles--;
                    _trainNextTicks += _trainStepTicks;
                    Drive(!_line, due);
                }
                else
                {
                    FirePhaseEvent(kind, due);
                }
            }
        }

        private const int Rising = 0;
        private const int Falling = 1;
        private const int GlitchStart = 2;

        private long NextPhaseEventTicks(out int kind)
        {
            kind = Rising;
            if (!(_flowLitresPerMinute > 0))
            {
                return long.MaxValue;
            }

            double target;
            if (_realHigh)
            {
                kind = Falling;
                target = _pulseIndex + _dutyCycle;
            }
            else if (_glitches && !_glitchDone)
            {
                kind = GlitchStart;
                target = _pulseIndex + ((1.0 + _dutyCycle) / 2.0);
            }
            else
            {
                target = _pulseIndex + 1;
            }

            return _anchorTicks + (long)Math.Ceiling((target - _anchorPhase) / PulsesPerTick);
        }

        private void FirePhaseEvent(int kind, long due)
        {
            if (kind == GlitchStart)
            {
                _glitchDone = true;
                StartTrain(1, due + _glitchTicks, _glitchTicks);
                Drive(true, due);
                return;
            }

            _realHigh = kind == Rising;
            if (_realHigh)
            {
                _pulseIndex++;
                TruePulseCount++;
            }
            else
            {
                _glitchDone = false;
            }

            StartTrain(2 * _bouncesPerEdge, due + _bounceTicks, _bounceTicks);
            Drive(_realHigh, due);
        }

        private void StartTrain(int toggles, long firstTicks, long stepTicks)
        {
            _trainToggles = toggles;
            _trainNextTicks = firstTicks;
            _trainStepTicks = stepTicks;
        }

        private void Drive(bool level, long atTicks)
        {
            if (level == _line)
            {
                return;
            }

            _line = level;
            LineEdges++;
            if (level)
            {
                LineRisingEdges++;
            }

            _pin.DriveExternally(level, atTicks);
            if (WaitForHandlers)
            {
                Board.Events.WaitUntilIdle();
            }
        }
    }
}
