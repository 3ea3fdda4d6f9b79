namespace NFUnitTest.Memory
{
    /// <summary>An operation whose heap use is measured.</summary>
    public delegate void HeapOperation();

    /// <summary>
    /// Measures managed-heap use on the device with <c>nanoFramework.Runtime.Native.GC.Run</c>. The host build of the tests
    /// compiles a different file with the same members, which computes the same figures with the nanoCLR heap model.
    /// </summary>
    /// <remarks>
    /// A <c>GC.Run</c> reading is the free heap after a full collection, in whole 12-byte blocks, so the difference of two
    /// readings is exactly the bytes allocated in between that are still alive. Garbage is invisible to it: it is collected
    /// before the second reading. So nothing the test itself builds may sit between two readings: call
    /// <see cref="Retained"/> in a statement of its own (<c>int bytes = HeapMeter.Retained(x);</c>) and build the message
    /// afterwards; a string literal passed in the same call is a live 12 B object when the heap is read. The host twin
    /// fails a test that builds anything between its readings.
    /// </remarks>
    public static class HeapMeter
    {
        /// <summary>Returned by <see cref="RunHot"/> where transient allocations cannot be counted (on the device).</summary>
        public const int NotMeasured = -1;

        private static uint _baselineFreeBytes;

        /// <summary>
        /// Settles the heap and takes the baseline for <see cref="Retained"/>. <paramref name="keptAlive"/> names what the
        /// test already holds (null for nothing); the device counts everything alive.
        /// </summary>
        public static void Begin(object keptAlive)
        {
            _baselineFreeBytes = Settle();
        }

        /// <summary>
        /// Bytes allocated since <see cref="Begin"/> that are still alive. <paramref name="keptAlive"/> names what the test
        /// keeps alive (it must also be held by a static field); the device counts everything alive.
        /// </summary>
        public static int Retained(object keptAlive)
        {
            uint free = Settle();
            return (int)_baselineFreeBytes - (int)free;
        }

        /// <summary>
        /// Runs <paramref name="operation"/> once to warm up, then <paramref name="calls"/> times. Returns the bytes each call
        /// allocated where they can be counted, <see cref="NotMeasured"/> on the device.
        /// </summary>
        public static int RunHot(HeapOperation operation, int calls)
        {
            operation();
            for (int i = 0; i < calls; i++)
            {
                operation();
            }

            return NotMeasured;
        }

        // Two collections: the first may queue finalizers whose objects only the second frees.
        private static uint Settle()
        {
            nanoFramework.Runtime.Native.GC.Run(true);
            return nanoFramework.Runtime.Native.GC.Run(true);
        }
    }
}
