using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Compatibility
{
    /// <summary>Every device assembly keeps to the nanoFramework 1.x API its packages.config allows, with no generics.</summary>
    public class DeviceAssemblyCompatibilityTests
    {
        private readonly ITestOutputHelper _output;

        public DeviceAssemblyCompatibilityTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> Assemblies() => DeviceBuilds.ProjectFolders.Keys.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void DeviceAssembly_UsesOnlyTheListedApi(string assemblyName)
        {
            var report = DeviceBuilds.Check(assemblyName);

            _output.WriteLine(report.ToString());
            foreach (var lowering in report.Lowerings)
            {
                _output.WriteLine("  accepted host lowering: " + lowering);
            }

            Assert.True(report.Passed, report.ToString());
        }
    }
}
