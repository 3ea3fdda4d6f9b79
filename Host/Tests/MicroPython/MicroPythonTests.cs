using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace HostTests.MicroPython
{
    /// <summary>
    /// Each MicroPython driver test and measurement check as its own result, after one row for the run as a whole.
    /// Without a usable Node that row is the only one, and it fails saying what to install and what did not run.
    /// </summary>
    public class MicroPythonTests
    {
        /// <summary>The row that checks the run itself: it started, ran to the end and reported every test.</summary>
        public const string WholeSuite = "(suite) runs to the end and reports every test";

        public static IEnumerable<object[]> Cases() =>
            new[] { WholeSuite }.Concat(MicroPythonSuite.Outcome.Results.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
                .Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string name)
        {
            if (name == WholeSuite)
            {
                SuiteRunsToTheEnd(MicroPythonSuite.Outcome);
                return;
            }

            string failure = MicroPythonSuite.Outcome.Results[name];
            Assert.True(failure == null, failure);
        }

        [Fact]
        public void NodeMissing_IsReportedAsWhatToInstall_WithWhatDidNotRun()
        {
            string folder = HostTests.Foundation.RepoPaths.Of("MicroPython");

            string problem = MicroPythonSuite.NodeProblem("node-not-installed-here", folder);

            Assert.StartsWith("install Node.js ≥ 16 to run the MicroPython half ('node-not-installed-here' was not found on the PATH).", problem);
            Assert.Matches(@"Not run: the \d{3} tests of MicroPython/tests/test_\*\.py and the footprint measurement checks\.$", problem);
        }

        private static void SuiteRunsToTheEnd(MicroPythonSuite.Run run)
        {
            Assert.True(run.NotStartedReason == null, run.NotStartedReason);
            string summary = run.Lines.LastOrDefault(l => l.StartsWith("micropython: ")) ?? "";
            int failed = run.Results.Values.Count(v => v != null);

            Assert.True(run.ExitCode == 0 || failed > 0, string.Join("\n", run.Lines));
            Assert.Equal($"micropython: {run.Results.Count - failed} passed, {failed} failed", summary);
            Assert.True(run.Results.Count > 0, "The MicroPython suite ran no test:\n" + string.Join("\n", run.Lines));
        }
    }
}
