using System.Collections.Generic;

namespace Harness.Footprint
{
    /// <summary>Where and with what the figures were made; printed first in every report.</summary>
    public sealed class FootprintEnvironment
    {
        public string Commit { get; set; } = "unknown";

        public string Date { get; set; } = "unknown";

        public string Sdk { get; set; } = "unknown";

        public string HeapModel { get; set; } = global::Harness.HeapModel.NanoClr.ModelVersion;

        public string MicroPythonBuild { get; set; } = "not measured";
    }

    /// <summary>One hot operation: host measurements and the modelled nanoCLR garbage.</summary>
    public sealed class OperationFootprint
    {
        public string Name { get; set; }

        /// <summary>I2C transfers per call (host, transaction log).</summary>
        public int? Transfers { get; set; }

        /// <summary>Bytes on the wire per call, address bytes included (host, transaction log).</summary>
        public int? WireBytes { get; set; }

        /// <summary>.NET bytes the driver allocated per call (host, exact).</summary>
        public long? HostBytes { get; set; }

        /// <summary>Modelled nanoCLR garbage per call: platform floor plus the driver's own (lint).</summary>
        public int? GarbageBytes { get; set; }

        /// <summary>The platform floor share of <see cref="GarbageBytes"/>.</summary>
        public int? PlatformBytes { get; set; }

        /// <summary>The driver's own share of <see cref="GarbageBytes"/>, from the hot-path lint; null when the entry is not marked.</summary>
        public int? LintBytes { get; set; }

        public List<string> LintFindings { get; set; } = new List<string>();
    }

    /// <summary>One driver's nanoFramework figures.</summary>
    public sealed class DriverFootprint
    {
        public string Name { get; set; }

        /// <summary>nanoCLR RAM reserved when the assembly loads (model, nanoclr-heap.md §3c).</summary>
        public int? AssemblyLoadBytes { get; set; }

        /// <summary>nanoCLR bytes a constructed instance retains (model).</summary>
        public int? InstanceBytes { get; set; }

        /// <summary>nanoCLR bytes static constructors keep (model).</summary>
        public int? StaticBytes { get; set; }

        public List<OperationFootprint> Operations { get; set; } = new List<OperationFootprint>();

        /// <summary>What the model left out, budgets exceeded, operations not marked: listed under "Operations with issues".</summary>
        public List<string> Issues { get; set; } = new List<string>();
    }

    /// <summary>One driver's MicroPython figures (MicroPython/results/footprint.json).</summary>
    public sealed class MicroPythonDriver
    {
        public string Module { get; set; }

        public int? ImportPy { get; set; }

        public int? ImportMpy { get; set; }

        public int? ImportPyPlainConsts { get; set; }

        public int? ImportMpyPlainConsts { get; set; }

        public int? Instance { get; set; }

        public Dictionary<string, int?> Operations { get; set; } = new Dictionary<string, int?>();
    }

    /// <summary>The MicroPython measurement.</summary>
    public sealed class MicroPythonResults
    {
        public string Source { get; set; }

        public int BlockBytes { get; set; }

        public string Generated { get; set; }

        public List<string> Notes { get; set; } = new List<string>();

        public Dictionary<string, MicroPythonDriver> Drivers { get; set; } = new Dictionary<string, MicroPythonDriver>();
    }

    /// <summary>Everything a footprint report shows.</summary>
    public sealed class FootprintReport
    {
        public FootprintEnvironment Environment { get; set; } = new FootprintEnvironment();

        public List<DriverFootprint> Drivers { get; set; } = new List<DriverFootprint>();

        /// <summary>Null when no MicroPython results were found.</summary>
        public MicroPythonResults MicroPython { get; set; }

        /// <summary>Report-level issues (missing inputs).</summary>
        public List<string> Issues { get; set; } = new List<string>();
    }
}
