using System;
using System.Collections.Generic;

namespace VirtualBoard
{
    /// <summary>
    /// Simulated time in 100 ns ticks. Nothing moves unless the device sleeps or a test advances it; scheduled
    /// callbacks run in time order, each with the clock set to its due time.
    /// </summary>
    public sealed class VirtualClock
    {
        private readonly object _sync = new object();
        private readonly SortedList<(long Due, long Order), Action> _queue = new SortedList<(long, long), Action>();
        private long _order;
        private long _now;

        /// <summary>Current simulated time in ticks (100 ns).</summary>
        public long NowTicks
        {
            get
            {
                lock (_sync)
                {
                    return _now;
                }
            }
        }

        /// <summary>Current simulated time in whole milliseconds.</summary>
        public long NowMilliseconds => NowTicks / TimeSpan.TicksPerMillisecond;

        /// <summary>Total simulated time the device has spent in Thread.Sleep.</summary>
        public long SleptTicks { get; private set; }

        /// <summary>Number of Thread.Sleep calls the device made.</summary>
        public long SleepCalls { get; private set; }

        /// <summary>Runs <paramref name="callback"/> when the clock reaches <paramref name="dueTicks"/>.</summary>
        public void ScheduleAt(long dueTicks, Action callback)
        {
            lock (_sync)
            {
                _queue.Add((Math.Max(dueTicks, _now), _order++), callback);
            }
        }

        /// <summary>Advances the clock by <paramref name="ticks"/>, running every callback that falls due on the way.</summary>
        public void Advance(long ticks)
        {
            if (ticks < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ticks));
            }

            long target;
            lock (_sync)
            {
                target = _now + ticks;
            }

            while (true)
            {
                Action due = null;
                lock (_sync)
                {
                    if (_queue.Count > 0 && _queue.Keys[0].Due <= target)
                    {
                        _now = Math.Max(_now, _queue.Keys[0].Due);
                        due = _queue.Values[0];
                        _queue.RemoveAt(0);
                    }
                    else
                    {
                        _now = target;
                    }
                }

                if (due == null)
                {
                    break;
                }

                due();
            }
        }

        /// <summary>Advances the clock by a time span.</summary>
        public void Advance(TimeSpan span) => Advance(span.Ticks);

        /// <summary>
        /// What a device Thread.Sleep does on the host: advance simulated time, then let GPIO events drain. All of it is
        /// platform work (simulator callbacks, waiting on the dispatcher), charged to the platform, not to the caller.
        /// </summary>
        internal void Sleep(int milliseconds)
        {
            using (AllocationLedger.Platform())
            {
                SleepCore(milliseconds);
            }
        }

        private void SleepCore(int milliseconds)
        {
            if (milliseconds < 0 && milliseconds != System.Threading.Timeout.Infinite)
            {
                throw new ArgumentOutOfRangeException(nameof(milliseconds));
            }

            long ticks = Math.Max(0, milliseconds) * TimeSpan.TicksPerMillisecond;
            lock (_sync)
            {
                SleptTicks += ticks;
                SleepCalls++;
            }

            Advance(ticks);
            Board.Events.WaitUntilIdle();
        }

        internal void Reset()
        {
            lock (_sync)
            {
                _queue.Clear();
                _now = 0;
                _order = 0;
                SleptTicks = 0;
                SleepCalls = 0;
            }
        }
    }
}
