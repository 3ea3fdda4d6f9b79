using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// Transfers, bytes on the wire and garbage per operation: measured from the transaction log and the allocation
    /// ledger, and modelled for nanoCLR from nanoclr-heap.md §3b. The driver README's memory table must match.
    /// </summary>
    public class Vl6180XFootprintTests
    {
        private readonly ITestOutputHelper _output;

        public Vl6180XFootprintTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private sealed class Operation
        {
            public Operation(string name, Action<Vl6180X, Vl6180XSimulator> prepare, Action<Vl6180X> run, int transfers)
            {
                Name = name;
                Prepare = prepare;
                Run = run;
                Transfers = transfers;
            }

            public string Name { get; }

            public Action<Vl6180X, Vl6180XSimulator> Prepare { get; }

            public Action<Vl6180X> Run { get; }

            public int Transfers { get; }
        }

        private static readonly Operation[] Operations =
        {
            new Operation("Single-shot range, sample ready at the first poll", (s, c) => s.ReadRangeMillimeters(), s => s.ReadRangeMillimeters(), 2),
            new Operation("Single-shot range, first after construction (device-ready poll)", (s, c) => { }, s => s.ReadRangeMillimeters(), 3),
            new Operation("Single-shot range, no target (error 7 after ≈ 57 ms)", (s, c) => { s.ReadRangeMillimeters(); c.TargetDistanceMillimeters = null; }, s => s.TryReadRange(out _, out _), 6),
            new Operation("Continuous range: start", (s, c) => s.ReadRangeMillimeters(), s => s.StartRangeContinuous(100), 2),
            new Operation("Continuous range: read, sample waiting", (s, c) => { s.StartRangeContinuous(100); s.ReadRangeContinuousMillimeters(); Board.Clock.Advance(TimeSpan.FromMilliseconds(150)); }, s => s.ReadRangeContinuousMillimeters(), 2),
            new Operation("Continuous range: stop", (s, c) => s.StartRangeContinuous(100), s => s.StopRangeContinuous(), 1),
            new Operation("Single-shot lux, sample ready at the first poll", (s, c) => s.ReadLux(), s => s.ReadLux(), 3),
            new Operation("Interleaved: read, pair waiting", (s, c) => { s.StartInterleavedContinuous(200); s.TryReadInterleaved(out _, out _, out _, out _); Board.Clock.Advance(TimeSpan.FromMilliseconds(250)); }, s => s.TryReadInterleaved(out _, out _, out _, out _), 2),
            new Operation("AlsGain, PartToPartOffsetMillimeters or Gpio1Polarity: set", (s, c) => s.AlsGain = AlsGain.Gain5, s => s.AlsGain = AlsGain.Gain5, 1),
            new Operation("AlsIntegrationPeriodMilliseconds: set (16-bit)", (s, c) => s.AlsIntegrationPeriodMilliseconds = 50, s => s.AlsIntegrationPeriodMilliseconds = 50, 1),
            new Operation("RangeScaling: set", (s, c) => s.RangeScaling = 2, s => s.RangeScaling = 2, 5),
            new Operation("ConfigureRangeInterrupt with thresholds", (s, c) => s.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 150), s => s.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 150), 2),
            new Operation("ConfigureAlsInterrupt with thresholds", (s, c) => s.ConfigureAlsInterrupt(InterruptMode.OutOfWindow, 10, 1000), s => s.ConfigureAlsInterrupt(InterruptMode.OutOfWindow, 10, 1000), 2),
            new Operation("ClearInterrupts", (s, c) => s.ClearInterrupts(), s => s.ClearInterrupts(), 1),
            new Operation("ChangeI2cAddress", (s, c) => { }, s => s.ChangeI2cAddress(0x30), 1),
        };

        // nanoclr-heap.md §3b, §3d: garbage per call through System.Device.I2c 1.1.29 with byte[] field buffers and the result
        // handed straight to a static checker (the floor for WriteRead).
        private static int ModelledGarbage(I2cMethod method) => method switch
        {
            I2cMethod.WriteRead => 300,
            I2cMethod.Write => 252,
            I2cMethod.Read => 252,
            I2cMethod.WriteByte => 204,
            I2cMethod.ReadByte => 180,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        private static string Row(string name, I2cTransaction[] transfers, long hostBytes) =>
            $"| {name} | {transfers.Length} | {transfers.Sum(t => t.WireBytes)} | {transfers.Sum(t => ModelledGarbage(t.Method))} | {hostBytes} |";

        private static (I2cTransaction[] Transfers, long HostBytes) Measure(Operation operation)
        {
            Vl6180XSimulator chip = Vl6180XRig.PowerUp();
            Vl6180X sensor = Vl6180XRig.Open();
            operation.Prepare(sensor, chip);
            Board.I2cLog.Clear();
            long bytes = AllocationLedger.DriverBytes(() => operation.Run(sensor));
            return (Vl6180XRig.Transfers(), bytes);
        }

        private static (I2cTransaction[] Transfers, long HostBytes) MeasureConstruction(bool fresh)
        {
            Vl6180XRig.PowerUp();
            if (!fresh)
            {
                Vl6180XRig.Open().Dispose();
            }

            System.Device.I2c.I2cDevice device = Vl6180XRig.Device();
            Board.I2cLog.Clear();
            Vl6180X sensor = null;
            long bytes = AllocationLedger.DriverBytes(() => sensor = new Vl6180X(device));
            GC.KeepAlive(sensor);
            return (Vl6180XRig.Transfers(), bytes);
        }

        private static string[] Rows()
        {
            var rows = new List<string>();
            (I2cTransaction[] fresh, long freshBytes) = MeasureConstruction(fresh: true);
            rows.Add(Row("Construction, fresh out of reset (AN4545 settings)", fresh, freshBytes));
            (I2cTransaction[] again, long againBytes) = MeasureConstruction(fresh: false);
            rows.Add(Row("Construction, sensor already initialised", again, againBytes));
            foreach (Operation operation in Operations)
            {
                (I2cTransaction[] transfers, long bytes) = Measure(operation);
                rows.Add(Row(operation.Name, transfers, bytes));
            }

            return rows.ToArray();
        }

        // The same figures for the footprint report, units in the header: artifacts/footprint/vl6180x-operations.csv.
        private static void WriteCsv(string[] rows)
        {
            string folder = Path.Combine(Vl6180XRig.RepoRoot(), "artifacts", "footprint");
            Directory.CreateDirectory(folder);
            var csv = new StringBuilder("operation,i2c_transfers,wire_bytes,nanoclr_garbage_modelled_bytes,host_driver_allocated_bytes\n");
            foreach (string row in rows)
            {
                string[] cells = row.Trim('|', ' ').Split(" | ");
                csv.Append('"').Append(cells[0].Replace("\"", "\"\"")).Append('"');
                csv.Append(',').Append(string.Join(",", cells.Skip(1))).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, "vl6180x-operations.csv"), csv.ToString());
        }

        // nanoclr-heap.md §2: an object is 12 bytes per field plus a 12-byte header; a byte[L] is 12 × ceil((20 + L) / 12).
        private static (int Fields, int Instance, int Buffers) ModelledInstance()
        {
            Vl6180XRig.PowerUp();
            using Vl6180X sensor = Vl6180XRig.Open();
            FieldInfo[] fields = typeof(Vl6180X).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            int buffers = fields
                .Where(f => f.FieldType == typeof(byte[]))
                .Select(f => ((byte[])f.GetValue(sensor)).Length)
                .Sum(length => 12 * (int)Math.Ceiling((20 + length) / 12.0));
            return (fields.Length, 12 * (1 + fields.Length), buffers);
        }

        [Fact]
        public void TransferCounts_PerOperation_AreTheTargets()
        {
            foreach (Operation operation in Operations)
            {
                Assert.True(operation.Transfers == Measure(operation).Transfers.Length, operation.Name);
            }

            // 3 identification reads, 30 private settings one per transfer, 8 recommended-settings writes.
            Assert.Equal(41, MeasureConstruction(fresh: true).Transfers.Length);

            // 4 reads, the stop of both channels (3 writes), device-ready polls, the interrupt clear, 4 settings reads.
            Assert.Equal(13, MeasureConstruction(fresh: false).Transfers.Length);
        }

        [Fact]
        public void HostAllocation_EveryOperationButTheAddressChange_IsZero()
        {
            foreach (Operation operation in Operations.Where(o => o.Name != "ChangeI2cAddress"))
            {
                Assert.True(Measure(operation).HostBytes == 0, operation.Name);
            }
        }

        [Fact]
        public void Readme_MemoryTable_MatchesTheMeasurements()
        {
            string[] rows = Rows();
            (int fields, int instance, int buffers) = ModelledInstance();
            string instanceLine = $"{instance} B for the instance ({fields} fields) and {buffers} B for its seven buffers";
            var report = new StringBuilder();
            report.AppendLine("| Operation | I2C transfers | Bytes on the wire | nanoCLR garbage, modelled (B) | Host driver allocation, measured (B) |");
            report.AppendLine("|---|--:|--:|--:|--:|");
            foreach (string row in rows)
            {
                report.AppendLine(row);
            }

            report.AppendLine();
            report.AppendLine(instanceLine);
            _output.WriteLine(report.ToString());
            WriteCsv(rows);

            string readme = File.ReadAllText(Path.Combine(Vl6180XRig.RepoRoot(), "Drivers.VL6180X", "README.md"));
            foreach (string row in rows)
            {
                Assert.True(readme.Contains(row), "README.md lacks the measured row:\n" + row);
            }

            Assert.True(readme.Contains(instanceLine), "README.md lacks: " + instanceLine);
        }
    }
}
