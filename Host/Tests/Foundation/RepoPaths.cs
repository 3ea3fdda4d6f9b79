using System;
using System.IO;

namespace HostTests.Foundation
{
    /// <summary>Where the repository and the shared reference material are, seen from the test output folder.</summary>
    public static class RepoPaths
    {
        /// <summary>The repository root (the folder that holds nano.sln).</summary>
        public static string Root { get; } = FindRoot();

        /// <summary>A path below the repository root.</summary>
        public static string Of(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nano.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("nano.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
