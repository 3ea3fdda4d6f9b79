using System;
using System.Collections.Generic;
using System.IO;
using Harness.Compatibility;
using Harness.Footprint;
using NFUnitTest.Memory;

namespace Footprint
{
    /// <summary>
    /// <c>dotnet run --project Host/Footprint -- --out &lt;dir&gt; [--micropython &lt;footprint.json&gt;] [--date yyyy-MM-dd]</c>:
    /// measures every <see cref="IFootprintSubject"/> of this project (Subjects/) and writes footprint.md, footprint.svg,
    /// footprint.json, footprint-drivers.csv and footprint-operations.csv.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var options = Options(args);
            if (!options.TryGetValue("--out", out string output))
            {
                Console.Error.WriteLine("usage: Footprint --out <dir> [--micropython <footprint.json>] [--date yyyy-MM-dd]");
                return 2;
            }

            string repoRoot = RepoRoot();
            string microPath = options.TryGetValue("--micropython", out string given) ? given : Path.Combine(repoRoot, "MicroPython", "results", "footprint.json");
            DateTime date = options.TryGetValue("--date", out string day) ? DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture) : DateTime.UtcNow;

            var report = new FootprintReport();
            if (File.Exists(microPath))
            {
                report.MicroPython = MicroPythonReader.Read(microPath);
            }
            else
            {
                report.Issues.Add($"MicroPython results not found at {Path.GetRelativePath(repoRoot, Path.GetFullPath(microPath))}: MicroPython columns are NA");
            }

            report.Environment = FootprintOutput.Environment(repoRoot, report.MicroPython, date);

            var budgets = new BudgetBook(typeof(MemoryBudgets));
            IReadOnlyList<IFootprintSubject> subjects = FootprintRunner.Discover(typeof(Program).Assembly);
            if (subjects.Count == 0)
            {
                report.Issues.Add("No driver is registered yet (Host/Footprint/Subjects): nanoFramework columns are NA");
            }

            foreach (IFootprintSubject subject in subjects)
            {
                Console.WriteLine($"measuring {subject.Name} ...");
                report.Drivers.Add(FootprintRunner.Measure(subject, budgets));
            }

            foreach (string file in FootprintOutput.WriteAll(report, output))
            {
                Console.WriteLine($"wrote {file}");
            }

            return 0;
        }

        private static Dictionary<string, string> Options(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                options[args[i]] = args[i + 1];
            }

            return options;
        }

        // The repository the command runs in (from the working folder), else the one it was built from.
        private static string RepoRoot()
        {
            try
            {
                return CompatibilityCheck.FindRepositoryRoot(Directory.GetCurrentDirectory());
            }
            catch (DirectoryNotFoundException)
            {
                return CompatibilityCheck.FindRepositoryRoot(AppContext.BaseDirectory);
            }
        }
    }
}
