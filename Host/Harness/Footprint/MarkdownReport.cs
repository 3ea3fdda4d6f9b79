using System.Collections.Generic;
using System.Linq;
using System.Text;
using Harness.HeapModel;

namespace Harness.Footprint
{
    /// <summary>Writes the footprint report as Markdown: environment, tables, legend, what each side includes, issues.</summary>
    public static class MarkdownReport
    {
        /// <summary>The columns of both tables: name, unit and source, as the legend prints them.</summary>
        public static readonly IReadOnlyList<(string Column, string Meaning)> Legend = new[]
        {
            ("nanoCLR load", "bytes of nanoCLR heap reserved when the assembly loads: the assembly record and its cross-reference tables, 12 B per static field, struct statics boxed at load (§3c formula over the metadata row counts). **nanoCLR model**"),
            ("MP import .mpy / .py", "bytes of MicroPython heap an import of the module takes, precompiled `.mpy` or source `.py` (gc.mem_alloc delta). **MicroPython VM**"),
            ("nanoCLR instance", "bytes a constructed driver retains, its I2cDevice, pins and buffers included (heap model over the object graph). **nanoCLR model**"),
            ("MP instance", "bytes a constructed MicroPython driver retains. **MicroPython VM**"),
            ("nanoCLR static", "bytes static constructors keep (objects referenced by static fields; their 12 B slots are in the load figure). **nanoCLR model**"),
            ("I2C transfers", "I2C transfers per call, from the virtual board's transaction log. **host measurement**"),
            ("wire bytes", "bytes on the I2C wire per call, address bytes included. **host measurement**"),
            ("host bytes/op", ".NET bytes the driver's own code allocated per call, counted exactly by the runtime (0 means none). **host measurement**"),
            ("nanoCLR garbage/op", "bytes of nanoCLR garbage per call = platform floor + driver's own. **nanoCLR model**"),
            ("platform floor", $"what nanoFramework 1.x leaves per call whatever the driver does, each figure measured on a real 32-bit nanoCLR (§3b, §3d): per I2C call {PlatformFloor.WriteRead} (WriteRead), {PlatformFloor.Write} (Write), {PlatformFloor.Read} (Read), {PlatformFloor.WriteByte} (WriteByte), {PlatformFloor.ReadByte} (ReadByte); {PlatformFloor.GpioEdge} per GPIO edge delivered to a handler; {PlatformFloor.PulseCounterRead} per ESP32 pulse-counter read (the GpioPulseCount the native code returns and the library's two clones). **nanoCLR model**"),
            ("driver's own", "garbage of the driver's own code on the hot path, from the IL lint (0 = at the floor). **nanoCLR model**"),
            ("MP bytes/call", "bytes MicroPython allocates per call (gc.mem_alloc delta over many calls). **MicroPython VM**"),
            ("ratio", "nanoCLR figure ÷ MicroPython figure; NA where a side is missing or zero."),
        };

        /// <summary>What the figures of each side include.</summary>
        public static readonly IReadOnlyList<string> SideNotes = new[]
        {
            "nanoFramework assemblies execute from flash: IL, strings, signatures and resources stay in the `.pe` (memory-mapped on the ESP32); loading reserves only the assembly record counted here. Constants cost nothing.",
            "A MicroPython `.py` import compiles the source on the device, so the bytecode, the module's dictionary and every new name (qstr) land in RAM; a `.mpy` import loads precompiled bytecode into RAM (fewer qstrs); a frozen module keeps its bytecode in flash and would cost roughly only its runtime objects.",
            "Heap blocks differ: nanoCLR allocates in 12-byte blocks, MicroPython's GC in 16-byte blocks (32-bit builds). Both sides are 32-bit figures.",
            "nanoCLR garbage is modelled, not measured: GC.Run deltas on the device cannot see garbage. The device memory tests measure instance and retained bytes with GC.Run.",
        };

        public static string Write(FootprintReport report)
        {
            IReadOnlyList<DriverRow> rows = ReportRows.Build(report);
            var md = new StringBuilder();
            md.Append("# Footprint: nanoFramework (nanoCLR model) and MicroPython side by side\n\n");

            FootprintEnvironment env = report.Environment;
            md.Append("| Environment | |\n|---|---|\n");
            md.Append($"| Commit | {Cell(env.Commit)} |\n");
            md.Append($"| Date | {Cell(env.Date)} |\n");
            md.Append($"| SDK | {Cell(env.Sdk)} |\n");
            md.Append($"| Heap model | {Cell(env.HeapModel)} |\n");
            md.Append($"| MicroPython build | {Cell(env.MicroPythonBuild)} |\n\n");

            md.Append("All figures are bytes. Per driver:\n\n");
            md.Append("| Driver | nanoCLR load | MP import .mpy | ratio | MP import .py | ratio | nanoCLR instance | MP instance | ratio | nanoCLR static |\n");
            md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (DriverRow row in rows)
            {
                DriverFootprint n = row.Nano;
                MicroPythonDriver m = row.Micro;
                md.Append($"| {Cell(row.Name)} | {ReportRows.Number(n?.AssemblyLoadBytes)} | {ReportRows.Number(m?.ImportMpy)} | {ReportRows.Ratio(n?.AssemblyLoadBytes, m?.ImportMpy)} | ");
                md.Append($"{ReportRows.Number(m?.ImportPy)} | {ReportRows.Ratio(n?.AssemblyLoadBytes, m?.ImportPy)} | ");
                md.Append($"{ReportRows.Number(n?.InstanceBytes)} | {ReportRows.Number(m?.Instance)} | {ReportRows.Ratio(n?.InstanceBytes, m?.Instance)} | {ReportRows.Number(n?.StaticBytes)} |\n");
            }

            if (rows.Count == 0)
            {
                md.Append("| (no driver registered yet) | NA | NA | NA | NA | NA | NA | NA | NA | NA |\n");
            }

            md.Append("\nPer hot operation (per call):\n\n");
            md.Append("| Driver | Operation | I2C transfers | wire bytes | host bytes/op | nanoCLR garbage/op | platform floor | driver's own | MP bytes/call | ratio |\n");
            md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            int operations = 0;
            foreach (OperationRow op in rows.SelectMany(r => r.Operations))
            {
                operations++;
                OperationFootprint n = op.Nano;
                md.Append($"| {Cell(op.Driver)} | {Cell(op.Name)} | {ReportRows.Number(n?.Transfers)} | {ReportRows.Number(n?.WireBytes)} | {ReportRows.Number(n?.HostBytes)} | ");
                md.Append($"{ReportRows.Number(n?.GarbageBytes)} | {ReportRows.Number(n?.PlatformBytes)} | {ReportRows.Number(n?.LintBytes)} | {ReportRows.Number(op.MicroBytes)} | {ReportRows.Ratio(n?.GarbageBytes, op.MicroBytes)} |\n");
            }

            if (operations == 0)
            {
                md.Append("| (none) | | NA | NA | NA | NA | NA | NA | NA | NA |\n");
            }

            if (rows.Any(r => r.Micro?.ImportPyPlainConsts != null || r.Micro?.ImportMpyPlainConsts != null))
            {
                md.Append("\nMicroPython register constants, `_X = const(…)` against plain `X = …` (import bytes, MicroPython VM):\n\n");
                md.Append("| Driver | .py const() | .py plain | .mpy const() | .mpy plain |\n|---|---:|---:|---:|---:|\n");
                foreach (DriverRow row in rows.Where(r => r.Micro != null))
                {
                    MicroPythonDriver m = row.Micro;
                    md.Append($"| {Cell(row.Name)} | {ReportRows.Number(m.ImportPy)} | {ReportRows.Number(m.ImportPyPlainConsts)} | {ReportRows.Number(m.ImportMpy)} | {ReportRows.Number(m.ImportMpyPlainConsts)} |\n");
                }
            }

            md.Append("\n## Legend\n\n");
            foreach ((string column, string meaning) in Legend)
            {
                md.Append($"- **{column}**: {meaning}\n");
            }

            md.Append("\n## What each side includes\n\n");
            foreach (string note in SideNotes)
            {
                md.Append($"- {note}\n");
            }

            foreach (string note in report.MicroPython?.Notes ?? new List<string>())
            {
                md.Append($"- MicroPython: {note}\n");
            }

            md.Append("\n## Operations with issues\n\n");
            List<string> issues = report.Issues.Concat(report.Drivers.SelectMany(d => d.Issues.Select(i => $"{d.Name}: {i}"))).ToList();
            if (issues.Count == 0)
            {
                md.Append("None.\n");
            }

            foreach (string issue in issues)
            {
                md.Append($"- {Cell(issue)}\n");
            }

            return md.ToString();
        }

        private static string Cell(string text) => (text ?? ReportRows.NotAvailable).Replace("|", "\\|").Replace("\n", " ");
    }
}
