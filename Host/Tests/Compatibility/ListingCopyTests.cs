using System;
using System.IO;
using System.Linq;
using Harness.Compatibility;
using HostTests.Foundation;
using Xunit;

namespace HostTests.Compatibility
{
    /// <summary>
    /// The repository carries its own copy of the nanoFramework 1.x API listings (Host/ApiListings), so a clone checks
    /// itself wherever it lives. When the environment variable NANOFRAMEWORK_API_LISTINGS names the folder the listings
    /// were copied from, the copy must be identical to it, file for file.
    /// </summary>
    public class ListingCopyTests
    {
        [Fact]
        public void ListingCopy_SourceNamed_IsIdenticalFileForFile()
        {
            string copy = RepoPaths.Of(ApiListings.RelativeToRepositoryRoot);
            string[] copied = Directory.GetFiles(copy, "*.txt").Select(Path.GetFileName).OrderBy(f => f).ToArray();
            Assert.NotEmpty(copied);
            string source = Environment.GetEnvironmentVariable(ApiListings.SourceVariable);
            if (string.IsNullOrEmpty(source))
            {
                return; // no source named: the copy is the reference
            }

            Assert.True(Directory.Exists(source), $"{ApiListings.SourceVariable} names {source}, which does not exist.");
            string[] reference = Directory.GetFiles(source, "*.txt").Select(Path.GetFileName).OrderBy(f => f).ToArray();
            Assert.Equal(reference, copied);
            foreach (string file in reference)
            {
                Assert.True(File.ReadAllText(Path.Combine(source, file)) == File.ReadAllText(Path.Combine(copy, file)),
                    $"{ApiListings.RelativeToRepositoryRoot}/{file} differs from {Path.Combine(source, file)}: copy it again.");
            }
        }
    }
}
