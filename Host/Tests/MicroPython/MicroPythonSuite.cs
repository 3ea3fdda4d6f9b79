using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HostTests.Foundation;

namespace HostTests.MicroPython
{
    /// <summary>
    /// One run of the MicroPython test suite (MicroPython/run-tests.mjs) in the MicroPython 1.27 WebAssembly VM under
    /// Node: the drivers' tests and the sanity checks of the footprint measurement. The npm packages are installed with
    /// <c>npm ci</c> first when they are missing, so the test command works on a fresh clone. Without a usable Node the
    /// run does not start and says what to install instead.
    /// </summary>
    public static class MicroPythonSuite
    {
        /// <summary>
        /// The oldest Node the pinned packages run on: the Emscripten loader of
        /// @micropython/micropython-webassembly-pyscript 1.27.0 (micropython.mjs) throws "requires node v16.0.0" below it.
        /// </summary>
        public const int MinimumNodeMajorVersion = 16;

        private static readonly Lazy<Run> Result = new Lazy<Run>(Execute);

        /// <summary>The outcome of the single run.</summary>
        public static Run Outcome => Result.Value;

        private static Run Execute()
        {
            string folder = RepoPaths.Of("MicroPython");
            string nodeProblem = NodeProblem("node", folder);
            if (nodeProblem != null)
            {
                return Run.NotStarted(nodeProblem);
            }

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

        /// <summary>Null when `<paramref name="node"/> --version` reports at least the minimum, otherwise what to install and what did not run.</summary>
        public static string NodeProblem(string node, string folder)
        {
            var output = new List<string>();
            int exit = Shell(node, "--version", folder, output);
            Match version = Regex.Match(output.FirstOrDefault() ?? string.Empty, @"^v(?<major>\d+)\.\d+\.\d+");
            string found = exit == NotFound ? $"'{node}' was not found on the PATH"
                : !version.Success ? "'node --version' printed no version: " + string.Join(" ", output)
                : int.Parse(version.Groups["major"].Value) < MinimumNodeMajorVersion ? "found Node.js " + output[0].Trim()
                : null;
            if (found == null)
            {
                return null;
            }

            int pythonTests = Directory.GetFiles(Path.Combine(folder, "tests"), "test_*.py")
                .Sum(f => Regex.Matches(File.ReadAllText(f), @"^def test_\w+\(", RegexOptions.Multiline).Count);
            return $"install Node.js ≥ {MinimumNodeMajorVersion} to run the MicroPython half ({found}). Not run: the {pythonTests} "
                + "tests of MicroPython/tests/test_*.py and the footprint measurement checks.";
        }

        /// <summary>The exit code Shell returns when the program is not installed.</summary>
        private const int NotFound = -2;

        private static int Shell(string file, string arguments, string directory, List<string> output)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            Process started;
            try
            {
                started = Process.Start(start);
            }
            catch (Win32Exception)
            {
                output.Add($"'{file}' was not found on the PATH: install Node.js ≥ {MinimumNodeMajorVersion} with npm to run the MicroPython half.");
                return NotFound;
            }

            using Process process = started;
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

            /// <summary>A run that could not start, with the reason and what to do about it.</summary>
            public static Run NotStarted(string reason) => new Run(NotFound, new List<string> { reason }) { NotStartedReason = reason };

            /// <summary>Null when the suite ran; otherwise why it could not start.</summary>
            public string NotStartedReason { get; private init; }

            public int ExitCode { get; }

            public List<string> Lines { get; }

            /// <summary>Test name → null when it passed, otherwise the reason it failed.</summary>
            public Dictionary<string, string> Results { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
