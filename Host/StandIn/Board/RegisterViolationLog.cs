using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace VirtualBoard
{
    /// <summary>
    /// Every <see cref="RegisterViolation"/> on the board since its last reset. A violation counts against the test
    /// that caused it unless it happened inside an <see cref="Expect"/> scope; the test runners fail a test that leaves
    /// an unexpected one.
    /// </summary>
    public sealed class RegisterViolationLog
    {
        private readonly object _sync = new object();
        private readonly List<RegisterViolation> _all = new List<RegisterViolation>();
        private int _expectDepth;
        private int _checkedUpTo;

        /// <summary>Every violation recorded, expected or not.</summary>
        public IReadOnlyList<RegisterViolation> All
        {
            get
            {
                lock (_sync)
                {
                    return _all.ToArray();
                }
            }
        }

        /// <summary>Violations recorded outside an <see cref="Expect"/> scope.</summary>
        public IReadOnlyList<RegisterViolation> Unexpected
        {
            get
            {
                lock (_sync)
                {
                    return _all.Where(v => !v.Expected).ToArray();
                }
            }
        }

        /// <summary>While the returned scope is open, violations are recorded as expected (a test that provokes them on purpose).</summary>
        public IDisposable Expect()
        {
            Interlocked.Increment(ref _expectDepth);
            return new Scope(this);
        }

        /// <summary>
        /// The unexpected violations recorded since the previous call (for a runner checking one test at a time).
        /// </summary>
        public IReadOnlyList<RegisterViolation> TakeUnexpected()
        {
            lock (_sync)
            {
                RegisterViolation[] fresh = _all.Skip(_checkedUpTo).Where(v => !v.Expected).ToArray();
                _checkedUpTo = _all.Count;
                return fresh;
            }
        }

        /// <summary>Forgets everything (board reset).</summary>
        public void Clear()
        {
            lock (_sync)
            {
                _all.Clear();
                _checkedUpTo = 0;
            }
        }

        internal void Record(string chip, int address, RegisterViolationKind kind, byte value)
        {
            lock (_sync)
            {
                _all.Add(new RegisterViolation(chip, address, kind, value, Board.Clock.NowTicks, Volatile.Read(ref _expectDepth) > 0));
            }
        }

        private sealed class Scope : IDisposable
        {
            private RegisterViolationLog _log;

            public Scope(RegisterViolationLog log) => _log = log;

            public void Dispose()
            {
                if (_log != null)
                {
                    Interlocked.Decrement(ref _log._expectDepth);
                    _log = null;
                }
            }
        }
    }
}
