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
        /// <summary>Milliseconds since boot.</summary>
        public long NowMilliseconds => Environment.TickCount64;

        /// <summary>Waits, in milliseconds (0 or more).</summary>
        /// <param name="milliseconds">How long to wait.</param>
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
