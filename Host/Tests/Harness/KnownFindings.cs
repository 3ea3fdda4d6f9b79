using System;
using System.Linq;
using Harness.Il;

namespace HostTests.Harness
{
    /// <summary>
    /// Lint findings on marked hot paths that are known and left to a change of the driver's code, each with the reason it
    /// remains. The tests that hold hot paths at the platform floor accept these and nothing else; once the code no longer
    /// has them, they simply stop appearing (the lint itself is not relaxed).
    /// </summary>
    internal static class KnownFindings
    {
        private static readonly (string Method, string Kind, string Detail, string Why)[] All =
        {
            ("Drivers.FlowMeter.PulseCounterSource.Read", "struct copy", "GpioPulseCount returned by System.Device.Gpio.GpioPulseCounter.Read passed straight on",
                "the pulse-counter source hands the GpioPulseCount of each read straight to Split, which clones it: 36 B per sample of the driver's own"),
            ("Drivers.FlowMeter.PulseCounterSource.Split", "struct parameter", "GpioPulseCount",
                "Split takes the GpioPulseCount by value (the clone is counted at its caller)"),
        };

        /// <summary>Whether <paramref name="finding"/> is one of the known findings.</summary>
        public static bool IsKnown(LintFinding finding) =>
            All.Any(k => finding.Method == k.Method && finding.Kind == k.Kind && finding.Detail.Contains(k.Detail, StringComparison.Ordinal));

        /// <summary>Whether a line of the footprint report's issues is a known finding (as the report prints it).</summary>
        public static bool IsKnownIssue(string issue) =>
            All.Any(k => issue.Contains(k.Method, StringComparison.Ordinal) && issue.Contains(": " + k.Kind + ": ", StringComparison.Ordinal) &&
                issue.Contains(k.Detail, StringComparison.Ordinal));

        /// <summary>The driver's own bytes the known findings add to one call of an operation whose lint lists them.</summary>
        public static int Bytes(LintResult lint) => lint.Findings.Where(IsKnown).Sum(f => f.Bytes);
    }
}
