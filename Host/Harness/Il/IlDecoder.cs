using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Harness.Il
{
    /// <summary>One decoded IL instruction.</summary>
    public sealed class IlInstruction
    {
        internal IlInstruction(int offset, int size, OpCode opCode, long operand, int[] targets)
        {
            Offset = offset;
            Size = size;
            OpCode = opCode;
            Operand = operand;
            Targets = targets;
        }

        public int Offset { get; }

        public int Size { get; }

        public OpCode OpCode { get; }

        /// <summary>The inline operand: a metadata token, a constant, a local or argument index, or a branch target offset.</summary>
        public long Operand { get; }

        /// <summary>Branch targets (absolute offsets): one for a branch, several for a switch, none otherwise.</summary>
        public IReadOnlyList<int> Targets { get; }

        public int Token => (int)Operand;

        public int Next => Offset + Size;

        public override string ToString() => $"IL_{Offset:X4}: {OpCode.Name}";
    }

    /// <summary>Decodes a method body's IL bytes into instructions.</summary>
    public static class IlDecoder
    {
        private static readonly OpCode[] OneByte = new OpCode[0x100];
        private static readonly OpCode[] TwoByte = new OpCode[0x100];

        static IlDecoder()
        {
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var code = (OpCode)field.GetValue(null);
                ushort value = unchecked((ushort)code.Value);
                if (code.Size == 1)
                {
                    OneByte[value] = code;
                }
                else
                {
                    TwoByte[value & 0xFF] = code;
                }
            }
        }

        public static IReadOnlyList<IlInstruction> Decode(byte[] il)
        {
            var result = new List<IlInstruction>();
            int pos = 0;
            while (pos < il.Length)
            {
                int start = pos;
                OpCode code = il[pos] == 0xFE ? TwoByte[il[++pos]] : OneByte[il[pos]];
                pos++;
                long operand = 0;
                int[] targets = System.Array.Empty<int>();
                switch (code.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                        operand = (sbyte)il[pos];
                        pos += 1;
                        targets = new[] { pos + (int)operand };
                        break;
                    case OperandType.ShortInlineI:
                        operand = code == OpCodes.Ldc_I4_S ? (sbyte)il[pos] : il[pos];
                        pos += 1;
                        break;
                    case OperandType.ShortInlineVar:
                        operand = il[pos];
                        pos += 1;
                        break;
                    case OperandType.InlineVar:
                        operand = BitConverter.ToUInt16(il, pos);
                        pos += 2;
                        break;
                    case OperandType.InlineBrTarget:
                        operand = BitConverter.ToInt32(il, pos);
                        pos += 4;
                        targets = new[] { pos + (int)operand };
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        operand = BitConverter.ToInt64(il, pos);
                        pos += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int count = BitConverter.ToInt32(il, pos);
                        pos += 4;
                        int baseOffset = pos + 4 * count;
                        targets = Enumerable.Range(0, count).Select(i => baseOffset + BitConverter.ToInt32(il, pos + 4 * i)).ToArray();
                        pos = baseOffset;
                        operand = count;
                        break;
                    default:
                        // InlineI, InlineField, InlineMethod, InlineType, InlineTok, InlineString, InlineSig, ShortInlineR.
                        operand = BitConverter.ToInt32(il, pos);
                        pos += 4;
                        break;
                }

                result.Add(new IlInstruction(start, pos - start, code, operand, targets));
            }

            return result;
        }

        /// <summary>The constant an <c>ldc.i4*</c> instruction loads, or null for any other instruction.</summary>
        public static int? Int32Constant(IlInstruction instruction)
        {
            OpCode code = instruction.OpCode;
            if (code == OpCodes.Ldc_I4 || code == OpCodes.Ldc_I4_S)
            {
                return (int)instruction.Operand;
            }

            if (code.Value >= OpCodes.Ldc_I4_M1.Value && code.Value <= OpCodes.Ldc_I4_8.Value && code.Size == 1)
            {
                return code.Value - OpCodes.Ldc_I4_0.Value;
            }

            return null;
        }
    }
}
