using System;
using System.Text;

namespace Harness.HeapModel
{
    /// <summary>
    /// The nanoCLR heap formulas of a 32-bit target (ESP32): every figure is whole 12-byte heap blocks.
    /// Source: docs/nanoclr-heap.md §2 (formulas, nf-interpreter files) and §3 (measured sizes).
    /// </summary>
    public static class NanoClr
    {
        /// <summary>Identifies this model in reports: bump it whenever a formula or an assumption changes.</summary>
        public const string ModelVersion = "nanoclr-heap-model 1.0 (32-bit, 12-byte blocks, ESP32 layout)";

        /// <summary>sizeof(CLR_RT_HeapBlock) on every 32-bit target.</summary>
        public const int Block = 12;

        /// <summary>Header of a one-dimensional array.</summary>
        public const int ArrayHeader = 20;

        /// <summary>Header of a string (the text follows as UTF-8 plus a NUL).</summary>
        public const int StringHeader = 12;

        /// <summary>A boxed primitive (int, long, double, bool, enum …): two blocks.</summary>
        public const int BoxedPrimitive = 2 * Block;

        /// <summary>A delegate, static or instance target: ceil(32 / 12) blocks.</summary>
        public const int Delegate = 36;

        /// <summary>The finalizer record an object of a type with a finalizer gets (20 bytes, two blocks).</summary>
        public const int FinalizerRecord = 24;

        /// <summary>A static field: one block in the assembly's RAM record, whatever its type.</summary>
        public const int StaticField = Block;

        /// <summary>A string literal executed by <c>ldstr</c>: one block per execution, the text stays in flash.</summary>
        public const int StringLiteral = Block;

        /// <summary>Rounds a byte count up to whole heap blocks.</summary>
        public static int Blocks(long bytes)
        {
            if (bytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bytes));
            }

            return checked((int)((bytes + Block - 1) / Block * Block));
        }

        /// <summary>A class instance (or a boxed struct) with <paramref name="fields"/> instance fields, inherited ones included.</summary>
        public static int Object(int fields) => Block * (1 + fields);

        /// <summary>A one-dimensional array of <paramref name="length"/> elements of <paramref name="elementSize"/> bytes.</summary>
        public static int Array(long length, int elementSize) => Blocks(ArrayHeader + length * elementSize);

        /// <summary>A string: header, UTF-8 text and a NUL, in whole blocks.</summary>
        public static int String(string value) => Blocks(StringHeader + Encoding.UTF8.GetByteCount(value) + 1);

        /// <summary>The invocation list of a multicast delegate with <paramref name="targets"/> targets (the delegates are extra).</summary>
        public static int MulticastList(int targets) => Blocks(24 + Block * targets);
    }
}
