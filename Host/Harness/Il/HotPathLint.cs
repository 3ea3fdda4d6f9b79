using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Harness.HeapModel;

namespace Harness.Il
{
    /// <summary>One construct on a hot path that leaves nanoCLR garbage, sized with nanoclr-heap.md §3b.</summary>
    public sealed class LintFinding
    {
        public LintFinding(string method, int offset, string kind, string detail, int bytes, bool atLeast)
        {
            Method = method;
            Offset = offset;
            Kind = kind;
            Detail = detail;
            Bytes = bytes;
            AtLeast = atLeast;
        }

        /// <summary>The method, as <c>Namespace.Type.Method</c>.</summary>
        public string Method { get; }

        /// <summary>IL offset of the construct (-1 for a whole-method finding such as a struct local).</summary>
        public int Offset { get; }

        public string Kind { get; }

        public string Detail { get; }

        /// <summary>nanoCLR garbage per execution.</summary>
        public int Bytes { get; }

        /// <summary>True when <see cref="Bytes"/> is a lower bound (a size the IL does not fix, such as a computed array length).</summary>
        public bool AtLeast { get; }

        public override string ToString() =>
            $"{Method}{(Offset >= 0 ? $" IL_{Offset:X4}" : string.Empty)}: {Kind}: {Detail}, {(AtLeast ? "≥ " : string.Empty)}{Bytes} B";
    }

    /// <summary>The lint of one hot operation.</summary>
    public sealed class LintResult
    {
        internal LintResult(string entry, IReadOnlyList<string> methods, IReadOnlyList<LintFinding> findings)
        {
            Entry = entry;
            Methods = methods;
            Findings = findings;
        }

        public string Entry { get; }

        /// <summary>The device-assembly methods on the hot path, entry first.</summary>
        public IReadOnlyList<string> Methods { get; }

        public IReadOnlyList<LintFinding> Findings { get; }

        /// <summary>The driver's own garbage per operation, each finding counted once (call sites once, loops once).</summary>
        public int Bytes => Findings.Sum(f => f.Bytes);

        public bool IsClean => Findings.Count == 0;
    }

    /// <summary>
    /// Finds, in a device assembly's IL, what a hot operation allocates on the nanoCLR heap beyond the platform floor.
    /// <para>A hot path is marked in the budget file: each hot operation names its entry method
    /// (<c>Namespace.Type.Method</c>: every overload of that name is an entry; or <c>Namespace.Type.Method(int, bool)</c>: the one
    /// overload with those parameter types, named by C# keyword or type name without namespace). From there the lint follows calls
    /// (<c>call</c>, <c>callvirt</c>, <c>newobj</c>; an abstract target to its overrides) into methods of the same assembly,
    /// only from instructions on the normal path (<see cref="ControlFlow"/>: code that can only end in a throw, and catch
    /// handlers, are excluded). Delegates invoked and methods of other assemblies are not entered.</para>
    /// <para>Costs (nanoclr-heap.md §3b, B = 12): a struct local 12·(1+F) per call of its method (SpanByte 48, a 2-field struct
    /// 36), compiler temporaries included; a struct created by <c>newobj</c> or returned by another assembly's method
    /// 12·(1+F); a struct copied from a variable, field or argument into an argument, a variable, a field or a return value
    /// 12·(1+F); <c>box</c> 24 (a struct 12·(1+F)); <c>ldstr</c> 12; <c>newobj</c> of a class 12·(1+F) (+24 with a finalizer;
    /// stand-in types as their real counterparts); <c>newarr</c> by the array formula (at least 24 when the length is not a
    /// constant); a delegate 36 (a cached static lambda 0); a string built by a library call at least 24 (an integer's
    /// <c>ToString</c> 60). Struct clones (every copy nanoCLR makes of a struct object, 12·(1+F) each): a struct returned by
    /// a call and passed straight on as an argument (§3d), a struct copied from a variable, field or argument into an
    /// argument, a variable, a field (<c>stobj</c> included) or a return value, <c>ldobj</c>/<c>cpobj</c>, and every struct
    /// local, compiler temporaries included. A struct parameter of the driver's own methods is listed (0 B itself: the
    /// clone falls at the call site; SpanByte 48), except an I2cTransferResult parameter, the static checker §3b measured
    /// at the floor. The I2C calls themselves are not findings: their cost, spans passed
    /// straight in and the returned I2cTransferResult (ignored or handed straight to a checker) included, is the per-call
    /// floor of the transaction log. Nor is an ESP32 pulse-counter read (no other way to read the counter): its 108 B are
    /// the platform floor per read, counted on the virtual board. Struct locals and copies the driver makes of either
    /// result are findings.</para>
    /// </summary>
    public static class HotPathLint
    {
        private const BindingFlags AllDeclared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private static readonly string[] I2cTransfers = { "WriteRead", "Write", "Read", "WriteByte", "ReadByte" };

        /// <summary>
        /// Lints the hot path starting at <paramref name="entry"/> (<c>Namespace.Type.Method</c>, or
        /// <c>Namespace.Type.Method(int, bool)</c> for one overload) in <paramref name="assembly"/>.
        /// </summary>
        public static LintResult Run(Assembly assembly, string entry) => Run(assembly, entry, null);

        /// <summary>
        /// Lints the hot path as <see cref="Run(Assembly, string)"/>, following a call of an abstract or interface method
        /// only into the implementations whose declaring type is in <paramref name="liveTypes"/> (the types of the objects
        /// a constructed driver holds); null follows every implementation.
        /// </summary>
        public static LintResult Run(Assembly assembly, string entry, IReadOnlyCollection<Type> liveTypes)
        {
            int open = entry.IndexOf('(');
            string path = open < 0 ? entry : entry.Substring(0, open);
            string[] parameters = open < 0 ? null : ParameterList(entry, open);
            int dot = path.LastIndexOf('.');
            if (dot <= 0)
            {
                throw new ArgumentException($"Hot-path entry '{entry}' is not Namespace.Type.Method.", nameof(entry));
            }

            Type type = assembly.GetType(path.Substring(0, dot), false) ?? assembly.GetType(path.Substring(0, dot).Replace('.', '+'), false)
                ?? assembly.GetTypes().FirstOrDefault(t => t.FullName?.Replace('+', '.') == path.Substring(0, dot));
            string name = path.Substring(dot + 1);
            MethodBase[] entries = type == null
                ? Array.Empty<MethodBase>()
                : type.GetMethods(AllDeclared).Cast<MethodBase>().Concat(type.GetConstructors(AllDeclared))
                    .Where(m => m.Name == name && (parameters == null || Matches(m.GetParameters(), parameters))).ToArray();
            if (entries.Length == 0)
            {
                throw new ArgumentException($"Hot-path entry '{entry}' names no method of {assembly.GetName().Name}.", nameof(entry));
            }

            var lint = new Lint(assembly, liveTypes);
            foreach (MethodBase method in entries)
            {
                lint.Enqueue(method);
            }

            lint.Drain();
            return new LintResult(entry, lint.Visited.Select(Name).ToList(), lint.Findings);
        }

        private static string[] ParameterList(string entry, int open)
        {
            if (!entry.EndsWith(")", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Hot-path entry '{entry}' has no closing parenthesis.", nameof(entry));
            }

            string list = entry.Substring(open + 1, entry.Length - open - 2);
            return list.Trim().Length == 0 ? Array.Empty<string>() : list.Split(',').Select(p => p.Trim()).ToArray();
        }

        private static bool Matches(ParameterInfo[] actual, string[] expected) =>
            actual.Length == expected.Length && actual.Select((p, i) => ParameterName(p.ParameterType) == Normalised(expected[i])).All(same => same);

        // "out int", "ref int" and "in int" all name the by-reference int.
        private static string Normalised(string parameter)
        {
            foreach (string modifier in new[] { "out ", "ref ", "in " })
            {
                if (parameter.StartsWith(modifier, StringComparison.Ordinal))
                {
                    return parameter.Substring(modifier.Length).Trim() + "&";
                }
            }

            return parameter;
        }

        private static string ParameterName(Type type)
        {
            if (type.IsByRef)
            {
                return ParameterName(type.GetElementType()) + "&";
            }

            if (type.IsEnum)
            {
                return type.Name;
            }

            switch (Type.GetTypeCode(type))
            {
                case TypeCode.Boolean: return "bool";
                case TypeCode.Byte: return "byte";
                case TypeCode.SByte: return "sbyte";
                case TypeCode.Char: return "char";
                case TypeCode.Int16: return "short";
                case TypeCode.UInt16: return "ushort";
                case TypeCode.Int32: return "int";
                case TypeCode.UInt32: return "uint";
                case TypeCode.Int64: return "long";
                case TypeCode.UInt64: return "ulong";
                case TypeCode.Single: return "float";
                case TypeCode.Double: return "double";
                case TypeCode.String: return "string";
            }

            if (type == typeof(object))
            {
                return "object";
            }

            return type.Name;
        }

        internal static string Name(MethodBase method) => $"{method.DeclaringType?.FullName?.Replace('+', '.')}.{method.Name}";

        private sealed class Lint
        {
            private readonly Assembly _assembly;
            private readonly IReadOnlyCollection<Type> _liveTypes;
            private readonly Queue<MethodBase> _queue = new Queue<MethodBase>();
            private readonly Dictionary<MethodBase, bool> _neverReturns = new Dictionary<MethodBase, bool>();

            public Lint(Assembly assembly, IReadOnlyCollection<Type> liveTypes)
            {
                _assembly = assembly;
                _liveTypes = liveTypes;
            }

            public List<MethodBase> Visited { get; } = new List<MethodBase>();

            public List<LintFinding> Findings { get; } = new List<LintFinding>();

            public void Enqueue(MethodBase method)
            {
                if (method.Module.Assembly != _assembly || Visited.Contains(method) || method.GetMethodBody() == null && !method.IsAbstract)
                {
                    return;
                }

                if (method.IsAbstract)
                {
                    foreach (MethodBase implementation in Implementations(method))
                    {
                        Enqueue(implementation);
                    }

                    return;
                }

                Visited.Add(method);
                _queue.Enqueue(method);
            }

            public void Drain()
            {
                while (_queue.Count > 0)
                {
                    LintMethod(_queue.Dequeue());
                }
            }

            private void LintMethod(MethodBase method)
            {
                MethodBody body = method.GetMethodBody();
                IReadOnlyList<IlInstruction> code = IlDecoder.Decode(body.GetILAsByteArray());
                var flow = new ControlFlow(code, body.ExceptionHandlingClauses, i => NeverReturns(method, i));
                var stack = new StackModel(method, code, flow);
                string name = Name(method);

                foreach (LocalVariableInfo local in body.LocalVariables)
                {
                    if (!local.LocalType.IsByRef && NanoTypes.IsStruct(local.LocalType))
                    {
                        Add(name, -1, "struct local", $"{TypeName(local.LocalType)} local #{local.LocalIndex} (created at every call)", NanoTypes.StructBytes(local.LocalType));
                    }
                }

                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    Type type = parameter.ParameterType;
                    if (type.FullName == "System.SpanByte")
                    {
                        Add(name, -1, "SpanByte parameter", $"parameter '{parameter.Name}' (48 B fall where a caller converts or copies a span)", 0);
                    }
                    else if (NanoTypes.IsStruct(type) && type.FullName != "System.Device.I2c.I2cTransferResult")
                    {
                        Add(name, -1, "struct parameter",
                            $"{TypeName(type)} parameter '{parameter.Name}' (every call passes a clone; its {NanoTypes.StructBytes(type)} B fall at the call site)", 0);
                    }
                }

                for (int i = 0; i < code.Count; i++)
                {
                    if (!flow.IsErrorOnly(i))
                    {
                        Inspect(method, name, code, i, stack);
                    }
                }
            }

            private void Inspect(MethodBase method, string name, IReadOnlyList<IlInstruction> code, int i, StackModel stack)
            {
                IlInstruction instruction = code[i];
                OpCode op = instruction.OpCode;
                Module module = method.Module;

                if (op == OpCodes.Ldstr)
                {
                    Add(name, instruction.Offset, "string literal", "ldstr \"" + Shorten(module.ResolveString(instruction.Token)) + "\"", NanoClr.StringLiteral);
                }
                else if (op == OpCodes.Box)
                {
                    Type boxed = Resolve(() => module.ResolveType(instruction.Token, Generic(method.DeclaringType), Generic(method)));
                    if (boxed != null && !boxed.IsClass)
                    {
                        Add(name, instruction.Offset, "boxing", "box " + TypeName(boxed), NanoTypes.IsPrimitive(boxed) ? NanoClr.BoxedPrimitive : NanoTypes.StructBytes(boxed));
                    }
                }
                else if (op == OpCodes.Newarr)
                {
                    Type element = Resolve(() => module.ResolveType(instruction.Token, Generic(method.DeclaringType), Generic(method)));
                    int? length = i > 0 ? IlDecoder.Int32Constant(code[i - 1]) : null;
                    int elementSize = element == null ? NanoClr.Block : NanoTypes.ElementSize(element);
                    Add(name, instruction.Offset, "array", $"new {TypeName(element)}[{(length.HasValue ? length.Value.ToString() : "n")}]",
                        NanoClr.Array(length ?? 0, elementSize), !length.HasValue);
                }
                else if (op == OpCodes.Newobj)
                {
                    var ctor = stack.Target(i) as ConstructorInfo;
                    Type created = ctor?.DeclaringType;
                    if (created == null)
                    {
                        return;
                    }

                    if (typeof(Delegate).IsAssignableFrom(created))
                    {
                        bool cached = i + 2 < code.Count && code[i + 1].OpCode == OpCodes.Dup && code[i + 2].OpCode == OpCodes.Stsfld;
                        if (!cached)
                        {
                            Add(name, instruction.Offset, "delegate", "new " + TypeName(created), NanoClr.Delegate);
                        }
                    }
                    else if (created.IsValueType)
                    {
                        if (!stack.FeedsI2cTransfer(i))
                        {
                            Add(name, instruction.Offset, "struct created", "new " + TypeName(created), NanoTypes.StructBytes(created));
                        }
                    }
                    else
                    {
                        Counterpart counterpart = Counterparts.Find(created);
                        int bytes = counterpart?.Bytes ?? NanoClr.Object(NanoTypes.InstanceFields(created).Count) + (NanoTypes.HasFinalizer(created) ? NanoClr.FinalizerRecord : 0);
                        Add(name, instruction.Offset, "object", "new " + TypeName(created), bytes);
                    }

                    InspectArguments(name, instruction, ctor, i, stack);
                    Enqueue(ctor);
                }
                else if (op == OpCodes.Call || op == OpCodes.Callvirt)
                {
                    MethodBase target = stack.Target(i);
                    if (target == null || IsI2cTransfer(target) || IsPulseCounterRead(target))
                    {
                        return;
                    }

                    bool own = target.Module.Assembly == _assembly;
                    if (target is MethodInfo info && info.ReturnType != typeof(void) && !own)
                    {
                        if (NanoTypes.IsStruct(info.ReturnType) && !stack.FeedsI2cTransfer(i))
                        {
                            Add(name, instruction.Offset, "struct returned", $"{TypeName(info.ReturnType)} from {TypeName(target.DeclaringType)}.{target.Name}", NanoTypes.StructBytes(info.ReturnType));
                        }
                        else if (info.ReturnType == typeof(string))
                        {
                            bool integerToString = target.Name == "ToString" && target.DeclaringType != null && target.DeclaringType.IsPrimitive;
                            Add(name, instruction.Offset, "string built", $"{TypeName(target.DeclaringType)}.{target.Name}", integerToString ? 60 : 24, !integerToString);
                        }
                    }

                    InspectArguments(name, instruction, target, i, stack);
                    if (own)
                    {
                        Enqueue(target);
                    }
                }
                else if (op == OpCodes.Ldobj || op == OpCodes.Cpobj)
                {
                    Type copied = Resolve(() => module.ResolveType(instruction.Token, Generic(method.DeclaringType), Generic(method)));
                    if (copied != null && NanoTypes.IsStruct(copied))
                    {
                        Add(name, instruction.Offset, "struct copy", $"{TypeName(copied)} copied from an address by {op.Name}", NanoTypes.StructBytes(copied));
                    }
                }
                else if (IsStore(op))
                {
                    Type stored = stack.StoredType(i);
                    if (stored != null && NanoTypes.IsStruct(stored) && stack.IsCopyOfExisting(i, 0))
                    {
                        Add(name, instruction.Offset, "struct copy", $"{TypeName(stored)} copied by {op.Name}", NanoTypes.StructBytes(stored));
                    }
                }
                else if (op == OpCodes.Ret && method is MethodInfo returning && NanoTypes.IsStruct(returning.ReturnType) && stack.IsCopyOfExisting(i, 0))
                {
                    Add(name, instruction.Offset, "struct copy", $"{TypeName(returning.ReturnType)} returned by copy", NanoTypes.StructBytes(returning.ReturnType));
                }
            }

            private void InspectArguments(string name, IlInstruction instruction, MethodBase target, int i, StackModel stack)
            {
                if (target == null || IsI2cTransfer(target))
                {
                    return;
                }

                ParameterInfo[] parameters = target.GetParameters();
                for (int p = 0; p < parameters.Length; p++)
                {
                    Type type = parameters[p].ParameterType;
                    int depth = parameters.Length - 1 - p;
                    if (type.IsByRef || !NanoTypes.IsStruct(type))
                    {
                        continue;
                    }

                    if (stack.IsCopyOfExisting(i, depth))
                    {
                        Add(name, instruction.Offset, "struct copy", $"{TypeName(type)} passed by value to {TypeName(target.DeclaringType)}.{target.Name}", NanoTypes.StructBytes(type));
                        continue;
                    }

                    MethodBase returnedBy = stack.ReturnedBy(i, depth);
                    if (returnedBy != null && !IsMeasuredHandOn(returnedBy))
                    {
                        Add(name, instruction.Offset, "struct copy",
                            $"{TypeName(type)} returned by {TypeName(returnedBy.DeclaringType)}.{returnedBy.Name} passed straight on to {TypeName(target.DeclaringType)}.{target.Name} (cloned into the parameter)",
                            NanoTypes.StructBytes(type));
                    }
                }
            }

            private bool NeverReturns(MethodBase caller, IlInstruction instruction)
            {
                if (instruction.OpCode != OpCodes.Call && instruction.OpCode != OpCodes.Callvirt)
                {
                    return false;
                }

                MethodBase target = Resolve(() => caller.Module.ResolveMethod(instruction.Token, Generic(caller.DeclaringType), Generic(caller)));
                if (target == null || target.Module.Assembly != _assembly || target.GetMethodBody() == null || target.IsVirtual && !target.IsFinal)
                {
                    return false;
                }

                if (_neverReturns.TryGetValue(target, out bool known))
                {
                    return known;
                }

                _neverReturns[target] = false;
                MethodBody body = target.GetMethodBody();
                IReadOnlyList<IlInstruction> code = IlDecoder.Decode(body.GetILAsByteArray());
                bool result = new ControlFlow(code, body.ExceptionHandlingClauses, i => NeverReturns(target, i)).EntryIsErrorOnly;
                _neverReturns[target] = result;
                return result;
            }

            private IEnumerable<MethodBase> Implementations(MethodBase method)
            {
                Type[] parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
                return _assembly.GetTypes()
                    .Where(t => t != method.DeclaringType && method.DeclaringType.IsAssignableFrom(t) && (_liveTypes == null || _liveTypes.Contains(t)))
                    .Select(t => t.GetMethod(method.Name, AllDeclared, null, parameters, null))
                    .Where(m => m != null && !m.IsAbstract);
            }

            private void Add(string method, int offset, string kind, string detail, int bytes, bool atLeast = false) =>
                Findings.Add(new LintFinding(method, offset, kind, detail, bytes, atLeast));

            private static bool IsStore(OpCode op) =>
                op == OpCodes.Stloc || op == OpCodes.Stloc_S || op == OpCodes.Stloc_0 || op == OpCodes.Stloc_1 || op == OpCodes.Stloc_2 ||
                op == OpCodes.Stloc_3 || op == OpCodes.Starg || op == OpCodes.Starg_S || op == OpCodes.Stfld || op == OpCodes.Stsfld ||
                op == OpCodes.Stobj;

            private static string Shorten(string text) => text.Length <= 24 ? text : text.Substring(0, 21) + "...";
        }

        // A call's struct result handed straight to a parameter is cloned (nanoclr-heap.md §3d: the GpioPulseCount a
        // pulse-counter read returns, passed into a parameter, leaves one more 36 B object), except where §3b measured the
        // hand-on as free: an I2C transfer's I2cTransferResult passed straight to a checker (inside the 300 B floor of
        // WriteRead), and the byte[] to SpanByte conversion passed straight in (48 B in all).
        private static bool IsMeasuredHandOn(MethodBase producer) =>
            IsI2cTransfer(producer) || producer.Name == "op_Implicit" && producer.DeclaringType?.FullName == "System.SpanByte";

        internal static bool IsI2cTransfer(MethodBase method) =>
            method.DeclaringType?.FullName == "System.Device.I2c.I2cDevice" && I2cTransfers.Contains(method.Name);

        internal static bool IsPulseCounterRead(MethodBase method) =>
            method.DeclaringType?.FullName == "System.Device.Gpio.GpioPulseCounter" && (method.Name == "Read" || method.Name == "Reset");

        internal static Type[] Generic(Type type) => type != null && type.IsGenericType ? type.GetGenericArguments() : null;

        internal static Type[] Generic(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

        internal static T Resolve<T>(Func<T> resolve)
            where T : class
        {
            try
            {
                return resolve();
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (TypeLoadException)
            {
                return null;
            }
            catch (MissingMemberException)
            {
                return null;
            }
        }

        internal static string TypeName(Type type) => type == null ? "?" : (type.FullName ?? type.Name).Replace('+', '.');
    }
}
