using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace HostTests.MicroPython
{
    /// <summary>Each MicroPython driver test and measurement check as its own result.</summary>
    public class MicroPythonTests
    {
        public static IEnumerable<object[]> Cases() =>
            MicroPythonSuite.Outcome.Results.Keys.OrderBy(k => k, System.StringComparer.Ordinal).Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string name)
        {
            string failure = MicroPythonSuite.Outcome.Results[name];
            Assert.True(failure == null, failure);
        }

        [Fact]
        public void Suite_RunsToTheEnd_AndReportsEveryTest()
        {
            MicroPythonSuite.Run run = MicroPythonSuite.Outcome;
            string summary = run.Lines.LastOrDefault(l => l.StartsWith("micropython: ")) ?? "";
            int failed = run.Results.Values.Count(v => v != null);

            Assert.True(run.ExitCode == 0 || failed > 0, string.Join("\n", run.Lines));
            Assert.Equal($"micropython: {run.Results.Count - failed} passed, {failed} failed", summary);
            Assert.True(run.Results.Count > 0, "The MicroPython suite ran no test:\n" + string.Join("\n", run.Lines));
        }
    }
}
