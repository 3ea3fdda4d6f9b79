using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace HostTests.ProjectFiles
{
    /// <summary>
    /// The device project files are what Visual Studio's nanoFramework project system expects (old-style MSBuild,
    /// the three NFProjectSystem imports, packages.config restore), and list exactly the sources on disk.
    /// </summary>
    public class NfProjectTests
    {
        private const string SystemPath = "$(NanoFrameworkProjectSystemPath)";
        private static readonly string[] Imports = { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" };

        public static IEnumerable<object[]> XmlFiles() => DeviceRepository.Cases(DeviceRepository.XmlFiles);

        public static IEnumerable<object[]> Projects() => DeviceRepository.Cases(DeviceRepository.NfProjects);

        [Fact]
        public void Repository_HasTheSixDeviceProjects()
        {
            Assert.Equal(
                new[] { "Drivers.FlowMeter/Drivers.FlowMeter.nfproj", "Drivers.Mcp23008/Drivers.Mcp23008.nfproj", "Drivers.VL6180X/Drivers.VL6180X.nfproj",
                    "Samples.Irrigation/Firmware/Samples.Irrigation.Firmware.nfproj", "Samples.Irrigation/Samples.Irrigation.nfproj", "Tests/Tests.nfproj" },
                DeviceRepository.NfProjects);
            Assert.Contains("nuget.config", DeviceRepository.XmlFiles);
            Assert.Contains("Tests/nano.runsettings", DeviceRepository.XmlFiles);
            Assert.All(DeviceRepository.NfProjects, p => Assert.Contains(Path.GetDirectoryName(p) + "/packages.config", DeviceRepository.XmlFiles));
        }

        [Theory]
        [MemberData(nameof(XmlFiles))]
        public void XmlFile_IsWellFormed(string file)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
            using XmlReader reader = XmlReader.Create(DeviceRepository.Full(file), settings);
            while (reader.Read())
            {
            }
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfProj_HasTheProjectSystemLayout(string file)
        {
            XElement project = DeviceRepository.Load(file).Root;
            XNamespace ns = DeviceRepository.MsBuild;

            Assert.Equal(ns + "Project", project.Name);
            Assert.Equal("Current", (string)project.Attribute("ToolsVersion"));
            Assert.Equal("Build", (string)project.Attribute("DefaultTargets"));

            List<XElement> top = project.Elements().ToList();
            XElement globals = top.First();
            Assert.True(globals.Name == ns + "PropertyGroup" && (string)globals.Attribute("Label") == "Globals", $"{file}: the first element must be <PropertyGroup Label=\"Globals\">.");
            Assert.Equal(@"$(MSBuildExtensionsPath)\nanoFramework\v1.0\", (string)globals.Element(ns + "NanoFrameworkProjectSystemPath"));

            // The three imports, in order, each guarded by Exists, with the properties between the first two and the items between the last two.
            List<XElement> imports = top.Where(e => e.Name == ns + "Import").ToList();
            Assert.Equal(Imports.Select(i => SystemPath + i), imports.Select(i => (string)i.Attribute("Project")));
            Assert.All(imports, i => Assert.Equal($"Exists('{(string)i.Attribute("Project")}')", (string)i.Attribute("Condition")));
            int first = top.IndexOf(imports[0]), second = top.IndexOf(imports[1]), third = top.IndexOf(imports[2]);

            XElement properties = top.Single(e => e.Element(ns + "ProjectTypeGuids") != null);
            Assert.InRange(top.IndexOf(properties), first + 1, second - 1);
            Assert.All(top.Where(e => e.Elements(ns + "Compile").Any() || e.Elements(ns + "Reference").Any()),
                group => Assert.InRange(top.IndexOf(group), second + 1, third - 1));
            XElement extensions = top.Single(e => e.Name == ns + "ProjectExtensions");
            Assert.True(top.IndexOf(extensions) > third, $"{file}: ProjectExtensions must follow the CSharp.targets import.");
            Assert.NotNull(extensions.Element(ns + "ProjectCapabilities")?.Element(ns + "ProjectConfigurationsDeclaredAsItems"));

            Assert.Equal(DeviceRepository.NanoFrameworkProjectType + ";" + DeviceRepository.CSharpProjectType, Property(properties, "ProjectTypeGuids"));
            Assert.Matches(@"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$", Property(properties, "ProjectGuid"));
            Assert.Equal("v1.0", Property(properties, "TargetFrameworkVersion"));
            Assert.Contains(Property(properties, "OutputType"), new[] { "Library", "Exe" });
            Assert.Equal("Properties", Property(properties, "AppDesignerFolder"));
            Assert.False(string.IsNullOrEmpty(Property(properties, "AssemblyName")), $"{file}: AssemblyName is missing.");
            Assert.False(string.IsNullOrEmpty(Property(properties, "RootNamespace")), $"{file}: RootNamespace is missing.");
            Assert.Contains(project.Descendants(ns + "None"), n => (string)n.Attribute("Include") == "packages.config");
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfProj_CompilesExactlyTheSourcesInItsFolder(string file)
        {
            XNamespace ns = DeviceRepository.MsBuild;
            string folder = Path.GetDirectoryName(DeviceRepository.Full(file));
            List<string> listed = DeviceRepository.Load(file).Root.Descendants(ns + "Compile").Select(c => (string)c.Attribute("Include")).ToList();
            // A subfolder with its own .nfproj (Samples.Irrigation/Firmware) is that project's, not this one's.
            List<string> nested = DeviceRepository.NfProjects.Select(p => Path.GetDirectoryName(DeviceRepository.Full(p)))
                .Where(d => d != folder && d.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(d => Path.GetRelativePath(folder, d) + Path.DirectorySeparatorChar)
                .ToList();
            List<string> onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f))
                .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar) && !f.StartsWith("obj" + Path.DirectorySeparatorChar))
                .Where(f => !nested.Any(n => f.StartsWith(n, StringComparison.Ordinal)))
                .Select(f => f.Replace(Path.DirectorySeparatorChar, '\\'))
                .ToList();

            var missing = onDisk.Except(listed, StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var absent = listed.Except(onDisk, StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0 && absent.Count == 0,
                $"{file}: the host build compiles every .cs in the folder, Visual Studio only the <Compile> items.\n" +
                $"  on disk, not in the .nfproj: {string.Join(", ", missing)}\n  in the .nfproj, not on disk: {string.Join(", ", absent)}");
            Assert.True(listed.Count == listed.Distinct(StringComparer.Ordinal).Count(), $"{file}: a <Compile> item is listed twice.");
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfProj_CompileItemsAreSortedWithBackslashes(string file)
        {
            List<string> listed = DeviceRepository.Load(file).Root.Descendants(DeviceRepository.MsBuild + "Compile").Select(c => (string)c.Attribute("Include")).ToList();

            Assert.DoesNotContain(listed, f => f.Contains('/'));
            Assert.Equal(listed.OrderBy(f => f, StringComparer.OrdinalIgnoreCase), listed);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfProj_ProjectReferencesMatchTheReferencedProjects(string file)
        {
            XNamespace ns = DeviceRepository.MsBuild;
            string folder = Path.GetDirectoryName(DeviceRepository.Full(file));
            foreach (XElement reference in DeviceRepository.Load(file).Root.Descendants(ns + "ProjectReference"))
            {
                string include = (string)reference.Attribute("Include");
                Assert.Matches(@"^(\.\.\\)+([^\\/.][^\\/]*\\)*[^\\/]+\.nfproj$", include);
                string target = Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar)));
                Assert.True(File.Exists(target), $"{file}: ProjectReference {include} does not exist.");
                XElement referenced = XDocument.Load(target).Root;
                Assert.Equal(referenced.Descendants(ns + "ProjectGuid").Single().Value, (string)reference.Element(ns + "Project"), StringComparer.OrdinalIgnoreCase);
                Assert.Equal(Path.GetFileNameWithoutExtension(target), (string)reference.Element(ns + "Name"));
            }
        }

        [Fact]
        public void TestProjects_ReferenceOnlyLibraries()
        {
            // nanoCLR starts the entry point of the assembly with a Main it resolves last: an Exe referenced by the test
            // project runs its Main instead of the tests (nanoframework-api.md §9.3).
            XNamespace ns = DeviceRepository.MsBuild;
            List<string> testProjects = DeviceRepository.NfProjects.Where(p => p.StartsWith("Tests/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(testProjects);
            var executables = new List<string>();
            int checkedReferences = 0;
            foreach (string file in testProjects)
            {
                string folder = Path.GetDirectoryName(DeviceRepository.Full(file));
                foreach (XElement reference in DeviceRepository.Load(file).Root.Descendants(ns + "ProjectReference"))
                {
                    string target = Path.GetFullPath(Path.Combine(folder, ((string)reference.Attribute("Include")).Replace('\\', Path.DirectorySeparatorChar)));
                    string outputType = (string)XDocument.Load(target).Root.Descendants(ns + "OutputType").FirstOrDefault();
                    checkedReferences++;
                    if (!string.Equals(outputType, "Library", StringComparison.OrdinalIgnoreCase))
                    {
                        executables.Add($"{file} references {Path.GetRelativePath(DeviceRepository.Root, target)} (OutputType {outputType ?? "missing"})");
                    }
                }
            }

            Assert.True(checkedReferences > 0, "The test projects reference no project.");
            Assert.True(executables.Count == 0, "A test project may reference libraries only:\n  " + string.Join("\n  ", executables));
        }

        [Fact]
        public void Firmware_IsTheOnlyExecutable()
        {
            XNamespace ns = DeviceRepository.MsBuild;
            var executables = DeviceRepository.NfProjects
                .Where(p => string.Equals((string)DeviceRepository.Load(p).Root.Descendants(ns + "OutputType").FirstOrDefault(), "Exe", StringComparison.OrdinalIgnoreCase))
                .ToList();

            Assert.Equal(new[] { "Samples.Irrigation/Firmware/Samples.Irrigation.Firmware.nfproj" }, executables);
        }

        [Fact]
        public void TestProject_IsANanoFrameworkUnitTestProject()
        {
            XNamespace ns = DeviceRepository.MsBuild;
            XElement project = DeviceRepository.Load("Tests/Tests.nfproj").Root;
            List<XElement> top = project.Elements().ToList();
            List<XElement> imports = top.Where(e => e.Name == ns + "Import").ToList();

            Assert.Equal("NFUnitTest", Property(project, "AssemblyName"));
            Assert.Equal("true", Property(project, "IsTestProject"), StringComparer.OrdinalIgnoreCase);
            Assert.Equal("UnitTest", Property(project, "TestProjectType"));
            XElement capability = top[top.IndexOf(imports[0]) + 1];
            Assert.Equal("TestContainer", (string)capability.Element(ns + "ProjectCapability")?.Attribute("Include"));
            XElement runSettings = top[top.IndexOf(imports[1]) + 1];
            Assert.Equal(@"$(MSBuildProjectDirectory)\nano.runsettings", (string)runSettings.Element(ns + "RunSettingsFilePath"));
            Assert.Contains(project.Descendants(ns + "None"), n => (string)n.Attribute("Include") == "nano.runsettings");

            XElement adapter = DeviceRepository.Load("Tests/nano.runsettings").Root.Element("nanoFrameworkAdapter");
            Assert.NotNull(adapter);
            Assert.Contains((string)adapter.Element("IsRealHardware"), new[] { "True", "False" });
        }

        private static string Property(XElement scope, string name) =>
            (string)scope.Descendants(DeviceRepository.MsBuild + name).FirstOrDefault(e => e.Attribute("Condition") == null)
            ?? (string)scope.Descendants(DeviceRepository.MsBuild + name).FirstOrDefault();
    }
}
