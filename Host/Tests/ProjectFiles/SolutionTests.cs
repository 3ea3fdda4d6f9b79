using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace HostTests.ProjectFiles
{
    /// <summary>nano.sln lists every device project as a nanoFramework project that builds and deploys in Debug and Release.</summary>
    public class SolutionTests
    {
        private static readonly Regex ProjectLine = new Regex(
            "^Project\\(\"(?<type>\\{[^}]+\\})\"\\) = \"(?<name>[^\"]+)\", \"(?<path>[^\"]+)\", \"(?<guid>\\{[^}]+\\})\"$");

        private static readonly string[] Lines = File.ReadAllLines(DeviceRepository.Full("nano.sln")).Select(l => l.Trim('\uFEFF', ' ', '\t')).ToArray();

        [Fact]
        public void Solution_IsWellFormed()
        {
            Assert.Contains("Microsoft Visual Studio Solution File, Format Version 12.00", Lines);
            AssertBalanced("Project(", "EndProject");
            AssertBalanced("GlobalSection(", "EndGlobalSection");
            Assert.Equal(1, Lines.Count(l => l == "Global"));
            Assert.Equal(1, Lines.Count(l => l == "EndGlobal"));
            Assert.All(Lines.Where(l => l.StartsWith("Project(")), l => Assert.Matches(ProjectLine, l));
            Assert.Contains("Debug|Any CPU = Debug|Any CPU", Lines);
            Assert.Contains("Release|Any CPU = Release|Any CPU", Lines);
        }

        [Fact]
        public void Solution_ListsEveryNfProjAsANanoFrameworkProject()
        {
            var projects = Lines.Select(l => ProjectLine.Match(l)).Where(m => m.Success).ToList();

            Assert.Equal(DeviceRepository.NfProjects, projects.Select(p => p.Groups["path"].Value.Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal));
            foreach (Match project in projects)
            {
                string path = project.Groups["path"].Value.Replace('\\', '/');
                Assert.Equal(DeviceRepository.NanoFrameworkProjectType, project.Groups["type"].Value);
                Assert.Equal(Path.GetFileNameWithoutExtension(path), project.Groups["name"].Value);
                string projectGuid = DeviceRepository.Load(path).Root.Descendants(DeviceRepository.MsBuild + "ProjectGuid").Single().Value;
                Assert.Equal(projectGuid, project.Groups["guid"].Value, StringComparer.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void Solution_BuildsAndDeploysEveryProjectInDebugAndRelease()
        {
            var guids = Lines.Select(l => ProjectLine.Match(l)).Where(m => m.Success).Select(m => m.Groups["guid"].Value).ToList();
            var missing = new List<string>();
            foreach (string guid in guids)
            {
                foreach (string configuration in new[] { "Debug", "Release" })
                {
                    foreach (string step in new[] { "ActiveCfg", "Build.0", "Deploy.0" })
                    {
                        string line = $"{guid}.{configuration}|Any CPU.{step} = {configuration}|Any CPU";
                        if (!Lines.Contains(line))
                        {
                            missing.Add(line);
                        }
                    }
                }
            }

            Assert.True(guids.Count > 0, "nano.sln lists no project.");
            Assert.True(missing.Count == 0, "nano.sln lacks:\n  " + string.Join("\n  ", missing));
        }

        private static void AssertBalanced(string open, string close)
        {
            int depth = 0;
            foreach (string line in Lines)
            {
                if (line.StartsWith(open, StringComparison.Ordinal))
                {
                    depth++;
                    Assert.True(depth == 1, $"nano.sln: '{open}' opened twice without '{close}'.");
                }
                else if (line == close)
                {
                    depth--;
                    Assert.True(depth == 0, $"nano.sln: '{close}' without '{open}'.");
                }
            }

            Assert.True(depth == 0, $"nano.sln: '{open}' left open.");
        }
    }
}
