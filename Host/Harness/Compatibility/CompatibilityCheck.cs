using System.IO;
using System.Reflection.PortableExecutable;

namespace Harness.Compatibility
{
    /// <summary>
    /// The nanoFramework-compatibility check: reads a host build of a device project with System.Reflection.Metadata
    /// and reports every referenced type or member that is not in mscorlib.txt or the listing of a package the
    /// project's packages.config names, every generic type or method defined or instantiated, and every use of the
    /// host-only HostSeams namespace outside the host shims. References to the device projects the .nfproj
    /// references are allowed (they are checked on their own). Host-compiler lowerings that differ from the device
    /// build are accepted only as <see cref="HostLowering.Table"/> lists them.
    /// </summary>
    public static class CompatibilityCheck
    {
        public static CompatibilityReport Check(string assemblyPath, DeviceProject project, ApiListings listings)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            return Check(stream, project, listings);
        }

        public static CompatibilityReport Check(Stream assembly, DeviceProject project, ApiListings listings)
        {
            using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
            return AssemblyScan.Run(pe, project, listings);
        }

        /// <summary>The repository root: the nearest folder above <paramref name="start"/> that holds nano.sln.</summary>
        public static string FindRepositoryRoot(string start)
        {
            for (DirectoryInfo folder = new DirectoryInfo(start); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "nano.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No folder above {start} holds nano.sln (the repository root).");
        }
    }
}
