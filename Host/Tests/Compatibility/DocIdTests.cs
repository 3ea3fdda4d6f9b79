using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Harness.Compatibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HostTests.Compatibility
{
    /// <summary>The check spells doc IDs as the C# compiler does (and as the listings do), and finds its listings.</summary>
    public class DocIdTests
    {
        private const string Source = @"
namespace N
{
    public class Outer
    {
        public const int Constant = 1;
        public static readonly byte[] Table = new byte[1];

        public Outer() { }
        protected Outer(ref int a, out long b, in double c) { b = 0; }

        public class Inner
        {
            public struct Deepest { public int Field; }
            public void M(byte[] bytes, Inner[] inners, int[][] jagged, Deepest deepest) { }
        }

        public int this[int index] => index;
        public string this[string key, int index] { get => key; set { } }
        public event System.EventHandler Changed;
        public int Value { get; protected set; }

        public static implicit operator int(Outer o) => 0;
        public static explicit operator Outer(int i) => null;
        public static bool operator ==(Outer a, Outer b) => true;
        public static bool operator !=(Outer a, Outer b) => false;
        public override bool Equals(object o) => true;
        public override int GetHashCode() => 0;
        public void Generic<T>(T t, System.Collections.Generic.List<T> list, T[] array) { }
        public static Outer Create(System.SpanByte span, params object[] rest) => null;
        ~Outer() { }
    }

    public class Box<T>
    {
        public T Value;
        public void Set(T value, Box<T> other) { }
    }

    public delegate void Handler(object sender, int level);

    public enum Mode : byte { A, B }
}";

        [Fact]
        public void PublicSurface_SpellsDocIdsAsTheCompiler()
        {
            MemoryStream image = DeviceCompiler.Compile("DocIds", Source);
            CSharpCompilation compilation = CSharpCompilation.Create("DocIds", new[] { CSharpSyntaxTree.ParseText(Source) },
                new[] { MetadataReference.CreateFromImage(image.ToArray()) });
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(compilation.References.Single());
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "N"));
            while (types.Count > 0)
            {
                foreach (ISymbol member in types.Pop().GetMembers().Where(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected))
                {
                    if (member is INamedTypeSymbol type)
                    {
                        types.Push(type);
                    }

                    // Accessors are named by their property or event; the listings leave out the enum value__ field.
                    if (!(member is IMethodSymbol { AssociatedSymbol: not null }) && member.Name != "value__")
                    {
                        expected.Add(member.GetDocumentationCommentId());
                    }
                }
            }

            image.Position = 0;
            IReadOnlyList<string> actual = PublicSurface.Of(image, ns => ns == "N");

            Assert.Contains("M:N.Outer.op_Implicit(N.Outer)~System.Int32", actual);
            Assert.Contains("M:N.Outer.#ctor(System.Int32@,System.Int64@,System.Double@)", actual);
            Assert.Contains("M:N.Outer.Generic``1(``0,System.Collections.Generic.List{``0},``0[])", actual);
            Assert.Contains("M:N.Outer.Inner.M(System.Byte[],N.Outer.Inner[],System.Int32[][],N.Outer.Inner.Deepest)", actual);
            Assert.Contains("P:N.Outer.Item(System.String,System.Int32)", actual);
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Listings_MissingFolder_FailMentioningWhereTheyBelong()
        {
            var ex = Assert.Throws<DirectoryNotFoundException>(() => ApiListings.ForRepository(Path.Combine(Path.GetTempPath(), "no-such-repository")));

            Assert.Contains(ApiListings.RelativeToRepositoryRoot, ex.Message);
        }

        [Fact]
        public void Listings_MapEachPackageToItsListing()
        {
            ApiListings listings = DeviceBuilds.Listings;

            Assert.Equal("mscorlib.txt", listings.ForPackage("nanoFramework.CoreLibrary").FileName);
            Assert.Equal("System.Device.I2c.txt", listings.ForPackage("nanoFramework.System.Device.I2c").FileName);
            Assert.Equal("nanoFramework.TestFramework.txt", listings.ForPackage("nanoFramework.TestFramework").FileName);
            Assert.Equal("nanoFramework.System.Text.txt", listings.ForPackage("nanoFramework.System.Text").FileName);
            Assert.Null(listings.ForPackage("nanoFramework.System.Collections"));
            Assert.True(listings.CoreLibrary.Contains("F:System.Int32.MaxValue"), "constants are listed without their value");
            Assert.True(listings.All.Count >= 12);
        }
    }
}
