using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Harness.HeapModel
{
    /// <summary>One object the model sized.</summary>
    public sealed class HeapItem
    {
        public HeapItem(string path, string type, int bytes)
        {
            Path = path;
            Type = type;
            Bytes = bytes;
        }

        /// <summary>How it was reached from a root, e.g. <c>sensor._device._syncLock</c>.</summary>
        public string Path { get; }

        public string Type { get; }

        /// <summary>nanoCLR bytes of this object (its own blocks, struct-field objects, finalizer record, hidden parts).</summary>
        public int Bytes { get; }

        public override string ToString() => $"{Path}: {Type} {Bytes} B";
    }

    /// <summary>An object the model did not size, and why.</summary>
    public sealed class LeftOut
    {
        public LeftOut(string path, string type, string reason)
        {
            Path = path;
            Type = type;
            Reason = reason;
        }

        public string Path { get; }

        public string Type { get; }

        public string Reason { get; }

        public override string ToString() => $"{Path}: {Type} left out ({Reason})";
    }

    /// <summary>The nanoCLR bytes of an object graph, with what was counted and what was left out.</summary>
    public sealed class HeapReport
    {
        internal HeapReport(List<HeapItem> items, List<LeftOut> leftOut, HashSet<object> reached)
        {
            Items = items;
            LeftOut = leftOut;
            Reached = reached;
        }

        public int TotalBytes => Items.Sum(i => i.Bytes);

        public IReadOnlyList<HeapItem> Items { get; }

        public IReadOnlyList<LeftOut> LeftOut { get; }

        /// <summary>Every object reached (sized, left out or excluded): a baseline for a later measurement.</summary>
        public IReadOnlySet<object> Reached { get; }

        public override string ToString() =>
            $"{TotalBytes} B in {Items.Count} objects" + (LeftOut.Count == 0 ? string.Empty : $"; left out: {string.Join("; ", LeftOut)}");
    }

    /// <summary>A named root of a walk.</summary>
    public readonly struct HeapRoot
    {
        public HeapRoot(string name, object value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public object Value { get; }
    }

    /// <summary>
    /// Sizes the object graph retained by roots with the nanoCLR formulas (<see cref="NanoClr"/>), counting each object
    /// once. Device objects are sized field by field; stand-in objects as their real counterparts
    /// (<see cref="Counterparts"/>); host-only objects (virtual board, simulators, harness) are never entered and are
    /// listed as left out, as are base-library types nanoFramework 1.x has no model for here.
    /// </summary>
    public static class HeapWalker
    {
        private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private const BindingFlags AnyStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        /// <summary>Sizes what one root retains.</summary>
        public static HeapReport Measure(string rootName, object root) => Measure(new[] { new HeapRoot(rootName, root) }, null);

        /// <summary>
        /// Sizes what the roots retain. Objects in <paramref name="existing"/> (a baseline) are walked through but not
        /// counted: only objects that are new since the baseline add bytes.
        /// </summary>
        public static HeapReport Measure(IEnumerable<HeapRoot> roots, IReadOnlySet<object> existing)
        {
            var walk = new Walk(existing);
            foreach (HeapRoot root in roots)
            {
                walk.Push(root.Value, root.Name);
            }

            walk.Run();
            return new HeapReport(walk.Items, walk.LeftOut, walk.Reached);
        }

        /// <summary>
        /// The objects referenced by the static fields of an assembly's types, after their static constructors ran.
        /// Primitive statics live in their 12-byte slot (part of the assembly load figure) and are not roots; a struct
        /// static is boxed at load (also part of the load figure), so only its reference fields are roots.
        /// </summary>
        public static IReadOnlyList<HeapRoot> StaticRoots(Assembly assembly)
        {
            var roots = new List<HeapRoot>();
            foreach (Type type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.ContainsGenericParameters || HeapPolicy.IsHostShim(type) || HeapPolicy.Owner(type) != TypeOwner.Device)
                {
                    continue;
                }

                FieldInfo[] statics = type.GetFields(AnyStatic).Where(f => !f.IsLiteral).ToArray();
                if (statics.Length == 0)
                {
                    continue;
                }

                System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                foreach (FieldInfo field in statics)
                {
                    object value = field.GetValue(null);
                    string name = type.FullName + "." + field.Name;
                    if (value == null || NanoTypes.IsPrimitive(field.FieldType))
                    {
                        continue;
                    }

                    if (NanoTypes.IsStruct(field.FieldType))
                    {
                        foreach (FieldInfo inner in NanoTypes.InstanceFields(field.FieldType).Where(f => !f.FieldType.IsValueType))
                        {
                            roots.Add(new HeapRoot(name + "." + inner.Name, inner.GetValue(value)));
                        }

                        continue;
                    }

                    roots.Add(new HeapRoot(name, value));
                }
            }

            return roots;
        }

        private sealed class Walk
        {
            private readonly IReadOnlySet<object> _existing;
            private readonly Stack<(object Value, string Path)> _pending = new Stack<(object, string)>();

            public Walk(IReadOnlySet<object> existing)
            {
                _existing = existing;
            }

            public List<HeapItem> Items { get; } = new List<HeapItem>();

            public List<LeftOut> LeftOut { get; } = new List<LeftOut>();

            public HashSet<object> Reached { get; } = new HashSet<object>(ReferenceEqualityComparer.Instance);

            public void Push(object value, string path)
            {
                if (value != null)
                {
                    _pending.Push((value, path));
                }
            }

            public void Run()
            {
                // Depth-first, roots in the order given: the first path that reaches an object names it.
                var ordered = new Stack<(object, string)>(_pending);
                _pending.Clear();
                foreach ((object value, string path) in ordered)
                {
                    _pending.Push((value, path));
                    Drain();
                }
            }

            private void Drain()
            {
                while (_pending.Count > 0)
                {
                    (object value, string path) = _pending.Pop();
                    if (!Reached.Add(value))
                    {
                        continue;
                    }

                    bool counted = _existing == null || !_existing.Contains(value);
                    var children = new List<(object, string)>();
                    int bytes = Size(value, path, children, out string leftOutReason);
                    if (leftOutReason != null)
                    {
                        if (counted)
                        {
                            LeftOut.Add(new LeftOut(path, TypeName(value.GetType()), leftOutReason));
                        }

                        continue;
                    }

                    if (counted)
                    {
                        Items.Add(new HeapItem(path, TypeName(value.GetType()), bytes));
                    }

                    for (int i = children.Count - 1; i >= 0; i--)
                    {
                        Push(children[i].Item1, children[i].Item2);
                    }
                }
            }

            private static int Size(object value, string path, List<(object, string)> children, out string leftOut)
            {
                leftOut = null;
                Type type = value.GetType();

                if (value is string text)
                {
                    return NanoClr.String(text);
                }

                if (value is Array array)
                {
                    return SizeArray(array, path, children, out leftOut);
                }

                if (value is Delegate del)
                {
                    return SizeDelegate(del, path, children);
                }

                switch (HeapPolicy.Owner(type))
                {
                    case TypeOwner.HostOnly:
                        leftOut = "host-only: the virtual board, a simulator or the harness, which the device does not have";
                        return 0;

                    case TypeOwner.StandIn:
                        Counterpart counterpart = Counterparts.Find(type);
                        if (counterpart == null)
                        {
                            if (type.IsValueType)
                            {
                                return SizeBoxed(value, type, path, children);
                            }

                            leftOut = "stand-in type with no nanoFramework counterpart in the model";
                            return 0;
                        }

                        foreach (string fieldName in counterpart.Follow)
                        {
                            FieldInfo field = NanoTypes.InstanceFields(type).FirstOrDefault(f => f.Name == fieldName);
                            if (field != null)
                            {
                                children.Add((field.GetValue(value), path + "." + fieldName));
                            }
                        }

                        return counterpart.Bytes;

                    case TypeOwner.BaseLibrary:
                        if (type.IsValueType)
                        {
                            return SizeBoxed(value, type, path, children);
                        }

                        if (type == typeof(object))
                        {
                            return NanoClr.Object(0);
                        }

                        if (value is ArrayList list)
                        {
                            // nanoFramework's ArrayList: 3 fields (_items, _size, _version) and an object[] that starts at 4.
                            for (int i = 0; i < list.Count; i++)
                            {
                                children.Add((list[i], $"{path}[{i}]"));
                            }

                            return NanoClr.Object(3) + NanoClr.Array(Math.Max(4, list.Capacity), NanoClr.Block);
                        }

                        leftOut = "base-library type with no nanoFramework 1.x model here";
                        return 0;

                    default:
                        if (type.IsValueType)
                        {
                            return SizeBoxed(value, type, path, children);
                        }

                        return SizeClass(value, type, path, children);
                }
            }

            private static int SizeClass(object value, Type type, string path, List<(object, string)> children)
            {
                IReadOnlyList<FieldInfo> fields = NanoTypes.InstanceFields(type);
                int bytes = NanoClr.Object(fields.Count) + (NanoTypes.HasFinalizer(type) ? NanoClr.FinalizerRecord : 0);
                foreach (FieldInfo field in fields)
                {
                    bytes += SizeSlot(field.FieldType, field.GetValue(value), path + "." + field.Name, children);
                }

                return bytes;
            }

            // A field, array element or struct member: primitives live in the slot, a struct is its own object,
            // a reference is walked.
            private static int SizeSlot(Type declared, object value, string path, List<(object, string)> children)
            {
                if (NanoTypes.IsPrimitive(declared))
                {
                    return 0;
                }

                if (NanoTypes.IsStruct(declared))
                {
                    return SizeStructValue(declared, value, path, children);
                }

                children.Add((value, path));
                return 0;
            }

            private static int SizeStructValue(Type type, object boxed, string path, List<(object, string)> children)
            {
                IReadOnlyList<FieldInfo> fields = NanoTypes.InstanceFields(type);
                int bytes = NanoClr.Object(fields.Count);
                foreach (FieldInfo field in fields)
                {
                    bytes += SizeSlot(field.FieldType, boxed == null ? null : field.GetValue(boxed), path + "." + field.Name, children);
                }

                return bytes;
            }

            private static int SizeBoxed(object value, Type type, string path, List<(object, string)> children) =>
                NanoTypes.IsPrimitive(type) ? NanoClr.BoxedPrimitive : SizeStructValue(type, value, path, children);

            private static int SizeArray(Array array, string path, List<(object, string)> children, out string leftOut)
            {
                leftOut = null;
                if (array.Rank != 1)
                {
                    leftOut = "multidimensional arrays do not exist on nanoFramework";
                    return 0;
                }

                Type element = array.GetType().GetElementType();
                int bytes = NanoClr.Array(array.LongLength, NanoTypes.ElementSize(element));
                if (NanoTypes.IsPrimitive(element))
                {
                    return bytes;
                }

                for (int i = 0; i < array.Length; i++)
                {
                    // Struct elements are separate objects, as struct fields are [U: element initialisation per nanoCLR's array creation].
                    bytes += SizeSlot(element, array.GetValue(i), $"{path}[{i}]", children);
                }

                return bytes;
            }

            private static int SizeDelegate(Delegate del, string path, List<(object, string)> children)
            {
                Delegate[] list = del.GetInvocationList();
                if (list.Length == 1 && ReferenceEquals(list[0], del))
                {
                    children.Add((del.Target, path + ".target"));
                    return NanoClr.Delegate;
                }

                for (int i = 0; i < list.Length; i++)
                {
                    children.Add((list[i], $"{path}[{i}]"));
                }

                return NanoClr.MulticastList(list.Length);
            }

            private static string TypeName(Type type) => type.FullName ?? type.Name;
        }
    }
}
