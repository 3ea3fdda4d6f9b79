using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HostTests.Harness
{
    /// <summary>Compiles small C# 9 assemblies in memory, as the device projects are compiled (release, nullable off).</summary>
    internal static class TestCompiler
    {
        private static readonly Lazy<MetadataReference[]> References = new Lazy<MetadataReference[]>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
                .Append(typeof(System.Device.I2c.I2cDevice).Assembly.Location)
                .Distinct()
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToArray());

        private static int _count;

        /// <summary>The image of a library compiled from <paramref name="source"/>.</summary>
        public static byte[] Compile(string source, string assemblyName = null)
        {
            assemblyName ??= "Probe" + System.Threading.Interlocked.Increment(ref _count);
            CSharpCompilation compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, allowUnsafe: false));
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return stream.ToArray();
        }

        /// <summary>Compiles and loads a library into this process.</summary>
        public static Assembly Load(string source) => Assembly.Load(Compile(source));

        /// <summary>Compiles a library to a file under the temporary folder and loads it from there (it has a location).</summary>
        public static Assembly LoadFromFile(string source)
        {
            string name = "Probe" + System.Threading.Interlocked.Increment(ref _count) + "_" + Guid.NewGuid().ToString("N");
            string path = Path.Combine(Path.GetTempPath(), name + ".dll");
            File.WriteAllBytes(path, Compile(source, name));
            return Assembly.LoadFrom(path);
        }
    }
}
