using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Harness.HeapModel;
using Samples.Irrigation;
using VirtualBoard;

namespace HostIrrigation
{
    /// <summary>
    /// The end-of-run memory summary. On the device the firmware cannot see its own I2C transfers, so the host counts
    /// them from the board's transaction log and prices them with the nanoCLR model: §3b per-call garbage, retained
    /// object graphs sized by the heap walker, assembly-load RAM by §3c. Every figure says whether it is a model or
    /// a host figure.
    /// </summary>
    public sealed class MemoryReport
    {
        /// <summary>Managed heap assumed for the GC estimate: a plain ESP32-WROOM (nanoclr-heap.md §5).</summary>
        public const int HeapBytes = 80 * 1024;

        /// <summary>Heap in use before Main on the measurement build (nanoclr-heap.md §3): runtime and core assemblies.</summary>
        public const int RuntimeBaselineBytes = 6200;

        private const int OlatRegister = 0x0A; // MCP23008 OLAT (DS21919 Table 1-2)

        private static readonly I2cMethod[] Methods = { I2cMethod.WriteRead, I2cMethod.Write, I2cMethod.Read, I2cMethod.WriteByte, I2cMethod.ReadByte };

        private MemoryReport()
        {
        }

        /// <summary>I2C transfers counted in the transaction log, by <c>I2cDevice</c> method.</summary>
        public IReadOnlyDictionary<I2cMethod, int> TransfersByMethod { get; private set; }

        public int Transfers => TransfersByMethod.Values.Sum();

        /// <summary>Bytes on the wire, address bytes included (host figure).</summary>
        public int WireBytes { get; private set; }

        /// <summary>Simulated time the measured stretch took, in ms.</summary>
        public long SimulatedMilliseconds { get; private set; }

        public double SimulatedMinutes => SimulatedMilliseconds / 60000.0;

        /// <summary>nanoCLR garbage of the transfers: §3b per-call floor by method (model figure).</summary>
        public int I2cGarbageBytes { get; private set; }

        /// <summary>Transfers made while a valve was open (between the OLAT writes that open and close it).</summary>
        public IReadOnlyList<I2cMethod> OpenValveTransfers { get; private set; }

        /// <summary>Simulated time valves were open, in ms.</summary>
        public long OpenValveMilliseconds { get; private set; }

        /// <summary>The log lines' strings, sized as nanoCLR strings (model figure; string literals not included).</summary>
        public int LogLineBytes { get; private set; }

        public int LogLines { get; private set; }

        /// <summary>Retained bytes of each driver instance, its I2cDevice or pulse counter included (model figures).</summary>
        public IReadOnlyList<KeyValuePair<string, int>> DriverBytes { get; private set; }

        /// <summary>Retained bytes of the controller, the hardware classes and the settings, drivers excluded (model figure).</summary>
        public int ControllerBytes { get; private set; }

        /// <summary>Objects the walker could not size (named in <see cref="LeftOut"/>).</summary>
        public IReadOnlyList<string> LeftOut { get; private set; }

        /// <summary>RAM each device assembly reserves when it loads (model figures, §3c).</summary>
        public IReadOnlyList<KeyValuePair<string, int>> AssemblyLoadBytes { get; private set; }

        public double I2cTransfersPerMinute => SimulatedMinutes > 0 ? Transfers / SimulatedMinutes : 0;

        /// <summary>ESP32 pulse-counter reads the flow meter made (host figure).</summary>
        public long PulseCounterReads { get; private set; }

        /// <summary>nanoCLR garbage of those reads: 108 B each, the native GpioPulseCount and the library's two clones (§3d, measured).</summary>
        public int PulseCounterGarbageBytes => (int)(PulseCounterReads * PlatformFloor.PulseCounterRead);

        public double GarbagePerMinute => SimulatedMinutes > 0 ? (I2cGarbageBytes + PulseCounterGarbageBytes + LogLineBytes) / SimulatedMinutes : 0;

        /// <summary>Heap left for garbage: the heap less the runtime baseline, the loaded assemblies and the retained objects.</summary>
        public int FreeHeapBytes => HeapBytes - RuntimeBaselineBytes - AssemblyLoadBytes.Sum(a => a.Value) - DriverBytes.Sum(d => d.Value) - ControllerBytes;

        /// <summary>Minutes between two garbage collections at <see cref="GarbagePerMinute"/>.</summary>
        public double MinutesBetweenCollections => GarbagePerMinute > 0 ? FreeHeapBytes / GarbagePerMinute : double.PositiveInfinity;

        /// <summary>Prices the transfers and log lines of a stretch of firmware work and sizes what the firmware retains.</summary>
        /// <param name="controller">The controller.</param>
        /// <param name="hardware">Its hardware.</param>
        /// <param name="transfers">The transaction-log entries of the stretch.</param>
        /// <param name="simulatedMilliseconds">How long the stretch took in simulated time.</param>
        /// <param name="logLines">The log lines the stretch printed.</param>
        /// <param name="pulseCounterReads">ESP32 pulse-counter reads during the stretch (<see cref="Board.PulseCounterReads"/>).</param>
        public static MemoryReport Measure(IrrigationController controller, IrrigationHardware hardware, IReadOnlyList<I2cTransaction> transfers,
            long simulatedMilliseconds, IReadOnlyList<string> logLines, long pulseCounterReads = 0)
        {
            var report = new MemoryReport
            {
                TransfersByMethod = Methods.ToDictionary(m => m, m => transfers.Count(t => t.Method == m)),
                WireBytes = transfers.Sum(t => t.WireBytes),
                SimulatedMilliseconds = simulatedMilliseconds,
                I2cGarbageBytes = PlatformFloor.ForCalls(transfers.Select(t => t.Method)),
                LogLines = logLines.Count,
                LogLineBytes = logLines.Sum(NanoClr.String),
                PulseCounterReads = pulseCounterReads,
            };

            report.MeasureOpenValveWindows(transfers);
            var drivers = new List<KeyValuePair<string, int>>();
            var reached = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var leftOut = new List<string>();
            void Driver(string name, object driver)
            {
                if (driver == null)
                {
                    drivers.Add(new KeyValuePair<string, int>(name + " (not present)", 0));
                    return;
                }

                HeapReport r = HeapWalker.Measure(new[] { new HeapRoot(name, driver) }, reached);
                drivers.Add(new KeyValuePair<string, int>(name, r.TotalBytes));
                reached.UnionWith(r.Reached);
                leftOut.AddRange(r.LeftOut.Select(l => l.ToString()));
            }

            Driver("Mcp23008", hardware.Expander);
            Driver("Vl6180X", hardware.RangeSensor);
            Driver("FlowMeter", hardware.FlowMeter);
            report.DriverBytes = drivers;

            HeapReport rest = HeapWalker.Measure(new[] { new HeapRoot("controller", controller), new HeapRoot("hardware", hardware) }, reached);
            report.ControllerBytes = rest.TotalBytes;
            leftOut.AddRange(rest.LeftOut.Select(l => l.ToString()));
            report.LeftOut = leftOut;

            report.AssemblyLoadBytes = new[] { hardware.Expander.GetType(), typeof(Drivers.VL6180X.Vl6180X), hardware.FlowMeter.GetType(), typeof(IrrigationController) }
                .Select(t => t.Assembly)
                .Select(a => new KeyValuePair<string, int>(a.GetName().Name, AssemblyLoadModel.FromAssembly(a).TotalBytes))
                .ToList();
            return report;
        }

        // The transfers between each valve-opening OLAT write and the closing one: the steady cost of a minute of watering.
        private void MeasureOpenValveWindows(IReadOnlyList<I2cTransaction> transfers)
        {
            var inside = new List<I2cMethod>();
            long openTicks = 0;
            long openedAt = -1;
            foreach (I2cTransaction t in transfers)
            {
                bool olatWrite = t.Address == IrrigationHardware.ExpanderAddress && t.Method == I2cMethod.Write && t.Written.Length == 2 && t.Written[0] == OlatRegister;
                if (olatWrite && t.Written[1] != 0 && openedAt < 0)
                {
                    openedAt = t.TimeTicks;
                }
                else if (olatWrite && t.Written[1] == 0 && openedAt >= 0)
                {
                    openTicks += t.TimeTicks - openedAt;
                    openedAt = -1;
                }
                else if (openedAt >= 0)
                {
                    inside.Add(t.Method);
                }
            }

            OpenValveTransfers = inside;
            OpenValveMilliseconds = openTicks / TimeSpan.TicksPerMillisecond;
        }

        /// <summary>Writes the summary.</summary>
        public void Write(TextWriter output)
        {
            output.WriteLine("Memory summary (\"model\": nanoCLR heap model of Host/Harness, from nanoclr-heap.md; \"host\": counted on the virtual board)");
            string byMethod = string.Join(", ", TransfersByMethod.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"));
            output.WriteLine($"  I2C transfers (host, transaction log): {Transfers} in {SimulatedMinutes:0.0} simulated min = {I2cTransfersPerMinute:0.0} per minute ({byMethod}); {WireBytes} bytes on the wire");
            output.WriteLine($"  their garbage (model, §3b/§3d per call: WriteRead {PlatformFloor.WriteRead} B, Write {PlatformFloor.Write} B, Read {PlatformFloor.Read} B, " +
                $"WriteByte {PlatformFloor.WriteByte} B, ReadByte {PlatformFloor.ReadByte} B): {I2cGarbageBytes} B = {PerMinute(I2cGarbageBytes)} B per minute");
            if (OpenValveMilliseconds > 0)
            {
                double minutes = OpenValveMilliseconds / 60000.0;
                int garbage = PlatformFloor.ForCalls(OpenValveTransfers);
                string kinds = string.Join(", ", Methods.Select(m => (m, n: OpenValveTransfers.Count(x => x == m))).Where(p => p.n > 0).Select(p => $"{p.m} {p.n / minutes:0.0}"));
                output.WriteLine($"  while a valve was open: {OpenValveTransfers.Count / minutes:0.0} transfers per minute ({kinds}) = {garbage / minutes:0} B of garbage per minute (model)");
            }

            output.WriteLine($"  pulse-counter reads (host): {PulseCounterReads}, {PlatformFloor.PulseCounterRead} B each = {PulseCounterGarbageBytes} B (model, §3d: the native GpioPulseCount and the library's two clones)");
            output.WriteLine($"  log lines (model, the strings only): {LogLines} lines, {LogLineBytes} B = {PerMinute(LogLineBytes)} B per minute");
            output.WriteLine("  retained (model, object graphs):");
            foreach (KeyValuePair<string, int> driver in DriverBytes)
            {
                output.WriteLine($"    {driver.Key,-40} {driver.Value,6} B");
            }

            output.WriteLine($"    {"controller, hardware classes, settings",-40} {ControllerBytes,6} B");
            output.WriteLine("  assembly load (model, §3c): " + string.Join(", ", AssemblyLoadBytes.Select(a => $"{a.Key} {a.Value} B")));
            string interval = double.IsInfinity(MinutesBetweenCollections) ? "never" : $"about every {MinutesBetweenCollections:0} minutes";
            output.WriteLine($"  heap: {HeapBytes / 1024} KB (plain ESP32-WROOM) - {RuntimeBaselineBytes} B runtime baseline - the above = {FreeHeapBytes} B for garbage;");
            output.WriteLine($"        at {GarbagePerMinute:0} B per minute (I2C + pulse-counter reads + log lines) the GC runs {interval} while watering");
            output.WriteLine("  not counted: string literals (12 B per use); see the footprint report");
            if (LeftOut.Count > 0)
            {
                output.WriteLine($"  left out of the model: {string.Join("; ", LeftOut.Distinct())}");
            }
        }

        private long PerMinute(int bytes) => SimulatedMinutes > 0 ? (long)Math.Round(bytes / SimulatedMinutes) : 0;
    }
}
