using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Harness.Compatibility
{
    /// <summary>The metadata tokens an IL method body uses (call targets, fields, types, ldtoken, calli signatures).</summary>
    internal static class IlTokens
    {
        public static List<EntityHandle> Read(BlobReader il)
        {
            var tokens = new List<EntityHandle>();
            while (il.RemainingBytes > 0)
            {
                int code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = 0xFE00 | il.ReadByte();
                }

                switch (OperandOf(code))
                {
                    case Operand.None:
                        break;
                    case Operand.Int8:
                        il.ReadByte();
                        break;
                    case Operand.Int16:
                        il.ReadInt16();
                        break;
                    case Operand.Int32:
                        il.ReadInt32();
                        break;
                    case Operand.Int64:
                        il.ReadInt64();
                        break;
                    case Operand.Switch:
                        int targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case Operand.UserString:
                        il.ReadInt32();
                        break;
                    case Operand.Token:
                        tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                }
            }

            return tokens;
        }

        private enum Operand
        {
            None,
            Int8,
            Int16,
            Int32,
            Int64,
            Switch,
            UserString,
            Token,
        }

        // ECMA-335 Partition III operand sizes.
        private static Operand OperandOf(int code)
        {
            switch (code)
            {
                case 0x0E: case 0x0F: case 0x10: case 0x11: case 0x12: case 0x13: // ldarg.s … stloc.s
                case 0x1F: // ldc.i4.s
                case 0xDE: // leave.s
                case 0xFE12: case 0xFE19: // unaligned., no.
                    return Operand.Int8;
                case 0xFE09: case 0xFE0A: case 0xFE0B: case 0xFE0C: case 0xFE0D: case 0xFE0E: // ldarg … stloc
                    return Operand.Int16;
                case 0x20: case 0x22: case 0xDD: // ldc.i4, ldc.r4, leave
                    return Operand.Int32;
                case 0x21: case 0x23: // ldc.i8, ldc.r8
                    return Operand.Int64;
                case 0x45:
                    return Operand.Switch;
                case 0x72: // ldstr
                    return Operand.UserString;
                case 0x27: case 0x28: case 0x29: case 0x6F: case 0x70: case 0x71: case 0x73: case 0x74: case 0x75:
                case 0x79: case 0x7B: case 0x7C: case 0x7D: case 0x7E: case 0x7F: case 0x80: case 0x81: case 0x8C:
                case 0x8D: case 0x8F: case 0xA3: case 0xA4: case 0xA5: case 0xC2: case 0xC6: case 0xD0:
                case 0xFE06: case 0xFE07: case 0xFE15: case 0xFE16: case 0xFE1C:
                    return Operand.Token;
            }

            if (code >= 0x2B && code <= 0x37)
            {
                return Operand.Int8; // short branches
            }

            if (code >= 0x38 && code <= 0x44)
            {
                return Operand.Int32; // long branches
            }

            return Operand.None;
        }
    }
}
