using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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

        public DeviceProject(string name, IEnumerable<NuGetPackage> packages, IEnumerable<string> referencedAssemblies,
            IEnumerable<string> hostExcludedFiles = null)
        {
            Name = name;
            Packages = packages.ToList();
            ReferencedAssemblies = referencedAssemblies.ToList();
            HostExcludedFiles = (hostExcludedFiles ?? Enumerable.Empty<string>()).ToList();
            HostReplacementTypes = new HashSet<string>(HostExcludedFiles.SelectMany(DeclaredTypes), StringComparer.Ordinal);
        }

        public string Name { get; }

        public IReadOnlyList<NuGetPackage> Packages { get; }

        /// <summary>Assembly names of the device projects this one references (ProjectReference).</summary>
        public IReadOnlyList<string> ReferencedAssemblies { get; }

        /// <summary>
        /// Device files the host build leaves out (<c>DeviceHostExclude</c> in its Host/Device project) because it compiles
        /// a host file with the same members in their place, such as the heap meter.
        /// </summary>
        public IReadOnlyList<string> HostExcludedFiles { get; }

        /// <summary>
        /// Full names of the types those files declare. In the host build these types are host replacements: like the
        /// shims their bodies are host code, so they may use HostSeams and are not judged; the device files themselves are
        /// compiled and checked separately.
        /// </summary>
        public IReadOnlyCollection<string> HostReplacementTypes { get; }

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
            string name = Path.GetFileName(Path.GetFullPath(projectDirectory));
            return new DeviceProject(name, ReadPackagesConfig(packagesConfig), referenced, HostExcludes(projectDirectory, name));
        }

        /// <summary>The DeviceHostExclude files of the Host/Device project that builds <paramref name="name"/> on the host.</summary>
        private static IEnumerable<string> HostExcludes(string projectDirectory, string name)
        {
            // The repository root is the nearest folder above the project that holds Host/Device (projects may nest,
            // like Samples.Irrigation/Firmware).
            string repositoryRoot = Path.GetDirectoryName(Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar));
            while (repositoryRoot != null && !Directory.Exists(Path.Combine(repositoryRoot, "Host", "Device")))
            {
                repositoryRoot = Path.GetDirectoryName(repositoryRoot);
            }

            if (repositoryRoot == null)
            {
                yield break;
            }

            string hostDevice = Path.Combine(repositoryRoot, "Host", "Device");
            string relativeName = Path.GetRelativePath(repositoryRoot, Path.GetFullPath(projectDirectory)).Replace('\\', '/').TrimEnd('/');

            foreach (string csproj in Directory.GetFiles(hostDevice, "*.csproj", SearchOption.AllDirectories))
            {
                XDocument project = XDocument.Load(csproj);
                string deviceProject = (string)project.Descendants("DeviceProject").FirstOrDefault();
                if (deviceProject != name && deviceProject != relativeName)
                {
                    continue;
                }

                foreach (XElement exclude in project.Descendants("DeviceHostExclude"))
                {
                    yield return ((string)exclude.Attribute("Include")).Replace("$(RepoRoot)", repositoryRoot).Replace('\\', '/');
                }
            }
        }

        /// <summary>Namespace-qualified names of the top-level types a C# file declares.</summary>
        private static IEnumerable<string> DeclaredTypes(string file)
        {
            string source = File.ReadAllText(file);
            string ns = Regex.Match(source, @"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
            foreach (Match type in Regex.Matches(source, @"^    (?:public |internal )?(?:static |sealed |abstract )*(?:class|struct|enum|interface|delegate\s+\w+)\s+(\w+)", RegexOptions.Multiline))
            {
                yield return ns.Length == 0 ? type.Groups[1].Value : ns + "." + type.Groups[1].Value;
            }
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
