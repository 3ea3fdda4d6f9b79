using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Harness.Compatibility
{
    /// <summary>One entry of a packages.config.</summary>
    public sealed class NuGetPackage
    {
        public NuGetPackage(string id, string version, bool developmentDependency = false)
        {
            Id = id;
            Version = version;
            DevelopmentDependency = developmentDependency;
        }

        public string Id { get; }

        public string Version { get; }

        public bool DevelopmentDependency { get; }

        public override string ToString() => Id + " " + Version;
    }

    /// <summary>
    /// What the device build of a project may reference: the packages of its packages.config and the assemblies of
    /// the projects its .nfproj references (those are checked on their own).
    /// </summary>
    public sealed class DeviceProject
    {
        public static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        public DeviceProject(string name, IEnumerable<NuGetPackage> packages, IEnumerable<string> referencedAssemblies)
        {
            Name = name;
            Packages = packages.ToList();
            ReferencedAssemblies = referencedAssemblies.ToList();
        }

        public string Name { get; }

        public IReadOnlyList<NuGetPackage> Packages { get; }

        /// <summary>Assembly names of the device projects this one references (ProjectReference).</summary>
        public IReadOnlyList<string> ReferencedAssemblies { get; }

        /// <summary>Reads packages.config and the .nfproj (for its ProjectReferences) of a device project folder.</summary>
        public static DeviceProject Load(string projectDirectory)
        {
            string packagesConfig = Path.Combine(projectDirectory, "packages.config");
            if (!File.Exists(packagesConfig))
            {
                throw new FileNotFoundException($"{projectDirectory} has no packages.config.", packagesConfig);
            }

            string[] projects = Directory.GetFiles(projectDirectory, "*.nfproj");
            IEnumerable<string> referenced = projects.Length == 1 ? ProjectReferenceAssemblies(projects[0]) : Enumerable.Empty<string>();
            return new DeviceProject(Path.GetFileName(Path.GetFullPath(projectDirectory)), ReadPackagesConfig(packagesConfig), referenced);
        }

        public static IReadOnlyList<NuGetPackage> ReadPackagesConfig(string path) =>
            XDocument.Load(path).Root.Elements("package")
                .Select(p => new NuGetPackage(
                    (string)p.Attribute("id"),
                    (string)p.Attribute("version"),
                    string.Equals((string)p.Attribute("developmentDependency"), "true", StringComparison.OrdinalIgnoreCase)))
                .ToList();

        /// <summary>The AssemblyName of each project an .nfproj references.</summary>
        public static IEnumerable<string> ProjectReferenceAssemblies(string nfproj)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(nfproj));
            foreach (XElement reference in XDocument.Load(nfproj).Descendants(MsBuild + "ProjectReference"))
            {
                string include = ((string)reference.Attribute("Include")).Replace('\\', Path.DirectorySeparatorChar);
                string target = Path.GetFullPath(Path.Combine(directory, include));
                string assemblyName = File.Exists(target)
                    ? (string)XDocument.Load(target).Descendants(MsBuild + "AssemblyName").FirstOrDefault()
                    : null;
                yield return assemblyName ?? (string)reference.Element(MsBuild + "Name") ?? Path.GetFileNameWithoutExtension(target);
            }
        }
    }
}
