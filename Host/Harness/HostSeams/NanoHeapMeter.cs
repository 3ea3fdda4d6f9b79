using System;
using System.Collections;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Linq;
using System.Reflection;
using Harness.HeapModel;
using VirtualBoard;

namespace HostSeams
{
    /// <summary>
    /// A host seam: the host implementation of the device tests' heap meter (Tests/Memory/HeapMeter.cs on the device,
    /// Host/Device/NFUnitTest/Memory/HeapMeter.Host.cs on the host) calls only this type.
    /// <para>Retained bytes: where the device subtracts two <c>GC.Run</c> readings, the host sizes, with the nanoCLR model,
    /// every object reachable from what the test keeps alive and from the static roots (the statics of every device assembly
    /// and the runtime's table of open GPIO pins) that was not reachable at <see cref="Begin"/>.</para>
    /// <para>Transient bytes: the .NET bytes the device code allocated, counted exactly by the runtime's per-thread
    /// allocation counter (stand-in and simulator allocations excluded), plus what GPIO handlers allocated.</para>
    /// </summary>
    public static class NanoHeapMeter
    {
        private static readonly object Sync = new object();
        private static IReadOnlySet<object> _baseline = new HashSet<object>();

        /// <summary>What the last <see cref="Retained"/> counted and left out (for a failing test's message).</summary>
        public static HeapReport LastReport { get; private set; }

        /// <summary>Takes the baseline: everything reachable now from what the test holds and from the static roots.</summary>
        public static void Begin(object keptAlive)
        {
            lock (Sync)
            {
                _baseline = HeapWalker.Measure(Roots(keptAlive), null).Reached;
            }
        }

        /// <summary>
        /// Model bytes of the objects that are reachable now and were not at <see cref="Begin"/>. Throws when the calling
        /// test builds anything between its baseline and this reading (<see cref="ReadingWindow"/>): on a real nanoCLR that
        /// would count against the subject.
        /// </summary>
        public static int Retained(object keptAlive)
        {
            ReadingWindow.Check(ReadingWindow.Caller());
            lock (Sync)
            {
                LastReport = HeapWalker.Measure(Roots(keptAlive), _baseline);
                return LastReport.TotalBytes;
            }
        }

        /// <summary>
        /// Runs <paramref name="operation"/> once to warm up, then <paramref name="calls"/> times, and returns the .NET bytes
        /// the device code allocated per call, rounded up (so any allocation shows as at least 1).
        /// </summary>
        public static int TransientBytesPerCall(Action operation, int calls)
        {
            if (calls <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(calls), calls, "At least one call.");
            }

            operation();
            Board.Events.WaitUntilIdle();
            long handlerBefore = Board.Events.HandlerAllocatedBytes;
            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < calls; i++)
                {
                    operation();
                }
            });
            Board.Events.WaitUntilIdle();
            bytes += Board.Events.HandlerAllocatedBytes - handlerBefore;
            return (int)((bytes + calls - 1) / calls);
        }

        private static List<HeapRoot> Roots(object keptAlive)
        {
            var roots = new List<HeapRoot> { new HeapRoot("kept", keptAlive) };
            roots.AddRange(StaticRoots());
            return roots;
        }

        /// <summary>The static roots: statics of the loaded device assemblies and the open GPIO pins.</summary>
        public static IReadOnlyList<HeapRoot> StaticRoots()
        {
            var roots = new List<HeapRoot>();
            foreach (Assembly assembly in HeapPolicy.LoadedDeviceAssemblies())
            {
                roots.AddRange(HeapWalker.StaticRoots(assembly));
            }

            // nanoFramework keeps every open pin in static lists of System.Device.Gpio; the stand-in keeps them here.
            FieldInfo openPins = typeof(GpioController).GetField("OpenPins", BindingFlags.NonPublic | BindingFlags.Static);
            if (openPins?.GetValue(null) is Hashtable table)
            {
                lock (table)
                {
                    foreach (DictionaryEntry entry in table.Cast<DictionaryEntry>().OrderBy(e => e.Key))
                    {
                        roots.Add(new HeapRoot($"open GPIO pin {entry.Key}", entry.Value));
                    }
                }
            }

            return roots;
        }
    }
}
