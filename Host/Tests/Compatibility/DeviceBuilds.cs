using System;
using System.Collections.Generic;
using System.IO;
using Harness.Compatibility;

namespace HostTests.Compatibility
{
    /// <summary>The host builds of the device projects (in this test run's output folder) and their project folders.</summary>
    public static class DeviceBuilds
    {
        /// <summary>Assembly name → device project folder (relative to the repository root).</summary>
        public static readonly IReadOnlyDictionary<string, string> ProjectFolders = new Dictionary<string, string>
        {
            ["Drivers.VL6180X"] = "Drivers.VL6180X",
            ["Drivers.Mcp23008"] = "Drivers.Mcp23008",
            ["Drivers.FlowMeter"] = "Drivers.FlowMeter",
            ["Samples.Irrigation"] = "Samples.Irrigation",
            ["Samples.Irrigation.Firmware"] = "Samples.Irrigation/Firmware",
            ["NFUnitTest"] = "Tests",
        };

        public static string RepositoryRoot => HostTests.Foundation.RepoPaths.Root;

        private static readonly Lazy<ApiListings> LazyListings = new Lazy<ApiListings>(() => ApiListings.ForRepository(RepositoryRoot));

        public static ApiListings Listings => LazyListings.Value;

        public static string AssemblyPath(string assemblyName) => Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");

        public static DeviceProject Project(string assemblyName) =>
            DeviceProject.Load(Path.Combine(RepositoryRoot, ProjectFolders[assemblyName]));

        public static CompatibilityReport Check(string assemblyName) =>
            CompatibilityCheck.Check(AssemblyPath(assemblyName), Project(assemblyName), Listings);
    }
}
