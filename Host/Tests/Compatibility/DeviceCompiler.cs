using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HostTests.Compatibility
{
    /// <summary>
    /// Compiles device-style C# 9 in memory the way the host builds of the device projects do: against the .NET
    /// reference assemblies, the nanoFramework stand-in and the host shims (Host/Device/Shims).
    /// </summary>
    public static class DeviceCompiler
    {
        private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new Lazy<IReadOnlyList<MetadataReference>>(LoadReferences);

        /// <param name="extraReferences">Paths of further assemblies to compile against, e.g. host builds of the drivers.</param>
        public static MemoryStream Compile(string assemblyName, string source, OptimizationLevel optimization = OptimizationLevel.Debug,
            IEnumerable<string> extraReferences = null)
        {
            string shims = Path.Combine(DeviceBuilds.RepositoryRoot, "Host", "Device", "Shims");
            // As the SDK's Debug and Release builds: DEBUG keeps [Conditional("DEBUG")] calls such as Debug.WriteLine.
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9,
                preprocessorSymbols: optimization == OptimizationLevel.Debug ? new[] { "DEBUG", "TRACE" } : new[] { "RELEASE", "TRACE" });
            IEnumerable<SyntaxTree> trees = Directory.GetFiles(shims, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
                .Prepend(CSharpSyntaxTree.ParseText(source, parse, assemblyName + ".cs"));
            CSharpCompilation compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                References.Value.Concat((extraReferences ?? Enumerable.Empty<string>()).Select(p => MetadataReference.CreateFromFile(p))),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization,
                    nullableContextOptions: NullableContextOptions.Disable));

            var image = new MemoryStream();
            var result = compilation.Emit(image);
            Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (!result.Success || errors.Length > 0)
            {
                throw new InvalidOperationException($"{assemblyName} does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            }

            image.Position = 0;
            return image;
        }

        /// <summary>The targeting pack's reference assemblies (as the SDK build uses), else the runtime's own.</summary>
        private static IReadOnlyList<MetadataReference> LoadReferences()
        {
            string standIn = Path.Combine(AppContext.BaseDirectory, "nanoFramework.StandIn.dll");
            IEnumerable<string> framework = ReferencePack() ?? ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))
                .Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) == "netstandard.dll");
            return framework.Append(standIn).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        }

        private static IEnumerable<string> ReferencePack()
        {
            // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0
            string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
            string dotnet = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
            string packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
            string tfm = "net" + Environment.Version.Major + ".0";
            string folder = Directory.Exists(packs)
                ? Directory.GetDirectories(packs)
                    .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version v) && v.Major == Environment.Version.Major)
                    .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                    .Select(d => Path.Combine(d, "ref", tfm))
                    .FirstOrDefault(Directory.Exists)
                : null;
            return folder == null ? null : Directory.GetFiles(folder, "*.dll");
        }
    }
}
