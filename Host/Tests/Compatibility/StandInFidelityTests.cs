using System;
using System.IO;
using System.Linq;
using Harness.Compatibility;
using Xunit;
using Xunit.Abstractions;

namespace HostTests.Compatibility
{
    /// <summary>
    /// The stand-in offers nothing the device lacks: every public or protected member it declares in a device
    /// namespace (System.*, nanoFramework.*, TestFrameworkShared) is in some nanoFramework 1.x listing. Otherwise device
    /// code could compile and pass on the host against a member that does not exist on the ESP32.
    /// </summary>
    public class StandInFidelityTests
    {
        private readonly ITestOutputHelper _output;

        public StandInFidelityTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static bool IsDeviceNamespace(string ns) =>
            ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
            || ns == "nanoFramework" || ns.StartsWith("nanoFramework.", StringComparison.Ordinal)
            || ns == "TestFrameworkShared";

        [Fact]
        public void StandIn_DeclaresNoMemberTheListingsLack()
        {
            var surface = PublicSurface.Of(Path.Combine(AppContext.BaseDirectory, "nanoFramework.StandIn.dll"), IsDeviceNamespace);
            var extra = surface.Where(id => !DeviceBuilds.Listings.Containing(id).Any()).ToList();

            _output.WriteLine($"{surface.Count} public members in device namespaces; {extra.Count} not in any listing:");
            extra.ForEach(_output.WriteLine);

            Assert.True(surface.Count > 100, "the stand-in surface was not read");
            Assert.True(extra.Count == 0, "The stand-in offers what nanoFramework 1.x lacks:\n  " + string.Join("\n  ", extra));
        }

        [Fact]
        public void PublicSurface_NamesAMemberTheListingsLack()
        {
            const string source = @"
namespace System.Device.I2c
{
    public class I2cDevice
    {
        public void WriteByte(byte value) { }
        public int WriteAsync(byte[] buffer) => 0;
        protected int Pending { get; set; }
        internal void Hidden() { }
    }
}";
            var surface = PublicSurface.Of(DeviceCompiler.Compile("Fake.I2c", source), IsDeviceNamespace);
            var extra = surface.Where(id => !DeviceBuilds.Listings.Containing(id).Any()).ToList();

            Assert.Equal(new[] { "M:System.Device.I2c.I2cDevice.#ctor", "M:System.Device.I2c.I2cDevice.WriteAsync(System.Byte[])", "P:System.Device.I2c.I2cDevice.Pending" }, extra);
        }
    }
}
