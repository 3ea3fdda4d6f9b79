using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace HostTests.Foundation
{
    /// <summary>One <c>name.md §section</c> citation found in a repository file.</summary>
    public sealed record Citation(string CitingFile, int Line, string Prefix, string DocName, IReadOnlyList<string> Sections);

    /// <summary>A repository file as the scanner reads it: its path relative to the repository root and its text.</summary>
    public sealed record ScannedFile(string RelativePath, string Text);

    /// <summary>
    /// Finds the citations of the fact files under docs/ (<c>hardware.md §2.5</c>, <c>nanoclr-heap.md §3b and §3d</c>)
    /// and the paths that leave the repository, and checks them against the fact files (docs/README.md states the rule).
    /// </summary>
    public static class CitationScanner
    {
        /// <summary>The folder, relative to the repository root, that holds every cited file.</summary>
        public const string DocsFolder = "docs";

        /// <summary>File kinds that may cite: code, READMEs, MicroPython sources and scripts.</summary>
        public static readonly string[] ScannedExtensions = { ".cs", ".md", ".py", ".mjs" };

        private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
        {
            ".git", "bin", "obj", "node_modules", "artifacts", "packages", "TestResults",
        };

        private const string SectionNumber = @"[0-9]+[a-z]?(?:\.[0-9]+)*";

        private static readonly Regex CitationPattern = new(
            @"(?<![\w.\-/])(?<prefix>(?:[\w.\-]+/)*)(?<name>[\w\-]+\.md)\s*§\s*(?<first>" + SectionNumber + @")" +
            @"(?<more>(?:\s*(?:,|and|or|to|&|–)\s*§\s*" + SectionNumber + @")*)",
            RegexOptions.CultureInvariant);

        private static readonly Regex ChainedSection = new(@"§\s*(?<section>" + SectionNumber + ")", RegexOptions.CultureInvariant);

        private static readonly Regex HeadingNumber = new(@"^#{1,6}\s+(?<section>" + SectionNumber + @")\.?(?:\s|$)",
            RegexOptions.CultureInvariant);

        private static readonly Regex MarkdownLink = new(@"\]\((?<target>[^)\s#]+)(?:#[^)\s]*)?\)", RegexOptions.CultureInvariant);

        // Spelled in pieces so that this file does not match itself.
        private static readonly string[] OutsidePathMarkers =
        {
            "shared" + "/reference", ".." + "/shared", "/" + "work/",
        };

        /// <summary>Every scanned file of the repository, skipping build output, dependencies and the generated footprint report.</summary>
        public static IReadOnlyList<ScannedFile> ReadRepository(string root)
        {
            var files = new List<ScannedFile>();
            Collect(root, root, files);
            return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        }

        /// <summary>The fact files of docs/ (name → text).</summary>
        public static IReadOnlyDictionary<string, string> ReadDocs(string root)
        {
            string docs = Path.Combine(root, DocsFolder);
            return Directory.GetFiles(docs, "*.md").ToDictionary(Path.GetFileName, File.ReadAllText, StringComparer.Ordinal);
        }

        /// <summary>The citations in one file's text, with their line numbers (1-based).</summary>
        public static IReadOnlyList<Citation> FindCitations(ScannedFile file)
        {
            var citations = new List<Citation>();
            foreach (Match match in CitationPattern.Matches(file.Text))
            {
                var sections = new List<string> { match.Groups["first"].Value };
                foreach (Match chained in ChainedSection.Matches(match.Groups["more"].Value))
                {
                    sections.Add(chained.Groups["section"].Value);
                }

                citations.Add(new Citation(file.RelativePath, LineOf(file.Text, match.Index), match.Groups["prefix"].Value,
                    match.Groups["name"].Value, sections));
            }

            return citations;
        }

        /// <summary>The section numbers a fact file's headings declare: "### 2.5 Interrupt logic" → 2.5, "## 3b. …" → 3b.</summary>
        public static ISet<string> SectionsOf(string markdown)
        {
            var sections = new HashSet<string>(StringComparer.Ordinal);
            foreach (string line in markdown.Split('\n'))
            {
                Match heading = HeadingNumber.Match(line.TrimEnd('\r'));
                if (heading.Success)
                {
                    sections.Add(heading.Groups["section"].Value);
                }
            }

            return sections;
        }

        /// <summary>
        /// Every problem in the given files: a citation of a file missing from docs/, of a section its headings do not
        /// declare, or through a folder other than docs/; a path that leaves the repository; a Markdown link to a file that
        /// does not exist. <paramref name="exists"/> answers whether a repository-relative path exists.
        /// </summary>
        public static IReadOnlyList<string> Check(IEnumerable<ScannedFile> files, IReadOnlyDictionary<string, string> docs,
            Func<string, bool> exists)
        {
            var sectionsByDoc = docs.ToDictionary(d => d.Key, d => SectionsOf(d.Value), StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (ScannedFile file in files)
            {
                foreach (Citation citation in FindCitations(file))
                {
                    CheckCitation(citation, sectionsByDoc, problems);
                }

                CheckOutsidePaths(file, problems);
                if (file.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    CheckLinks(file, exists, problems);
                }
            }

            return problems;
        }

        private static void CheckCitation(Citation citation, IReadOnlyDictionary<string, ISet<string>> sectionsByDoc,
            List<string> problems)
        {
            string where = $"{citation.CitingFile}:{citation.Line}";
            string cited = citation.Prefix + citation.DocName;
            if (!PrefixLeadsToDocs(citation.CitingFile, citation.Prefix))
            {
                problems.Add($"{where}: '{cited}' must name a file of {DocsFolder}/ (bare, {DocsFolder}/… or a relative path to it).");
                return;
            }

            if (!sectionsByDoc.TryGetValue(citation.DocName, out ISet<string> sections))
            {
                problems.Add($"{where}: cites {citation.DocName}, which does not exist under {DocsFolder}/.");
                return;
            }

            foreach (string section in citation.Sections)
            {
                if (!sections.Contains(section))
                {
                    problems.Add($"{where}: cites {citation.DocName} §{section}, but {DocsFolder}/{citation.DocName} has no heading numbered {section}.");
                }
            }
        }

        private static bool PrefixLeadsToDocs(string citingFile, string prefix)
        {
            if (prefix.Length == 0)
            {
                return true;
            }

            string target = prefix.TrimEnd('/');
            string fromRoot = Normalise(target);
            string fromFolder = Normalise(CombineRelative(FolderOf(citingFile), target));
            return fromRoot == DocsFolder || fromFolder == DocsFolder;
        }

        private static void CheckOutsidePaths(ScannedFile file, List<string> problems)
        {
            foreach (string marker in OutsidePathMarkers)
            {
                int at = file.Text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    problems.Add($"{file.RelativePath}:{LineOf(file.Text, at)}: '{marker}' points outside the repository; cite {DocsFolder}/ instead.");
                }
            }
        }

        private static void CheckLinks(ScannedFile file, Func<string, bool> exists, List<string> problems)
        {
            foreach (Match link in MarkdownLink.Matches(file.Text))
            {
                string target = Uri.UnescapeDataString(link.Groups["target"].Value);
                if (Regex.IsMatch(target, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                {
                    continue; // http:, https:, mailto:
                }

                string where = $"{file.RelativePath}:{LineOf(file.Text, link.Index)}";
                string resolved = target.StartsWith("/", StringComparison.Ordinal)
                    ? null
                    : Normalise(CombineRelative(FolderOf(file.RelativePath), target));
                if (resolved == null || resolved.StartsWith("..", StringComparison.Ordinal))
                {
                    problems.Add($"{where}: the link '{target}' points outside the repository.");
                }
                else if (!exists(resolved))
                {
                    problems.Add($"{where}: the link '{target}' names {resolved}, which does not exist.");
                }
            }
        }

        private static void Collect(string root, string folder, List<ScannedFile> files)
        {
            foreach (string sub in Directory.GetDirectories(folder))
            {
                string name = Path.GetFileName(sub);
                string relative = Path.GetRelativePath(root, sub).Replace('\\', '/');
                if (SkippedFolders.Contains(name) || relative == DocsFolder + "/footprint")
                {
                    continue;
                }

                Collect(root, sub, files);
            }

            foreach (string path in Directory.GetFiles(folder))
            {
                if (ScannedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                {
                    files.Add(new ScannedFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)));
                }
            }
        }

        private static string FolderOf(string relativePath)
        {
            int slash = relativePath.LastIndexOf('/');
            return slash < 0 ? "" : relativePath.Substring(0, slash);
        }

        private static string CombineRelative(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;

        /// <summary>Resolves "." and ".." in a repository-relative path; a result starting with ".." leaves the repository.</summary>
        private static string Normalise(string path)
        {
            var parts = new List<string>();
            foreach (string part in path.Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else
                {
                    parts.Add(part);
                }
            }

            return string.Join("/", parts);
        }

        private static int LineOf(string text, int index)
        {
            int line = 1;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
