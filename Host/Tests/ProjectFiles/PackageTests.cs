using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harness.Compatibility;
using Xunit;

namespace HostTests.ProjectFiles
{
    /// <summary>
    /// Each device project references exactly the packages its packages.config restores, through HintPaths into
    /// packages/ beside nano.sln, and every package is a stable release of the nanoFramework 1.x line.
    /// </summary>
    public class PackageTests
    {
        private static readonly Regex HintPath = new Regex(@"^(?<up>(\.\.\\)*)packages\\(?<id>[^\\]+?)\.(?<version>\d+(\.\d+){2,3}(-[^\\]+)?)\\lib\\(?<file>[^\\]+\.(dll|exe))$");
        private static readonly Regex Stable = new Regex(@"^\d+\.\d+\.\d+$");

        public static IEnumerable<object[]> Projects() => DeviceRepository.Cases(DeviceRepository.NfProjects);

        public static IEnumerable<object[]> PackageConfigs() =>
            DeviceRepository.Cases(DeviceRepository.XmlFiles.Where(f => Path.GetFileName(f) == "packages.config"));

        [Theory]
        [MemberData(nameof(Projects))]
        public void References_MatchPackagesConfigBothWays(string file)
        {
            XNamespace ns = DeviceRepository.MsBuild;
            string packagesConfig = DeviceRepository.Full(Path.GetDirectoryName(file) + "/packages.config");
            var restored = DeviceProject.ReadPackagesConfig(packagesConfig).Select(p => p.Id + " " + p.Version).ToHashSet();
            var referenced = new HashSet<string>();

            foreach (XElement reference in DeviceRepository.Load(file).Root.Descendants(ns + "Reference"))
            {
                string include = (string)reference.Attribute("Include");
                string hint = (string)reference.Element(ns + "HintPath");
                Match match = hint == null ? Match.Empty : HintPath.Match(hint);
                Assert.True(match.Success, $"{file}: <Reference Include=\"{include}\"> needs a HintPath ..\\packages\\<id>.<version>\\lib\\<assembly>, not '{hint}'.");
                string packagesFolder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(DeviceRepository.Full(file)), match.Groups["up"].Value.Replace('\\', Path.DirectorySeparatorChar), "packages"));
                Assert.True(packagesFolder == Path.Combine(Path.GetFullPath(DeviceRepository.Root), "packages"),
                    $"{file}: HintPath {hint} must lead to packages\\ beside nano.sln, not {packagesFolder}.");
                referenced.Add(match.Groups["id"].Value + " " + match.Groups["version"].Value);

                string[] identity = include.Split(',').Select(p => p.Trim()).ToArray();
                Assert.Equal(Path.GetFileNameWithoutExtension(match.Groups["file"].Value), identity[0]);
                Assert.Contains("Culture=neutral", identity);
                Assert.Contains("PublicKeyToken=c07d481e9758c731", identity);
                Assert.Contains(identity, p => Regex.IsMatch(p, @"^Version=\d+\.\d+\.\d+\.\d+$"));
            }

            var notRestored = referenced.Except(restored).OrderBy(p => p).ToList();
            var notReferenced = restored.Except(referenced).OrderBy(p => p).ToList();
            Assert.True(notRestored.Count == 0 && notReferenced.Count == 0,
                $"{file} and its packages.config disagree.\n  referenced, not in packages.config: {string.Join(", ", notRestored)}" +
                $"\n  in packages.config, not referenced: {string.Join(", ", notReferenced)}");
        }

        [Theory]
        [MemberData(nameof(PackageConfigs))]
        public void Packages_AreStableReleasesOfTheNanoFramework1Line(string file)
        {
            XElement root = DeviceRepository.Load(file).Root;
            Assert.Equal("packages", root.Name.LocalName);
            IReadOnlyList<NuGetPackage> packages = DeviceProject.ReadPackagesConfig(DeviceRepository.Full(file));

            Assert.Contains(packages, p => p.Id == ApiListings.CoreLibraryPackage);
            Assert.Equal(packages.Count, packages.Select(p => p.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(root.Elements("package"), p => Assert.Equal("netnano1.0", (string)p.Attribute("targetFramework")));
            foreach (NuGetPackage package in packages)
            {
                Assert.True(package.Id.StartsWith("nanoFramework.", StringComparison.Ordinal), $"{file}: {package} is not a nanoFramework package.");
                Assert.True(Stable.IsMatch(package.Version ?? string.Empty), $"{file}: {package} is not a stable release (major.minor.patch, no suffix).");
                // The test framework of the 1.x line is TestFramework 3.x; every other package of the line is 1.x.
                int expectedMajor = package.Id == "nanoFramework.TestFramework" ? 3 : 1;
                Assert.True(int.Parse(package.Version.Split('.')[0]) == expectedMajor, $"{file}: {package} is not of the nanoFramework 1.x line (expected {expectedMajor}.x).");
                Assert.True(package.DevelopmentDependency == (package.Id == "nanoFramework.TestFramework"),
                    $"{file}: developmentDependency=\"true\" belongs on nanoFramework.TestFramework only ({package}).");
            }
        }

        [Fact]
        public void Packages_HaveOneVersionAcrossTheSolution()
        {
            var versions = DeviceRepository.XmlFiles.Where(f => Path.GetFileName(f) == "packages.config")
                .SelectMany(f => DeviceProject.ReadPackagesConfig(DeviceRepository.Full(f)))
                .GroupBy(p => p.Id)
                .Where(g => g.Select(p => p.Version).Distinct().Count() > 1)
                .Select(g => g.Key + ": " + string.Join(", ", g.Select(p => p.Version).Distinct()))
                .ToList();

            Assert.True(versions.Count == 0, "Packages restored in more than one version: " + string.Join("; ", versions));
        }

        [Fact]
        public void NuGetConfig_ListsNuGetOrgOnly()
        {
            XElement sources = DeviceRepository.Load("nuget.config").Root.Element("packageSources");

            Assert.NotNull(sources.Element("clear"));
            XElement source = Assert.Single(sources.Elements("add"));
            Assert.Equal("NuGet", (string)source.Attribute("key"));
            Assert.Equal("https://api.nuget.org/v3/index.json", (string)source.Attribute("value"));
            Assert.Equal("3", (string)source.Attribute("protocolVersion"));
        }
    }
}
