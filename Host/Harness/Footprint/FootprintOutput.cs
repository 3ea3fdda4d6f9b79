using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace Harness.Footprint
{
    /// <summary>Writes every format of the report and fills in the environment block.</summary>
    public static class FootprintOutput
    {
        public const string MarkdownFile = "footprint.md";
        public const string SvgFile = "footprint.svg";
        public const string JsonFile = "footprint.json";
        public const string DriversCsvFile = "footprint-drivers.csv";
        public const string OperationsCsvFile = "footprint-operations.csv";

        /// <summary>Writes the Markdown, SVG, JSON and CSV files into <paramref name="directory"/>; returns their paths.</summary>
        public static IReadOnlyList<string> WriteAll(FootprintReport report, string directory)
        {
            Directory.CreateDirectory(directory);
            var files = new List<string>();
            void Write(string name, string text)
            {
                string path = Path.Combine(directory, name);
                File.WriteAllText(path, text);
                files.Add(path);
            }

            Write(MarkdownFile, MarkdownReport.Write(report));
            Write(SvgFile, SvgChart.Write(report));
            Write(JsonFile, MachineReport.Json(report));
            Write(DriversCsvFile, MachineReport.DriversCsv(report));
            Write(OperationsCsvFile, MachineReport.OperationsCsv(report));
            return files;
        }

        /// <summary>The environment block: commit of <paramref name="repoRoot"/>, the date, the .NET runtime, the heap model, the MicroPython build.</summary>
        public static FootprintEnvironment Environment(string repoRoot, MicroPythonResults micro, DateTime date) => new FootprintEnvironment
        {
            Commit = Git(repoRoot, "rev-parse --short HEAD") ?? "unknown",
            Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Sdk = RuntimeInformation.FrameworkDescription,
            MicroPythonBuild = micro == null ? "not measured (no MicroPython results)" : $"{micro.Source} ({micro.BlockBytes}-byte GC blocks, generated {micro.Generated})",
        };

        private static string Git(string directory, string arguments)
        {
            try
            {
                var start = new ProcessStartInfo("git", arguments)
                {
                    WorkingDirectory = directory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using Process process = Process.Start(start);
                string output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0 && output.Length > 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
