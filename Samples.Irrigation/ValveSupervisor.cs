using System;

namespace Samples.Irrigation
{
    /// <summary>
    /// The one owner of the valve state. It knows which valve may be open (the one a run owns, or none) and keeps the
    /// expander there: a close that the chip does not confirm is retried with backoff (from
    /// <see cref="FirstRetryMilliseconds"/>, doubling to at most <see cref="MaximumRetryMilliseconds"/>) until a read-back
    /// confirms it, whoever waits (a run, a schedule pass, the idle time between passes: every wait of the controller
    /// services it). An expander that lost its configuration (brown-out: every pin an input, latch 0) is noticed by the
    /// read-back and rewritten, with the outputs off unless a run owns the valve.
    /// </summary>
    /// <remarks>
    /// A confirmation costs 3 I2C transfers: the latch write and the two reads of
    /// <see cref="ValveBank.VerifyConfiguration"/>; a restore 8 writes and 2 reads more. Nothing is allocated but the log lines.
    /// </remarks>
    public sealed class ValveSupervisor
    {
        /// <summary>Wait before the first retry of a close that failed, in ms.</summary>
        public const int FirstRetryMilliseconds = 200;

        /// <summary>Longest wait between two retries, in ms: after a bus outage the valves are confirmed closed at most this long after the bus answers again.</summary>
        public const int MaximumRetryMilliseconds = 30000;

        private const int NoValve = -1;

        private readonly ValveBank _valves;
        private readonly Clock _clock;
        private readonly LogLine _line;
        private int _ownedPin = NoValve;
        private bool _confirmed = true;
        private long _nextAttemptAt;
        private long _attemptStartedAt;
        private int _retryMilliseconds = FirstRetryMilliseconds;
        private int _failedAttempts;
        private int _resets;

        /// <summary>Supervises the bank's valves; at start the bank has just written every valve closed.</summary>
        /// <param name="valves">The valves.</param>
        /// <param name="clock">The time source.</param>
        /// <param name="line">The controller's log line.</param>
        public ValveSupervisor(ValveBank valves, Clock clock, LogLine line)
        {
            _valves = valves;
            _clock = clock;
            _line = line;
        }

        /// <summary>True while a close (or a restore) waits for the chip to confirm it.</summary>
        public bool Pending => !_confirmed;

        /// <summary>True when no run owns a valve and the chip has confirmed every valve closed.</summary>
        public bool ConfirmedClosed => _confirmed && _ownedPin == NoValve;

        /// <summary>True while a run owns a valve (between <see cref="Open"/> and <see cref="CloseAll"/>).</summary>
        public bool OwnsValve => _ownedPin != NoValve;

        /// <summary>Clock time of the next retry, in ms since boot (meaningful while <see cref="Pending"/>).</summary>
        public long NextAttemptAt => _nextAttemptAt;

        /// <summary>Chip resets noticed (and repaired) since start.</summary>
        public int ResetsDetected => _resets;

        /// <summary>Opens one valve for a run, which owns it until <see cref="CloseAll"/>: one I2C write.</summary>
        /// <param name="valvePin">The valve's output, 0..7.</param>
        /// <exception cref="System.IO.IOException">The expander did not acknowledge the write (the run must close again).</exception>
        public void Open(int valvePin)
        {
            _ownedPin = valvePin;
            _confirmed = false;
            _valves.Open(valvePin);
            _confirmed = true;
        }

        /// <summary>
        /// The read-back of a run: checks that the expander still holds the configuration and the run's valve open
        /// (two I2C reads). If the chip was reset, it is logged as a reset of the valve driver and the configuration and
        /// the run's valve are written back.
        /// </summary>
        /// <returns>True if a reset was found and repaired (the valve was closed in between).</returns>
        /// <exception cref="System.IO.IOException">The expander does not answer.</exception>
        public bool CheckOwnedValve()
        {
            if (_valves.VerifyConfiguration())
            {
                return false;
            }

            Repair(OwnedMask);
            return true;
        }

        /// <summary>
        /// Every valve should be closed from now on: writes the latch to 0 and confirms it by read-back, now; if that
        /// fails, later waits retry it with backoff.
        /// </summary>
        /// <returns>True if confirmed closed now.</returns>
        public bool CloseAll()
        {
            if (_ownedPin == NoValve && !_confirmed)
            {
                // A close is already pending: its backoff goes on rather than starting again from the first step.
                return false;
            }

            _ownedPin = NoValve;
            _confirmed = false;
            _retryMilliseconds = FirstRetryMilliseconds;
            Attempt();
            return _confirmed;
        }

        /// <summary>
        /// The idle check of a schedule pass: with no run owning a valve, confirms the valves closed and the expander
        /// configured (two I2C reads), repairing a reset. A failing bus leaves a retry pending.
        /// </summary>
        /// <returns>True if every valve is confirmed closed.</returns>
        public bool CheckIdle()
        {
            if (_ownedPin != NoValve)
            {
                return false;
            }

            if (!_confirmed)
            {
                Attempt();
                return _confirmed;
            }

            _attemptStartedAt = _clock.NowMilliseconds;
            try
            {
                if (!_valves.VerifyConfiguration())
                {
                    Repair(0);
                }
            }
            catch (Exception)
            {
                Fail();
            }

            return _confirmed;
        }

        /// <summary>Retries a pending close if its time has come. Never throws.</summary>
        public void Service()
        {
            if (!_confirmed && _clock.NowMilliseconds >= _nextAttemptAt)
            {
                Attempt();
            }
        }

        private int OwnedMask => _ownedPin == NoValve ? 0 : 1 << _ownedPin;

        private void Attempt()
        {
            int mask = OwnedMask;
            _attemptStartedAt = _clock.NowMilliseconds;
            try
            {
                if (mask == 0)
                {
                    _valves.CloseAll();
                }
                else
                {
                    _valves.Open(_ownedPin);
                }

                if (!_valves.VerifyConfiguration())
                {
                    Repair(mask);
                }

                _confirmed = true;
                if (_failedAttempts > 0 && _line.Enabled)
                {
                    _line.Append("Valves confirmed ").Append(mask == 0 ? "closed" : "set").Append(" by read-back after ").Append(_failedAttempts)
                        .Append(_failedAttempts == 1 ? " failed attempt" : " failed attempts").Emit();
                }

                _failedAttempts = 0;
                _retryMilliseconds = FirstRetryMilliseconds;
            }
            catch (Exception)
            {
                Fail();
            }
        }

        private void Fail()
        {
            _confirmed = false;
            _failedAttempts++;
            // From the start of the failed attempt, so the next one comes at most MaximumRetryMilliseconds after any
            // moment the chip may have started answering again.
            _nextAttemptAt = _attemptStartedAt + _retryMilliseconds;
            _retryMilliseconds = _retryMilliseconds >= MaximumRetryMilliseconds / 2 ? MaximumRetryMilliseconds : _retryMilliseconds * 2;
        }

        // The chip lost its configuration: write it back with the given valves open, and check it took.
        private void Repair(int openMask)
        {
            _resets++;
            if (_line.Enabled)
            {
                _line.Append("Valve driver reset: the MCP23008 lost its configuration (brown-out?); rewriting it with ");
                if (openMask == 0)
                {
                    _line.Append("every valve closed");
                }
                else
                {
                    _line.Append("valve output GP").Append(_ownedPin).Append(" on");
                }

                _line.Emit();
            }

            _valves.RestoreConfiguration(openMask);
            if (!_valves.VerifyConfiguration())
            {
                throw new InvalidOperationException("The MCP23008 did not keep its configuration after it was rewritten.");
            }
        }
    }
}
