using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HostTests.Foundation;

namespace HostTests.Readme
{
    /// <summary>The fenced code blocks of every README in the repository (CommonMark fences: ``` or ~~~).</summary>
    public static class ReadmeCodeBlocks
    {
        /// <summary>The info strings that mark a block as C#.</summary>
        public static readonly string[] CSharpLanguages = { "csharp", "cs", "c#" };

        private static readonly string[] Skipped = { "bin", "obj", "packages", "artifacts", "node_modules", ".git" };

        /// <summary>Every README*.md below the root, relative with '/' separators, in ordinal order.</summary>
        public static IReadOnlyList<string> Files { get; } =
            Directory.EnumerateFiles(RepoPaths.Root, "README*.md", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
                .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => Skipped.Contains(part)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        /// <summary>Every C# block of every README.</summary>
        public static IReadOnlyList<Block> CSharp { get; } =
            Files.SelectMany(Read).Where(b => CSharpLanguages.Contains(b.Language, StringComparer.OrdinalIgnoreCase)).ToList();

        /// <summary>The blocks of one README (relative path), in order.</summary>
        public static IEnumerable<Block> Read(string file) => Parse(file, File.ReadAllLines(RepoPaths.Of(file)));

        /// <summary>The blocks in the lines of a Markdown file, in order.</summary>
        public static IEnumerable<Block> Parse(string file, string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string opening = lines[i].TrimStart(' ');
                int indent = lines[i].Length - opening.Length;
                if (indent > 3 || !(opening.StartsWith("```") || opening.StartsWith("~~~")))
                {
                    continue;
                }

                char fenceChar = opening[0];
                int fenceLength = opening.TakeWhile(c => c == fenceChar).Count();
                string info = opening.Substring(fenceLength).Trim();
                string language = info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
                var body = new List<string>();
                int j = i + 1;
                for (; j < lines.Length; j++)
                {
                    string candidate = lines[j].Trim();
                    if (candidate.Length >= fenceLength && candidate.All(c => c == fenceChar))
                    {
                        break;
                    }

                    // Content lines lose up to the opening fence's indentation, as CommonMark says.
                    int strip = Math.Min(indent, lines[j].Length - lines[j].TrimStart(' ').Length);
                    body.Add(lines[j].Substring(strip));
                }

                yield return new Block(file, i + 1, language, string.Join("\n", body));
                i = j;
            }
        }

        /// <summary>One fenced block: where it opens (1-based line of the fence), its language and its text.</summary>
        public sealed class Block
        {
            public Block(string file, int line, string language, string code)
            {
                File = file;
                Line = line;
                Language = language;
                Code = code;
            }

            public string File { get; }

            public int Line { get; }

            public string Language { get; }

            public string Code { get; }

            /// <summary>"Drivers.Mcp23008/README.md:49", the name the tests report.</summary>
            public override string ToString() => File + ":" + Line;
        }
    }
}
