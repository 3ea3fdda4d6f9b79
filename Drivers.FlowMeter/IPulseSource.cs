using System;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// Where a <see cref="FlowMeter"/> gets its pulses from: a running 64-bit count that only grows, read together with
    /// the time of the reading. The meter keeps its windows and totals by differencing readings, so a source never
    /// clears anything and no pulse can fall between a read and a clear.
    /// </summary>
    internal interface IPulseSource : IDisposable
    {
        /// <summary>
        /// Returns the pulses counted since the source started and, in <paramref name="timeTicks"/>, the time of that
        /// count in 100 ns ticks on the source's own clock. Allocates nothing of its own.
        /// </summary>
        long Read(out long timeTicks);
    }
}
