using System.IO;
using System.Linq;
using Harness.Compatibility;
using HostTests.Foundation;
using Xunit;

namespace HostTests.Compatibility
{
    /// <summary>
    /// The repository carries its own copy of the nanoFramework 1.x API listings (Host/ApiListings), so a clone checks
    /// itself wherever it lives. Where shared/reference/nanoframework-api stands beside the repository, the copy must be
    /// identical to it, file for file.
    /// </summary>
    public class ListingCopyTests
    {
        [Fact]
        public void ListingCopy_SharedReferenceBeside_IsIdenticalFileForFile()
        {
            string shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, ApiListings.SharedRelativeToRepositoryRoot));
            string copy = RepoPaths.Of(ApiListings.RelativeToRepositoryRoot);
            string[] copied = Directory.GetFiles(copy, "*.txt").Select(Path.GetFileName).OrderBy(f => f).ToArray();
            Assert.NotEmpty(copied);
            if (!Directory.Exists(shared))
            {
                return; // a clone without shared/ beside it: nothing to compare against
            }

            string[] reference = Directory.GetFiles(shared, "*.txt").Select(Path.GetFileName).OrderBy(f => f).ToArray();
            Assert.Equal(reference, copied);
            foreach (string file in reference)
            {
                Assert.True(File.ReadAllText(Path.Combine(shared, file)) == File.ReadAllText(Path.Combine(copy, file)),
                    $"{ApiListings.RelativeToRepositoryRoot}/{file} differs from shared/reference/nanoframework-api/{file}: copy it again.");
            }
        }
    }
}
