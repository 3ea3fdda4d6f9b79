using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Harness.Compatibility;
using NuGet.Packaging;
using Xunit;

namespace HostTests.ProjectFiles
{
    /// <summary>
    /// Each driver ships as a NuGet package laid out as nanoFramework's IoT.Device bindings are: a .nuspec beside the
    /// .nfproj whose dependencies are the project's packages.config and whose files are the project's build outputs
    /// (DLL, .pe, .pdbx, XML docs) under lib/, with the README and the MIT licence.
    /// </summary>
    public class NuspecTests
    {
        private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";
        private static readonly string[] LibOutputs = { "dll", "pe", "pdbx", "xml" };

        /// <summary>Every driver project: a Library under a Drivers.* folder.</summary>
        public static IEnumerable<object[]> DriverProjects() =>
            DeviceRepository.Cases(DeviceRepository.NfProjects.Where(p => p.StartsWith("Drivers.", StringComparison.Ordinal)));

        [Fact]
        public void Repository_HasANuspecForEachDriverAndNoOther()
        {
            List<string> expected = DeviceRepository.NfProjects.Where(p => p.StartsWith("Drivers.", StringComparison.Ordinal))
                .Select(p => Path.ChangeExtension(p, ".nuspec")).ToList();

            Assert.Equal(3, expected.Count);
            Assert.Equal(expected, Nuspecs());
        }

        [Fact]
        public void License_IsMitAtTheRoot()
        {
            string license = File.ReadAllText(DeviceRepository.Full("LICENSE"));

            Assert.StartsWith("MIT License", license);
            Assert.Contains("Permission is hereby granted, free of charge", license);
            Assert.Matches(@"Copyright \(c\) \d{4} \S", license);
            Assert.Contains("[LICENSE](LICENSE)", File.ReadAllText(DeviceRepository.Full("README.md")));
            foreach (object[] project in DriverProjects())
            {
                string readme = Path.GetDirectoryName((string)project[0]) + "/README.md";
                Assert.True(File.ReadAllText(DeviceRepository.Full(readme)).Contains("[LICENSE](../LICENSE)"), $"{readme} does not link the LICENSE.");
            }
        }

        [Theory]
        [MemberData(nameof(DriverProjects))]
        public void Nuspec_DependenciesArePackagesConfig(string project)
        {
            XElement metadata = Metadata(project);
            string packagesConfig = DeviceRepository.Full(Path.GetDirectoryName(project) + "/packages.config");
            List<string> restored = DeviceProject.ReadPackagesConfig(packagesConfig)
                .Where(p => !p.DevelopmentDependency).Select(p => p.Id + " " + p.Version).OrderBy(p => p, StringComparer.Ordinal).ToList();

            List<string> declared = metadata.Element(Nuspec + "dependencies").Elements(Nuspec + "dependency")
                .Select(d => (string)d.Attribute("id") + " " + (string)d.Attribute("version")).OrderBy(p => p, StringComparer.Ordinal).ToList();

            Assert.NotEmpty(restored);
            Assert.Equal(restored, declared);
            Assert.Empty(metadata.Element(Nuspec + "dependencies").Elements(Nuspec + "group"));
        }

        [Theory]
        [MemberData(nameof(DriverProjects))]
        public void Nuspec_PacksTheBuildOutputsUnderLib(string project)
        {
            string assembly = Property(project, "AssemblyName");
            string folder = Path.GetDirectoryName(project);
            XElement package = Load(project).Root;
            List<(string Src, string Target)> files = package.Element(Nuspec + "files").Elements(Nuspec + "file")
                .Select(f => ((string)f.Attribute("src"), (string)f.Attribute("target"))).ToList();

            Assert.Equal(Path.GetFileNameWithoutExtension(project), assembly);
            foreach (string extension in LibOutputs)
            {
                string name = assembly + "." + extension;
                Assert.Contains((@"bin\Release\" + name, @"lib\" + name), files);
            }

            Assert.All(files.Where(f => f.Target.StartsWith(@"lib\", StringComparison.Ordinal)),
                f => Assert.Contains(Path.GetExtension(f.Target).TrimStart('.'), LibOutputs));
            Assert.All(files.Where(f => !f.Src.StartsWith(@"bin\", StringComparison.Ordinal)),
                f => Assert.True(File.Exists(DeviceRepository.Full(folder + "/" + f.Src.Replace('\\', '/'))), $"{project}: packed file {f.Src} does not exist."));
        }

        [Theory]
        [MemberData(nameof(DriverProjects))]
        public void NfProj_WritesTheXmlDocumentationThePackageShips(string project)
        {
            string assembly = Property(project, "AssemblyName");

            Assert.Equal(@"bin\$(Configuration)\" + assembly + ".xml", Property(project, "DocumentationFile"));
            Assert.Equal("Library", Property(project, "OutputType"));
            Assert.Contains(DeviceRepository.Load(project).Root.Descendants(DeviceRepository.MsBuild + "None"),
                n => (string)n.Attribute("Include") == Path.GetFileName(Path.ChangeExtension(project, ".nuspec")));
        }

        [Theory]
        [MemberData(nameof(DriverProjects))]
        public void Nuspec_HasTheMetadataOfAnIoTDevicePackage(string project)
        {
            XElement metadata = Metadata(project);
            string assembly = Property(project, "AssemblyName");
            string folder = Path.GetDirectoryName(project);
            string Value(string name) => (string)metadata.Element(Nuspec + name);

            Assert.Equal(assembly, Value("id"));
            Assert.Equal(AssemblyVersion(folder), Value("version"));
            Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
            Assert.False(string.IsNullOrWhiteSpace(Value("description")));
            Assert.Contains("nanoFramework", Value("tags").Split(' '));

            XElement license = metadata.Element(Nuspec + "license");
            Assert.Equal("expression", (string)license.Attribute("type"));
            Assert.Equal("MIT", license.Value);
            Assert.Contains(@"..\LICENSE", Load(project).Root.Element(Nuspec + "files").Elements(Nuspec + "file").Select(f => (string)f.Attribute("src")));

            string readme = Value("readme");
            Assert.Contains(Load(project).Root.Element(Nuspec + "files").Elements(Nuspec + "file"),
                f => (string)f.Attribute("src") == "README.md" && ((string)f.Attribute("target")).TrimEnd('\\') + @"\README.md" == readme);

            XElement repository = metadata.Element(Nuspec + "repository");
            Assert.Equal("git", (string)repository.Attribute("type"));
            Assert.NotNull(repository.Attribute("url"));
            Assert.NotNull(repository.Attribute("commit"));
        }

        [Theory]
        [MemberData(nameof(DriverProjects))]
        public void Nuspec_PacksWithNuGet_IntoTheExpectedEntries(string project)
        {
            string assembly = Property(project, "AssemblyName");
            string folder = Path.GetDirectoryName(project);
            string scratch = Path.Combine(Path.GetTempPath(), "nuspec-" + Guid.NewGuid().ToString("N"));
            string driver = Path.Combine(scratch, folder);
            try
            {
                // The repository's layout, with stand-ins for the nanoFramework build outputs that only Visual Studio makes.
                Directory.CreateDirectory(Path.Combine(driver, "bin", "Release"));
                File.Copy(DeviceRepository.Full("LICENSE"), Path.Combine(scratch, "LICENSE"));
                File.Copy(DeviceRepository.Full(folder + "/README.md"), Path.Combine(driver, "README.md"));
                string nuspec = Path.Combine(driver, Path.GetFileName(Path.ChangeExtension(project, ".nuspec")));
                File.Copy(DeviceRepository.Full(Path.ChangeExtension(project, ".nuspec")), nuspec);
                foreach (string extension in LibOutputs)
                {
                    File.WriteAllText(Path.Combine(driver, "bin", "Release", assembly + "." + extension), extension);
                }

                var properties = new Dictionary<string, string> { ["repositoryUrl"] = "https://example.invalid/drivers.git", ["commit"] = "0123456789abcdef" };
                var builder = new PackageBuilder(nuspec, driver, name => properties.TryGetValue(name, out string value) ? value : null, false);
                using var package = new MemoryStream();
                builder.Save(package);
                package.Position = 0;
                using var reader = new PackageArchiveReader(package);

                var expected = new[] { "LICENSE", "docs/README.md", Path.GetFileName(nuspec) }
                    .Concat(LibOutputs.Select(e => "lib/" + assembly + "." + e)).OrderBy(f => f, StringComparer.Ordinal);
                var packed = reader.GetFiles().Where(f => !f.StartsWith("_rels/", StringComparison.Ordinal) && !f.StartsWith("package/", StringComparison.Ordinal)
                    && f != "[Content_Types].xml").OrderBy(f => f, StringComparer.Ordinal);
                Assert.Equal(expected, packed);
                Assert.Equal(assembly, reader.NuspecReader.GetId());
                Assert.Equal("MIT", reader.NuspecReader.GetLicenseMetadata().License);
                Assert.Equal("docs/README.md", reader.NuspecReader.GetReadme().Replace('\\', '/'));
                Assert.Equal(properties["commit"], reader.NuspecReader.GetRepositoryMetadata().Commit);
            }
            finally
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, true);
                }
            }
        }

        /// <summary>The package version is the assembly's: AssemblyVersion's first three parts.</summary>
        private static string AssemblyVersion(string folder)
        {
            string info = File.ReadAllText(DeviceRepository.Full(folder + "/Properties/AssemblyInfo.cs"));
            Match match = Regex.Match(info, @"AssemblyVersion\(""(?<v>\d+\.\d+\.\d+)\.\d+""\)");
            Assert.True(match.Success, $"{folder}: no AssemblyVersion(\"a.b.c.d\") in Properties/AssemblyInfo.cs.");
            return match.Groups["v"].Value;
        }

        private static XDocument Load(string project) => DeviceRepository.Load(Path.ChangeExtension(project, ".nuspec"));

        private static XElement Metadata(string project)
        {
            XElement root = Load(project).Root;
            Assert.Equal(Nuspec + "package", root.Name);
            return root.Element(Nuspec + "metadata");
        }

        private static string Property(string project, string name) =>
            DeviceRepository.Load(project).Root.Elements(DeviceRepository.MsBuild + "PropertyGroup").Elements(DeviceRepository.MsBuild + name)
                .Select(e => e.Value).SingleOrDefault();

        private static List<string> Nuspecs() =>
            Directory.EnumerateFiles(DeviceRepository.Root, "*.nuspec", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(DeviceRepository.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => part is "Host" or "bin" or "obj" or "packages" or "node_modules" or ".git"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
    }
}
