using System;
using System.IO;
using System.Linq;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>The driver README shows code that compiles and runs: its example is the device test's, line for line.</summary>
    public class Vl6180XReadmeTests
    {
        [Fact]
        public void Readme_MinimalExample_IsTheCompiledDeviceTest()
        {
            string root = Vl6180XRig.RepoRoot();
            string[] test = File.ReadAllLines(Path.Combine(root, "Tests", "Vl6180X", "Vl6180XExampleTests.cs"));
            int begin = Array.FindIndex(test, l => l.Contains("// README example: begin"));
            int end = Array.FindIndex(test, l => l.Contains("// README example: end"));
            Assert.True(begin >= 0 && end > begin, "The example markers are missing.");
            string[] body = test.Skip(begin + 1).Take(end - begin - 1).Select(l => l.Trim()).ToArray();
            string example = string.Join("\n", body).Trim();

            // Compared without indentation: the README prints the lines inside a complete Program.Main.
            string readme = string.Join("\n", File.ReadAllLines(Path.Combine(root, "Drivers.VL6180X", "README.md")).Select(l => l.Trim()));

            Assert.Contains(example, readme);
        }
    }
}
