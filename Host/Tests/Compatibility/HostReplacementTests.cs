using System.IO;
using System.Linq;
using Harness.Compatibility;
using Xunit;

namespace HostTests.Compatibility
{
    /// <summary>
    /// The device halves of host replacements (device files a host build excludes, such as Tests/Memory/HeapMeter.cs)
    /// are never part of a host build, so they are compiled here on their own and held to the same check.
    /// </summary>
    public class HostReplacementTests
    {
        [Fact]
        public void HostReplacements_AreDeclaredForTheTestsProject()
        {
            DeviceProject project = DeviceBuilds.Project("NFUnitTest");

            Assert.Contains("NFUnitTest.Memory.HeapMeter", project.HostReplacementTypes);
        }

        [Fact]
        public void DeviceHalfOfEachHostReplacement_CompilesAndUsesOnlyTheListedApi()
        {
            foreach (string assemblyName in DeviceBuilds.ProjectFolders.Keys)
            {
                DeviceProject project = DeviceBuilds.Project(assemblyName);
                foreach (string file in project.HostExcludedFiles)
                {
                    using MemoryStream image = DeviceCompiler.Compile(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
                    var asDevice = new DeviceProject(project.Name, project.Packages, project.ReferencedAssemblies);

                    CompatibilityReport report = CompatibilityCheck.Check(image, asDevice, DeviceBuilds.Listings);

                    Assert.True(report.Passed, file + ": " + report);
                }
            }
        }
    }
}
