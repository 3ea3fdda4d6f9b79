using System;
using System.IO;
using Harness.Compatibility;

namespace HostTests.Foundation
{
    /// <summary>Where the repository is, seen from the test output folder.</summary>
    public static class RepoPaths
    {
        /// <summary>The repository root (the folder that holds nano.sln).</summary>
        public static string Root { get; } = CompatibilityCheck.FindRepositoryRoot(AppContext.BaseDirectory);

        /// <summary>A path below the repository root.</summary>
        public static string Of(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
