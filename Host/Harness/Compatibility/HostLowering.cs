using System;
using System.Collections.Generic;

namespace Harness.Compatibility
{
    /// <summary>Where a reference sits, for the lowering rules that depend on it.</summary>
    internal readonly struct UseContext
    {
        public UseContext(bool inCustomAttribute, bool inFieldLikeEventAccessor, bool inSpanConcatMethod)
        {
            InCustomAttribute = inCustomAttribute;
            InFieldLikeEventAccessor = inFieldLikeEventAccessor;
            InSpanConcatMethod = inSpanConcatMethod;
        }

        /// <summary>The reference is a custom attribute's constructor, its type, or one of its named arguments.</summary>
        public bool InCustomAttribute { get; }

        /// <summary>The reference is in the compiler-generated add_/remove_ accessor of a field-like event.</summary>
        public bool InFieldLikeEventAccessor { get; }

        /// <summary>The reference is in a method body that calls string.Concat(ReadOnlySpan&lt;char&gt;, …).</summary>
        public bool InSpanConcatMethod { get; }
    }

    /// <summary>
    /// One place where the host compiler, binding against the .NET 10 BCL, emits references that the same source
    /// compiled against nanoFramework 1.x mscorlib does not: there the compiler binds to something else, which
    /// <see cref="Requires"/> names and which must be on the project's allowed surface for the entry to apply.
    /// </summary>
    public sealed class HostLowering
    {
        private readonly HashSet<string> _hostForms;
        private readonly Func<UseContext, bool> _applies;

        private HostLowering(string construct, string[] hostForms, string deviceEmits, string[] requires, string why,
            Func<UseContext, bool> applies = null)
        {
            Construct = construct;
            _hostForms = new HashSet<string>(hostForms, StringComparer.Ordinal);
            DeviceEmits = deviceEmits;
            Requires = requires;
            Why = why;
            _applies = applies ?? (_ => true);
        }

        public string Construct { get; }

        /// <summary>The doc IDs (types, members, or instantiations such as <c>System.ReadOnlySpan{System.Char}</c>) the host emits.</summary>
        public IReadOnlyCollection<string> HostForms => _hostForms;

        public string DeviceEmits { get; }

        /// <summary>Doc IDs the device form uses; the entry applies only when all are on the allowed surface.</summary>
        public IReadOnlyList<string> Requires { get; }

        public string Why { get; }

        internal bool Matches(string docId, UseContext context) => _hostForms.Contains(docId) && _applies(context);

        private const string Handler = "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";
        private const string CharSpan = "System.ReadOnlySpan{System.Char}";

        /// <summary>
        /// The whole table; README.md in this folder shows the same table. Each entry is a binding the C# compiler makes
        /// differently when a BCL member is absent; none stands for an API the device lacks.
        /// </summary>
        public static IReadOnlyList<HostLowering> Table { get; } = new[]
        {
            new HostLowering(
                "lock (x) { … }",
                new[] { "M:System.Threading.Monitor.Enter(System.Object,System.Boolean@)" },
                "Monitor.Enter(object)",
                new[] { "M:System.Threading.Monitor.Enter(System.Object)" },
                "The compiler uses Enter(object, ref bool) when it exists and Enter(object) otherwise; nanoFramework " +
                "has only Enter(object). A hand-written Enter(o, ref taken) looks the same in IL."),

            new HostLowering(
                "empty params array: M(params object[] a) called as M()",
                new[] { "M:System.Array.Empty``1" },
                "new T[0]",
                Array.Empty<string>(),
                "The compiler uses Array.Empty<T>() when it exists and `new T[0]` otherwise; nanoFramework has no " +
                "Array.Empty. T itself is still checked."),

            new HostLowering(
                "field-like event accessors (event Handler E;)",
                new[] { "M:System.Threading.Interlocked.CompareExchange``1(``0@,``0,``0)" },
                "E = (Handler)Delegate.Combine(E, value) / Delegate.Remove, in a synchronized accessor",
                new[] { "M:System.Delegate.Combine(System.Delegate,System.Delegate)", "M:System.Delegate.Remove(System.Delegate,System.Delegate)" },
                "Without Interlocked.CompareExchange<T> (nanoFramework has only the Int32 overload) the compiler " +
                "writes the plain Combine/Remove body. Accepted only in compiler-generated add_/remove_ accessors.",
                c => c.InFieldLikeEventAccessor),

            new HostLowering(
                "string.Format(format, a[, b[, c]])",
                new[]
                {
                    "M:System.String.Format(System.String,System.Object)",
                    "M:System.String.Format(System.String,System.Object,System.Object)",
                    "M:System.String.Format(System.String,System.Object,System.Object,System.Object)",
                },
                "string.Format(string, params object[])",
                new[] { "M:System.String.Format(System.String,System.Object[])" },
                "nanoFramework has only Format(string, params object[]), to which the same call binds. " +
                "IFormatProvider overloads are not mapped."),

            new HostLowering(
                "$\"…\" with a non-string hole",
                new[]
                {
                    "T:" + Handler,
                    "M:" + Handler + ".#ctor(System.Int32,System.Int32)",
                    "M:" + Handler + ".AppendLiteral(System.String)",
                    "M:" + Handler + ".AppendFormatted(System.String)",
                    "M:" + Handler + ".AppendFormatted``1(``0)",
                    "M:" + Handler + ".AppendFormatted``1(``0,System.String)",
                    "M:" + Handler + ".ToStringAndClear",
                },
                "string.Format(string, params object[]) (string.Concat when every hole is a string)",
                new[] { "M:System.String.Format(System.String,System.Object[])" },
                "The compiler builds the string with DefaultInterpolatedStringHandler whenever that type exists, even " +
                "at C# 9; nanoFramework has none, so it calls string.Format. Holes with an alignment ({x,5}) use " +
                "other AppendFormatted overloads, which are not mapped: the device's Format does not pad."),

            new HostLowering(
                "string + char",
                new[]
                {
                    "M:System.String.Concat(" + CharSpan + "," + CharSpan + ")",
                    "M:System.String.Concat(" + CharSpan + "," + CharSpan + "," + CharSpan + ")",
                    "M:System.String.Concat(" + CharSpan + "," + CharSpan + "," + CharSpan + "," + CharSpan + ")",
                    "M:System.String.op_Implicit(System.String)~" + CharSpan,
                    "M:System.ReadOnlySpan`1.#ctor(`0@)",
                    "T:System.ReadOnlySpan`1",
                    CharSpan,
                },
                "string.Concat(string, …) with char.ToString()",
                new[] { "M:System.String.Concat(System.String,System.String)", "M:System.Char.ToString" },
                "For 2–4 string/char operands with a char among them, the compiler concatenates ReadOnlySpan<char>s " +
                "when the span overloads exist, else it calls char.ToString(). Accepted only in a method that calls " +
                "the span Concat.",
                c => c.InSpanConcatMethod),

            new HostLowering(
                "switch expression with no arm for some input",
                new[]
                {
                    "T:System.Runtime.CompilerServices.SwitchExpressionException",
                    "M:System.Runtime.CompilerServices.SwitchExpressionException.#ctor",
                    "M:System.Runtime.CompilerServices.SwitchExpressionException.#ctor(System.Object)",
                },
                "throw new InvalidOperationException()",
                new[] { "M:System.InvalidOperationException.#ctor" },
                "The compiler throws SwitchExpressionException when it exists and InvalidOperationException otherwise."),

            new HostLowering(
                "attributes the compiler adds by itself",
                new[]
                {
                    "T:System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
                    "M:System.Runtime.CompilerServices.CompilationRelaxationsAttribute.#ctor(System.Int32)",
                    "T:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
                    "M:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute.#ctor",
                    "P:System.Runtime.CompilerServices.RuntimeCompatibilityAttribute.WrapNonExceptionThrows",
                    "T:System.Runtime.CompilerServices.CompilerGeneratedAttribute",
                    "M:System.Runtime.CompilerServices.CompilerGeneratedAttribute.#ctor",
                    "T:System.Runtime.CompilerServices.IsReadOnlyAttribute",
                    "M:System.Runtime.CompilerServices.IsReadOnlyAttribute.#ctor",
                    "T:System.Runtime.CompilerServices.IsByRefLikeAttribute",
                    "M:System.Runtime.CompilerServices.IsByRefLikeAttribute.#ctor",
                    "T:System.Runtime.CompilerServices.RefSafetyRulesAttribute",
                    "M:System.Runtime.CompilerServices.RefSafetyRulesAttribute.#ctor(System.Int32)",
                    "T:System.Runtime.CompilerServices.NullableAttribute",
                    "M:System.Runtime.CompilerServices.NullableAttribute.#ctor(System.Byte)",
                    "M:System.Runtime.CompilerServices.NullableAttribute.#ctor(System.Byte[])",
                    "T:System.Runtime.CompilerServices.NullableContextAttribute",
                    "M:System.Runtime.CompilerServices.NullableContextAttribute.#ctor(System.Byte)",
                },
                "nothing, or the compiler's own embedded copy",
                Array.Empty<string>(),
                "Emitted only when the corlib defines them (CompilationRelaxations, RuntimeCompatibility, " +
                "CompilerGenerated), else embedded (IsReadOnly, IsByRefLike, Nullable and NullableContext under #nullable " +
                "enable); [module: RefSafetyRules(11)] follows the " +
                "C# 11 ref-safety rules, which the compiler applies to C# 9 too when the corlib supports ref fields " +
                "(.NET 7+). Accepted only as custom attributes; a hand-written [CompilerGenerated] would pass too.",
                c => c.InCustomAttribute),
        };
    }
}
