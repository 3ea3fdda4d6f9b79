using System;
using System.Collections.Generic;
using System.Linq;

namespace Harness.Compatibility
{
    /// <summary>Where a reference sits, for the lowering rules that depend on it.</summary>
    internal readonly struct UseContext
    {
        public UseContext(bool inCustomAttribute, bool inFieldLikeEventAccessor)
        {
            InCustomAttribute = inCustomAttribute;
            InFieldLikeEventAccessor = inFieldLikeEventAccessor;
        }

        /// <summary>The reference is a custom attribute's constructor, its type, or one of its named arguments.</summary>
        public bool InCustomAttribute { get; }

        /// <summary>The reference is in the compiler-generated add_/remove_ accessor of a field-like event.</summary>
        public bool InFieldLikeEventAccessor { get; }
    }

    /// <summary>
    /// One place where the host compiler, binding against the .NET 10 BCL, emits a reference that the same source
    /// compiled against nanoFramework 1.x mscorlib does not: the device compiler binds to something else, which
    /// <see cref="Requires"/> names and which must be on the project's allowed surface.
    /// </summary>
    public sealed class HostLowering
    {
        private readonly Func<string, UseContext, bool> _matches;

        private HostLowering(string construct, string hostEmits, string deviceEmits, string[] requires, string why,
            Func<string, UseContext, bool> matches)
        {
            Construct = construct;
            HostEmits = hostEmits;
            DeviceEmits = deviceEmits;
            Requires = requires;
            Why = why;
            _matches = matches;
        }

        public string Construct { get; }

        public string HostEmits { get; }

        public string DeviceEmits { get; }

        /// <summary>Doc IDs the device form uses; the entry applies only when all are on the allowed surface.</summary>
        public IReadOnlyList<string> Requires { get; }

        public string Why { get; }

        internal bool Matches(string docId, UseContext context) => _matches(docId, context);

        /// <summary>Attribute types the compiler applies on its own (see the last table entry).</summary>
        internal static readonly HashSet<string> CompilerAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
            "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
            "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
            "System.Runtime.CompilerServices.IsReadOnlyAttribute",
            "System.Runtime.CompilerServices.IsByRefLikeAttribute",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
        };

        /// <summary>
        /// The whole table; README.md in this folder shows the same table. Each entry is a binding the C# compiler makes
        /// differently when the BCL member is absent; nothing here stands for an API the device lacks.
        /// </summary>
        public static IReadOnlyList<HostLowering> Table { get; } = new[]
        {
            new HostLowering(
                "lock (x) { … }",
                "M:System.Threading.Monitor.Enter(System.Object,System.Boolean@)",
                "M:System.Threading.Monitor.Enter(System.Object)",
                new[] { "M:System.Threading.Monitor.Enter(System.Object)" },
                "C# 4+ lowers lock to Enter(object, ref bool) when that overload exists and to Enter(object) otherwise; " +
                "nanoFramework mscorlib has only Enter(object). A hand-written Enter(o, ref taken) looks the same in IL " +
                "(and would not build for the device).",
                (id, _) => id == "M:System.Threading.Monitor.Enter(System.Object,System.Boolean@)"),

            new HostLowering(
                "empty params array, e.g. M(params object[] a) called as M()",
                "M:System.Array.Empty``1 (instantiated)",
                "newarr T with length 0 (no member)",
                Array.Empty<string>(),
                "The compiler uses Array.Empty<T>() when it exists and `new T[0]` otherwise; nanoFramework mscorlib has no " +
                "Array.Empty. T itself is still checked.",
                (id, _) => id == "M:System.Array.Empty``1"),

            new HostLowering(
                "field-like event (event Handler E;) accessors",
                "M:System.Threading.Interlocked.CompareExchange``1(``0@,``0,``0) (instantiated with the delegate type)",
                "E = (Handler)Delegate.Combine(E, value) / Delegate.Remove, accessor marked synchronized",
                new[] { "M:System.Delegate.Combine(System.Delegate,System.Delegate)", "M:System.Delegate.Remove(System.Delegate,System.Delegate)" },
                "Without Interlocked.CompareExchange<T> (nanoFramework has only the Int32 overload) the compiler writes " +
                "the plain Combine/Remove body. Accepted only inside compiler-generated add_/remove_ accessors.",
                (id, c) => c.InFieldLikeEventAccessor && id == "M:System.Threading.Interlocked.CompareExchange``1(``0@,``0,``0)"),

            new HostLowering(
                "string.Format / $\"…\" with one to three holes",
                "M:System.String.Format(System.String,System.Object), (…,System.Object,System.Object), (…,System.Object,System.Object,System.Object)",
                "M:System.String.Format(System.String,System.Object[])",
                new[] { "M:System.String.Format(System.String,System.Object[])" },
                "C# 9 lowers an interpolated string with non-string holes to string.Format and picks the fixed-arity " +
                "overload when it exists; nanoFramework mscorlib has only Format(string, params object[]), to which the " +
                "same call binds. IFormatProvider overloads are not mapped.",
                (id, _) => id == "M:System.String.Format(System.String,System.Object)"
                    || id == "M:System.String.Format(System.String,System.Object,System.Object)"
                    || id == "M:System.String.Format(System.String,System.Object,System.Object,System.Object)"),

            new HostLowering(
                "attributes the compiler adds by itself",
                "T:System.Runtime.CompilerServices.{" + string.Join(",", CompilerAttributes.Select(a => a.Substring(a.LastIndexOf('.') + 1))) + "}",
                "nothing (or the compiler's own embedded copy of the attribute)",
                Array.Empty<string>(),
                "The compiler emits these only when the referenced corlib defines them (CompilationRelaxations, " +
                "RuntimeCompatibility, CompilerGenerated) or embeds its own definition when it does not (IsReadOnly, " +
                "IsByRefLike). [module: RefSafetyRules(11)] marks the C# 11 ref-safety rules, which the compiler applies " +
                "to C# 9 code too when the corlib supports ref fields (.NET 7+), never against nanoFramework mscorlib. " +
                "Accepted only as custom attributes, never in code; a hand-written [CompilerGenerated] would pass too.",
                (id, c) => c.InCustomAttribute && CompilerAttributes.Contains(DeclaringTypeOf(id))),
        };

        private static string DeclaringTypeOf(string docId) => docId.StartsWith("T:") ? docId.Substring(2) : DocIds.DeclaringType(docId);
    }
}
