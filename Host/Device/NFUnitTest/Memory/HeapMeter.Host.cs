// Host build of Tests/Memory/HeapMeter.cs: the same members, measured with the nanoCLR heap model instead of GC.Run.
// Compiled into the host NFUnitTest in place of the device file; it reaches the harness only through HostSeams.
namespace NFUnitTest.Memory
{
    /// <summary>An operation whose heap use is measured.</summary>
    public delegate void HeapOperation();

    /// <summary>Host implementation of the device tests' heap meter (see Tests/Memory/HeapMeter.cs).</summary>
    public static class HeapMeter
    {
        /// <summary>Returned by <see cref="RunHot"/> where transient allocations cannot be counted (on the device).</summary>
        public const int NotMeasured = -1;

        /// <summary>Takes the baseline: what <paramref name="keptAlive"/> and the static roots reach now.</summary>
        public static void Begin(object keptAlive)
        {
            HostSeams.NanoHeapMeter.Begin(keptAlive);
        }

        /// <summary>nanoCLR model bytes of what <paramref name="keptAlive"/> and the static roots reach that is new since <see cref="Begin"/>.</summary>
        public static int Retained(object keptAlive)
        {
            return HostSeams.NanoHeapMeter.Retained(keptAlive);
        }

        /// <summary>Runs the operation once to warm up, then <paramref name="calls"/> times; returns the .NET bytes the device code allocated per call.</summary>
        public static int RunHot(HeapOperation operation, int calls)
        {
            return HostSeams.NanoHeapMeter.TransientBytesPerCall(operation.Invoke, calls);
        }
    }
}
