using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Harness.Compatibility
{
    /// <summary>
    /// One nanoFramework 1.x API listing: the public surface of one package's assembly in doc-ID form. Its first line
    /// names the assembly, its version and the NuGet package: <c># mscorlib 1.17.11 — … package nanoFramework.CoreLibrary</c>.
    /// </summary>
    public sealed class ApiListing
    {
        private static readonly Regex Header = new Regex(@"^#\s+(?<assembly>\S+)\s+(?<version>\S+)\s+.*\bpackage\s+(?<package>\S+)\s*$");
        private readonly HashSet<string> _docIds;

        private ApiListing(string fileName, string assemblyName, string version, string packageId, HashSet<string> docIds)
        {
            FileName = fileName;
            AssemblyName = assemblyName;
            Version = version;
            PackageId = packageId;
            _docIds = docIds;
        }

        public string FileName { get; }

        public string AssemblyName { get; }

        public string Version { get; }

        public string PackageId { get; }

        public IReadOnlyCollection<string> DocIds => _docIds;

        public bool Contains(string docId) => _docIds.Contains(docId);

        public override string ToString() => $"{FileName} ({PackageId} {Version})";

        public static ApiListing Parse(string path)
        {
            string[] lines = File.ReadAllLines(path);
            Match header = lines.Length == 0 ? Match.Empty : Header.Match(lines[0]);
            if (!header.Success)
            {
                throw new InvalidDataException(
                    $"{path}: the first line must name the assembly, its version and its package ('# mscorlib 1.17.11 — … package nanoFramework.CoreLibrary').");
            }

            var docIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (string line in lines.Skip(1))
            {
                string entry = line.Trim();
                if (entry.Length == 0 || entry.StartsWith("#"))
                {
                    continue;
                }

                // Constants and enum members carry their value: "F:System.Int32.MaxValue = 2147483647".
                int value = entry.IndexOf(" = ", StringComparison.Ordinal);
                docIds.Add(value < 0 ? entry : entry.Substring(0, value));
            }

            return new ApiListing(Path.GetFileName(path), header.Groups["assembly"].Value, header.Groups["version"].Value,
                header.Groups["package"].Value, docIds);
        }
    }

    /// <summary>All nanoFramework 1.x API listings, by package id.</summary>
    public sealed class ApiListings
    {
        /// <summary>
        /// Where the listings live, relative to the repository root: the repository's own copy, so a clone checks itself
        /// wherever it is; a test keeps the copy identical to the listings it was taken from when <see cref="SourceVariable"/> names them.
        /// </summary>
        public const string RelativeToRepositoryRoot = "Host/ApiListings";

        /// <summary>Environment variable that may name the folder the listings were copied from, to compare the copy with it.</summary>
        public const string SourceVariable = "NANOFRAMEWORK_API_LISTINGS";

        public const string CoreLibraryPackage = "nanoFramework.CoreLibrary";

        private readonly Dictionary<string, ApiListing> _byPackage;
        private readonly HashSet<string> _typeNames;

        private ApiListings(string directory, IReadOnlyList<ApiListing> all)
        {
            Directory = directory;
            All = all;
            _byPackage = all.ToDictionary(l => l.PackageId, StringComparer.OrdinalIgnoreCase);
            _typeNames = new HashSet<string>(all.SelectMany(l => l.DocIds).Where(id => id.StartsWith("T:")).Select(id => id.Substring(2)));
            CoreLibrary = ForPackage(CoreLibraryPackage)
                ?? throw new InvalidDataException($"{directory}: no listing names the package {CoreLibraryPackage} (mscorlib.txt).");
        }

        public string Directory { get; }

        public IReadOnlyList<ApiListing> All { get; }

        /// <summary>mscorlib.txt: always part of the allowed surface.</summary>
        public ApiListing CoreLibrary { get; }

        /// <summary>The listing of a package, or null when there is none.</summary>
        public ApiListing ForPackage(string packageId) => _byPackage.TryGetValue(packageId, out ApiListing listing) ? listing : null;

        /// <summary>True when some listing declares a type of this full name (e.g. <c>System.Threading.Thread</c>).</summary>
        public bool DeclaresType(string typeName) => _typeNames.Contains(typeName);

        /// <summary>The listings that contain a doc ID.</summary>
        public IEnumerable<ApiListing> Containing(string docId) => All.Where(l => l.Contains(docId));

        public static ApiListings Load(string directory)
        {
            string full = Path.GetFullPath(directory);
            if (!System.IO.Directory.Exists(full))
            {
                throw new DirectoryNotFoundException(
                    $"The nanoFramework API listings are missing: {full} does not exist. The compatibility check reads them from " +
                    $"{RelativeToRepositoryRoot} (the repository's copy of the nanoFramework 1.x API listings).");
            }

            string[] files = System.IO.Directory.GetFiles(full, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                throw new FileNotFoundException($"The nanoFramework API listings are missing: {full} has no *.txt listing.");
            }

            return new ApiListings(full, files.Select(ApiListing.Parse).ToList());
        }

        /// <summary>The listings of a repository (its copy in <see cref="RelativeToRepositoryRoot"/>).</summary>
        public static ApiListings ForRepository(string repositoryRoot) =>
            Load(Path.Combine(repositoryRoot, RelativeToRepositoryRoot));
    }
}
