using System;
using System.Threading;

namespace Samples.Irrigation
{
    /// <summary>
    /// The controller's only source of time: milliseconds since boot and a sleep. On the device these are
    /// <c>Environment.TickCount64</c> and <c>Thread.Sleep</c>; in the host build the same calls run on the virtual
    /// board's simulated clock, so a five-minute watering takes no real time there.
    /// </summary>
    public sealed class Clock
    {
        private const long DayMilliseconds = 86400000;

        /// <summary>Milliseconds since boot.</summary>
        public long NowMilliseconds => Environment.TickCount64;

        /// <summary>
        /// Time of day at boot, in milliseconds since midnight (default 0: the log then shows time since boot). Set it
        /// from a real-time clock or SNTP when the board has one; the host sets the simulated garden's start time.
        /// </summary>
        public long TimeOfDayAtBootMilliseconds { get; set; }

        /// <summary>Time of day now, in milliseconds since midnight (0 .. 24 h).</summary>
        public long TimeOfDayMilliseconds => (TimeOfDayAtBootMilliseconds + NowMilliseconds) % DayMilliseconds;

        /// <summary>Waits, in milliseconds (0 or more).</summary>
        /// <param name="milliseconds">How long to wait.</param>
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
