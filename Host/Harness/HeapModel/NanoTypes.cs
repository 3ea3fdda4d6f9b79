using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Harness.HeapModel
{
    /// <summary>How nanoCLR sees a .NET type: which types are primitives, element sizes, field counts, finalizers.</summary>
    public static class NanoTypes
    {
        private const BindingFlags DeclaredInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        /// <summary>
        /// Types stored inside a heap block's 8-byte data union: the numeric primitives, bool, char, enums, and
        /// DateTime/TimeSpan (DATATYPE_DATETIME/TIMESPAN). A field, local, static or array element of such a type is no
        /// separate object.
        /// </summary>
        public static bool IsPrimitive(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan);

        /// <summary>A value type that nanoCLR keeps as a separate heap object (every struct that is not a primitive or an enum).</summary>
        public static bool IsStruct(Type type) => type.IsValueType && !IsPrimitive(type) && !type.IsPointer && !type.IsByRef;

        /// <summary>Element size of an array in bytes (nanoclr-heap.md §2): 1, 2, 4, 8, or 12 for references and structs.</summary>
        public static int ElementSize(Type element)
        {
            if (element.IsEnum)
            {
                element = Enum.GetUnderlyingType(element);
            }

            switch (Type.GetTypeCode(element))
            {
                case TypeCode.Boolean:
                case TypeCode.Byte:
                case TypeCode.SByte:
                    return 1;
                case TypeCode.Char:
                case TypeCode.Int16:
                case TypeCode.UInt16:
                    return 2;
                case TypeCode.Int32:
                case TypeCode.UInt32:
                case TypeCode.Single:
                    return 4;
                case TypeCode.Int64:
                case TypeCode.UInt64:
                case TypeCode.Double:
                case TypeCode.DateTime:
                    return 8;
            }

            if (element == typeof(TimeSpan))
            {
                return 8;
            }

            if (element == typeof(IntPtr) || element == typeof(UIntPtr))
            {
                return 4;
            }

            return NanoClr.Block;
        }

        /// <summary>Every instance field of the type, inherited ones first (System.Object has none).</summary>
        public static IReadOnlyList<FieldInfo> InstanceFields(Type type)
        {
            var chain = new List<Type>();
            for (Type t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                chain.Add(t);
            }

            chain.Reverse();
            return chain.SelectMany(t => t.GetFields(DeclaredInstance)).ToList();
        }

        /// <summary>Whether an instance gets a finalizer record: some type in its chain below System.Object declares a finalizer.</summary>
        public static bool HasFinalizer(Type type)
        {
            for (Type t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                MethodInfo finalize = t.GetMethod("Finalize", DeclaredInstance, null, Type.EmptyTypes, null);
                if (finalize != null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Bytes of one struct object: 12·(1 + F), plus the separate objects of its own struct-typed fields. Used for
        /// struct locals, boxed structs, clones and struct returns.
        /// </summary>
        public static int StructBytes(Type type) => StructBytes(type, 0);

        /// <summary>Instance field count used by the formulas (the stand-in counterparts use their real count).</summary>
        public static int FieldCount(Type type) => Counterparts.Find(type)?.Fields ?? InstanceFields(type).Count;

        private static int StructBytes(Type type, int depth)
        {
            Counterpart counterpart = Counterparts.Find(type);
            if (counterpart != null)
            {
                return NanoClr.Object(counterpart.Fields) + counterpart.HiddenBytes;
            }

            IReadOnlyList<FieldInfo> fields = InstanceFields(type);
            int bytes = NanoClr.Object(fields.Count);
            if (depth < 8)
            {
                foreach (FieldInfo field in fields)
                {
                    if (IsStruct(field.FieldType))
                    {
                        bytes += StructBytes(field.FieldType, depth + 1);
                    }
                }
            }

            return bytes;
        }
    }
}
