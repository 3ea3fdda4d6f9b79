using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using HostTests.Foundation;

namespace HostTests.MicroPython
{
    /// <summary>
    /// One run of the MicroPython test suite (MicroPython/run-tests.mjs) in the MicroPython 1.27 WebAssembly VM under
    /// Node: the drivers' tests and the sanity checks of the footprint measurement. The npm packages are installed with
    /// <c>npm ci</c> first when they are missing, so the test command works on a fresh clone.
    /// </summary>
    public static class MicroPythonSuite
    {
        private static readonly Lazy<Run> Result = new Lazy<Run>(Execute);

        /// <summary>The outcome of the single run.</summary>
        public static Run Outcome => Result.Value;

        private static Run Execute()
        {
            string folder = RepoPaths.Of("MicroPython");
            var output = new List<string>();
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                int install = Shell("npm", "ci --no-audit --no-fund", folder, output);
                if (install != 0)
                {
                    return new Run(install, output);
                }

                output.Clear();
            }

            int exit = Shell("node", "run-tests.mjs", folder, output);
            return new Run(exit, output);
        }

        private static int Shell(string file, string arguments, string directory, List<string> output)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            using Process process = Process.Start(start);
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.Add(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                output.Add($"{file} {arguments} did not finish within 5 minutes.");
                return -1;
            }

            process.WaitForExit();
            return process.ExitCode;
        }

        /// <summary>Exit code, output lines, and the per-test results parsed from them.</summary>
        public sealed class Run
        {
            public Run(int exitCode, List<string> lines)
            {
                ExitCode = exitCode;
                Lines = lines;
                foreach (string line in lines)
                {
                    if (line.StartsWith("ok ", StringComparison.Ordinal))
                    {
                        Results[line.Substring(3).Trim()] = null;
                    }
                    else if (line.StartsWith("FAIL ", StringComparison.Ordinal))
                    {
                        string rest = line.Substring(5);
                        int colon = rest.IndexOf(": ", StringComparison.Ordinal);
                        Results[colon < 0 ? rest.Trim() : rest.Substring(0, colon)] = colon < 0 ? "failed" : rest.Substring(colon + 2);
                    }
                }
            }

            public int ExitCode { get; }

            public List<string> Lines { get; }

            /// <summary>Test name → null when it passed, otherwise the reason it failed.</summary>
            public Dictionary<string, string> Results { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
