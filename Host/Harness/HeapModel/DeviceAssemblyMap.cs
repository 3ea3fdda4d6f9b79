using System;

namespace Harness.HeapModel
{
    /// <summary>
    /// Which nanoFramework 1.x assembly defines a type. The host build compiles device code against the .NET base library
    /// and one stand-in assembly; the device build references mscorlib and one assembly per package. The rules follow the
    /// API listings in Host/ApiListings (a test holds them to every type listed there).
    /// </summary>
    public static class DeviceAssemblyMap
    {
        public const string CoreLibrary = "mscorlib";

        private static readonly (string Type, string Assembly)[] Types =
        {
            ("System.Environment", "nanoFramework.Runtime.Native"),
            ("System.Math", "System.Math"),
            ("System.Diagnostics.Stopwatch", "System.Diagnostics.Stopwatch"),
            ("System.Device.DelayHelper", "System.Diagnostics.Stopwatch"),
            ("System.Device.Gpio.GpioPulseCount", "nanoFramework.Hardware.Esp32"),
            ("System.Device.Gpio.GpioPulseCounter", "nanoFramework.Hardware.Esp32"),
            ("System.Device.Gpio.GpioPulsePolarity", "nanoFramework.Hardware.Esp32"),
            ("System.Text.Decoder", "nanoFramework.System.Text"),
            ("System.Text.Encoding", "nanoFramework.System.Text"),
            ("System.Text.StringBuilder", "nanoFramework.System.Text"),
            ("System.Text.UTF8Encoding", "nanoFramework.System.Text"),
        };

        private static readonly (string Namespace, string Assembly)[] Namespaces =
        {
            ("System.Device.I2c", "System.Device.I2c"),
            ("System.Device.Gpio", "System.Device.Gpio"),
            ("System.Device.Adc", "System.Device.Adc"),
            ("System.Buffers.Binary", "System.Buffers.Binary.BinaryPrimitives"),
            ("nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32"),
            ("nanoFramework.Runtime.Native", "nanoFramework.Runtime.Native"),
            ("nanoFramework.Runtime.Events", "nanoFramework.Runtime.Events"),
            ("nanoFramework.TestFramework", "nanoFramework.TestFramework"),
            ("TestFrameworkShared", "nanoFramework.TestFramework"),
        };

        /// <summary>The device assembly of a top-level type given by namespace and name.</summary>
        public static string For(string ns, string name)
        {
            string full = string.IsNullOrEmpty(ns) ? name : ns + "." + name;
            foreach ((string type, string assembly) in Types)
            {
                if (full == type)
                {
                    return assembly;
                }
            }

            foreach ((string space, string assembly) in Namespaces)
            {
                if (ns == space || (ns ?? string.Empty).StartsWith(space + ".", StringComparison.Ordinal))
                {
                    return assembly;
                }
            }

            return CoreLibrary;
        }

        /// <summary>
        /// Whether a host assembly reference stands for nanoFramework platform assemblies (the .NET base library or the
        /// stand-in), so its types are mapped with <see cref="For"/>; other references (device assemblies) keep their name.
        /// </summary>
        public static bool IsPlatformReference(string assemblyName) =>
            assemblyName == Counterparts.StandInAssembly || assemblyName == "netstandard" || assemblyName == "mscorlib" ||
            assemblyName == "System" || assemblyName.StartsWith("System.", StringComparison.Ordinal);
    }
}
