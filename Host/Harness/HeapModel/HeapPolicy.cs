using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Harness.HeapModel
{
    /// <summary>Who owns a type, as far as the heap model is concerned.</summary>
    public enum TypeOwner
    {
        /// <summary>Device code (drivers, samples, device tests, test doubles): sized field by field and walked.</summary>
        Device,

        /// <summary>A stand-in API type: sized as its real nanoFramework counterpart, or left out.</summary>
        StandIn,

        /// <summary>A .NET base-library type: primitives, strings, arrays, delegates and object are sized; the rest is left out.</summary>
        BaseLibrary,

        /// <summary>Host-only machinery (virtual board, simulators, harness, test runner): never walked, listed as left out.</summary>
        HostOnly,
    }

    /// <summary>Classifies types for the heap walker and finds the device assemblies of the process.</summary>
    public static class HeapPolicy
    {
        private static readonly string[] HostOnlyAssemblies = { "Simulators", "Harness", "Footprint" };
        private static readonly string[] HostOnlyPrefixes = { "xunit", "Microsoft.", "testhost", "Newtonsoft." };
        private static readonly string[] HostOnlyNamespaces = { "VirtualBoard", "HostSeams" };

        /// <summary>Classifies a type.</summary>
        public static TypeOwner Owner(Type type)
        {
            TypeOwner owner = AssemblyOwner(type.Assembly);
            if (owner == TypeOwner.StandIn)
            {
                string ns = type.Namespace ?? string.Empty;
                return HostOnlyNamespaces.Any(h => ns == h || ns.StartsWith(h + ".", StringComparison.Ordinal)) ? TypeOwner.HostOnly : TypeOwner.StandIn;
            }

            return owner;
        }

        /// <summary>Classifies an assembly (the stand-in as a whole counts as <see cref="TypeOwner.StandIn"/>).</summary>
        public static TypeOwner AssemblyOwner(Assembly assembly)
        {
            string name = assembly.GetName().Name ?? string.Empty;
            if (assembly == typeof(object).Assembly || name == "netstandard" || name == "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal))
            {
                return TypeOwner.BaseLibrary;
            }

            if (name == Counterparts.StandInAssembly)
            {
                return TypeOwner.StandIn;
            }

            if (HostOnlyAssemblies.Contains(name) || HostOnlyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                return TypeOwner.HostOnly;
            }

            return TypeOwner.Device;
        }

        /// <summary>
        /// Whether an assembly is the host build of a device project: it compiles the host shims, so it defines its own
        /// <c>System.Threading.Thread</c>.
        /// </summary>
        public static bool IsDeviceAssembly(Assembly assembly)
        {
            return AssemblyOwner(assembly) == TypeOwner.Device && assembly.GetType("System.Threading.Thread", false) != null;
        }

        /// <summary>The device assemblies loaded in this process, by name.</summary>
        public static IReadOnlyList<Assembly> LoadedDeviceAssemblies() =>
            AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic && SafeIsDevice(a))
                .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>The host shim types compiled into every device assembly: not part of the device build.</summary>
        public static bool IsHostShim(Type type) =>
            type.Namespace != null && (type.FullName == "System.Threading.Thread" || type.FullName == "System.Environment") && Owner(type) == TypeOwner.Device;

        private static bool SafeIsDevice(Assembly assembly)
        {
            try
            {
                return IsDeviceAssembly(assembly);
            }
            catch (ReflectionTypeLoadException)
            {
                return false;
            }
        }
    }
}
