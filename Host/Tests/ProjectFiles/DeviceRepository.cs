using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Harness.Compatibility;

namespace HostTests.ProjectFiles
{
    /// <summary>The nanoFramework side of the repository: nano.sln, nuget.config and the device projects beside it.</summary>
    public static class DeviceRepository
    {
        public static readonly XNamespace MsBuild = DeviceProject.MsBuild;

        public const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        public const string CSharpProjectType = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";

        public static string Root => HostTests.Foundation.RepoPaths.Root;

        private static readonly string[] Skipped = { "Host", "bin", "obj", "packages", "artifacts", "node_modules", ".git" };

        /// <summary>Every .nfproj, relative to the root with '/' separators (e.g. "Tests/Tests.nfproj").</summary>
        public static IReadOnlyList<string> NfProjects { get; } = Find("*.nfproj");

        /// <summary>Every packages.config, nuget.config and .runsettings of the device side.</summary>
        public static IReadOnlyList<string> XmlFiles { get; } =
            NfProjects.Concat(Find("packages.config")).Concat(Find("nuget.config")).Concat(Find("*.runsettings"))
                .Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();

        public static string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        public static XDocument Load(string relative) => XDocument.Load(Full(relative), LoadOptions.SetLineInfo);

        public static IEnumerable<object[]> Cases(IEnumerable<string> items) => items.Select(i => new object[] { i });

        private static IReadOnlyList<string> Find(string pattern) =>
            Directory.EnumerateFiles(Root, pattern, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
                .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => Skipped.Contains(part)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
    }
}
