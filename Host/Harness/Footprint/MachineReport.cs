using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harness.Footprint
{
    /// <summary>The same data as JSON and CSV, plain numbers with the unit in every name (null/empty where there is no figure).</summary>
    public static class MachineReport
    {
        public static string Json(FootprintReport report)
        {
            IReadOnlyList<DriverRow> rows = ReportRows.Build(report);
            var document = new
            {
                environment = new
                {
                    commit = report.Environment.Commit,
                    date = report.Environment.Date,
                    sdk = report.Environment.Sdk,
                    heapModel = report.Environment.HeapModel,
                    microPythonBuild = report.Environment.MicroPythonBuild,
                },
                sources = new
                {
                    nanoclr = "nanoCLR model (nanoclr-heap.md formulas)",
                    host = "host measurement (virtual board, .NET allocation counter)",
                    micropython = "MicroPython VM measurement (MicroPython/results/footprint.json)",
                },
                drivers = rows.Select(r => new
                {
                    name = r.Name,
                    nanoclrAssemblyLoadBytes = r.Nano?.AssemblyLoadBytes,
                    nanoclrInstanceBytes = r.Nano?.InstanceBytes,
                    nanoclrStaticBytes = r.Nano?.StaticBytes,
                    micropythonImportMpyBytes = r.Micro?.ImportMpy,
                    micropythonImportPyBytes = r.Micro?.ImportPy,
                    micropythonImportMpyPlainConstsBytes = r.Micro?.ImportMpyPlainConsts,
                    micropythonImportPyPlainConstsBytes = r.Micro?.ImportPyPlainConsts,
                    micropythonInstanceBytes = r.Micro?.Instance,
                    ratioLoadToImportMpy = RatioOrNull(r.Nano?.AssemblyLoadBytes, r.Micro?.ImportMpy),
                    ratioLoadToImportPy = RatioOrNull(r.Nano?.AssemblyLoadBytes, r.Micro?.ImportPy),
                    ratioInstance = RatioOrNull(r.Nano?.InstanceBytes, r.Micro?.Instance),
                    operations = r.Operations.Select(o => new
                    {
                        name = o.Name,
                        hostI2cTransfersPerCall = o.Nano?.Transfers,
                        hostWireBytesPerCall = o.Nano?.WireBytes,
                        hostAllocatedBytesPerCall = o.Nano?.HostBytes,
                        nanoclrGarbageBytesPerCall = o.Nano?.GarbageBytes,
                        nanoclrPlatformFloorBytesPerCall = o.Nano?.PlatformBytes,
                        nanoclrDriverOwnBytesPerCall = o.Nano?.LintBytes,
                        micropythonBytesPerCall = o.MicroBytes,
                        ratioGarbageToMicroPython = RatioOrNull(o.Nano?.GarbageBytes, o.MicroBytes),
                        lintFindings = o.Nano?.LintFindings ?? new List<string>(),
                    }),
                    issues = r.Nano?.Issues ?? new List<string>(),
                }),
                issues = report.Issues,
            };

            return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }

        public static string DriversCsv(FootprintReport report)
        {
            var csv = new StringBuilder("driver,nanoclr_assembly_load_B,nanoclr_instance_B,nanoclr_static_B,micropython_import_mpy_B,micropython_import_py_B,micropython_import_mpy_plain_consts_B,micropython_import_py_plain_consts_B,micropython_instance_B,ratio_load_to_import_mpy,ratio_load_to_import_py,ratio_instance\n");
            foreach (DriverRow r in ReportRows.Build(report))
            {
                csv.Append(string.Join(",", Field(r.Name), N(r.Nano?.AssemblyLoadBytes), N(r.Nano?.InstanceBytes), N(r.Nano?.StaticBytes), N(r.Micro?.ImportMpy),
                    N(r.Micro?.ImportPy), N(r.Micro?.ImportMpyPlainConsts), N(r.Micro?.ImportPyPlainConsts), N(r.Micro?.Instance),
                    R(r.Nano?.AssemblyLoadBytes, r.Micro?.ImportMpy), R(r.Nano?.AssemblyLoadBytes, r.Micro?.ImportPy), R(r.Nano?.InstanceBytes, r.Micro?.Instance))).Append('\n');
            }

            return csv.ToString();
        }

        public static string OperationsCsv(FootprintReport report)
        {
            var csv = new StringBuilder("driver,operation,host_i2c_transfers_per_call,host_wire_B_per_call,host_allocated_B_per_call,nanoclr_garbage_B_per_call,nanoclr_platform_floor_B_per_call,nanoclr_driver_own_B_per_call,micropython_B_per_call,ratio_garbage_to_micropython\n");
            foreach (OperationRow o in ReportRows.Build(report).SelectMany(r => r.Operations))
            {
                csv.Append(string.Join(",", Field(o.Driver), Field(o.Name), N(o.Nano?.Transfers), N(o.Nano?.WireBytes), N(o.Nano?.HostBytes), N(o.Nano?.GarbageBytes),
                    N(o.Nano?.PlatformBytes), N(o.Nano?.LintBytes), N(o.MicroBytes), R(o.Nano?.GarbageBytes, o.MicroBytes))).Append('\n');
            }

            return csv.ToString();
        }

        private static double? RatioOrNull(long? nano, long? micro)
        {
            string ratio = ReportRows.Ratio(nano, micro);
            return ratio == ReportRows.NotAvailable ? (double?)null : double.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string N(long? value) => value.HasValue ? ReportRows.Number(value) : string.Empty;

        private static string R(long? nano, long? micro)
        {
            string ratio = ReportRows.Ratio(nano, micro);
            return ratio == ReportRows.NotAvailable ? string.Empty : ratio;
        }

        private static string Field(string text) => text != null && (text.Contains(',') || text.Contains('"')) ? "\"" + text.Replace("\"", "\"\"") + "\"" : text ?? string.Empty;
    }
}
