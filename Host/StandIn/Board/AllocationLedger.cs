using System;

namespace VirtualBoard
{
    /// <summary>
    /// Counts, per thread, the .NET bytes allocated inside the stand-in and the simulators (the "platform"), so that a
    /// measurement can subtract them and see exactly what the driver's own code allocated.
    /// </summary>
    public static class AllocationLedger
    {
        [ThreadStatic]
        private static long _platformBytes;

        [ThreadStatic]
        private static int _depth;

        /// <summary>Bytes the platform has allocated on this thread so far.</summary>
        public static long PlatformBytes => _platformBytes;

        /// <summary>
        /// Runs <paramref name="action"/> and returns the .NET bytes it allocated on this thread outside the platform:
        /// exactly what the driver's own code allocated.
        /// </summary>
        public static long DriverBytes(Action action)
        {
            long platformBefore = _platformBytes;
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            long total = GC.GetAllocatedBytesForCurrentThread() - before;
            return total - (_platformBytes - platformBefore);
        }

        /// <summary>Marks a span of platform work; dispose it at the end (a struct: using it allocates nothing).</summary>
        public static Scope Platform() => new Scope(GC.GetAllocatedBytesForCurrentThread());

        /// <summary>A span of platform work.</summary>
        public readonly struct Scope : IDisposable
        {
            private readonly long _start;

            internal Scope(long start)
            {
                _start = start;
                _depth++;
            }

            public void Dispose()
            {
                _depth--;
                if (_depth == 0)
                {
                    _platformBytes += GC.GetAllocatedBytesForCurrentThread() - _start;
                }
            }
        }
    }
}
