using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtualBoard
{
    /// <summary>
    /// One register of a chip, declared from its datasheet: address, name, width, power-on value and the access mode of
    /// each field. Bits not covered by a declared field take the register's default access. Behaviour that no access
    /// mode describes (a start bit launching a measurement, a port read computed from pin levels) is a hook:
    /// <see cref="OnRead"/> and <see cref="OnWrite"/>.
    /// </summary>
    public sealed class Register
    {
        private readonly List<RegisterField> _fields = new List<RegisterField>();
        private readonly List<(Register Target, int Mask)> _clearsOnRead = new List<(Register, int)>();

        internal Register(RegisterMap map, int address, string name, int widthBits, int reset, RegisterAccess access)
        {
            if (widthBits != 8 && widthBits != 16 && widthBits != 32)
            {
                throw new ArgumentOutOfRangeException(nameof(widthBits), widthBits, "A register is 8, 16 or 32 bits wide.");
            }

            Map = map;
            Address = address;
            Name = name;
            WidthBits = widthBits;
            Access = access;
            Reset = reset & WidthMask;
            Value = Reset;
        }

        /// <summary>The register file the register belongs to.</summary>
        public RegisterMap Map { get; }

        /// <summary>The address of its first (most significant, unless the map is little-endian) byte.</summary>
        public int Address { get; }

        /// <summary>The datasheet name.</summary>
        public string Name { get; }

        /// <summary>Width in bits: 8, 16 or 32.</summary>
        public int WidthBits { get; }

        /// <summary>Number of consecutive addresses the register occupies.</summary>
        public int SizeBytes => WidthBits / 8;

        /// <summary>Access of the bits no declared field covers.</summary>
        public RegisterAccess Access { get; }

        /// <summary>Power-on value.</summary>
        public int Reset { get; set; }

        /// <summary>Stored value (what a plain read returns, before write-only bits are masked).</summary>
        public int Value { get; set; }

        /// <summary>The declared fields.</summary>
        public IReadOnlyList<RegisterField> Fields => _fields;

        /// <summary>All bits of the register.</summary>
        public int WidthMask => WidthBits == 32 ? -1 : (1 << WidthBits) - 1;

        /// <summary>Computes the value a bus read sees (defaults to <see cref="Value"/>); runs once per byte read.</summary>
        public Func<int> OnRead { get; set; }

        /// <summary>
        /// Side effect of a bus write, given the register value the access modes produced; the default stores it in
        /// <see cref="Value"/>. Self-clearing bits are cleared after it returns.
        /// </summary>
        public Action<int> OnWrite { get; set; }

        /// <summary>Raised after a bus access changed <see cref="Value"/> through an access mode (a clear on read or write).</summary>
        public event Action<Register> Cleared;

        /// <summary>Declares a field of <paramref name="bitCount"/> bits from <paramref name="lowBit"/> with its access.</summary>
        public Register Field(string name, int lowBit, int bitCount, RegisterAccess access)
        {
            if (lowBit < 0 || bitCount < 1 || lowBit + bitCount > WidthBits)
            {
                throw new ArgumentOutOfRangeException(nameof(bitCount), $"{Name}.{name}: bits [{lowBit + bitCount - 1}:{lowBit}] are outside a {WidthBits}-bit register.");
            }

            var field = new RegisterField(name, lowBit, bitCount, access);
            if (_fields.Any(f => (f.Mask & field.Mask) != 0))
            {
                throw new ArgumentException($"{Name}.{name} overlaps another field.", nameof(lowBit));
            }

            _fields.Add(field);
            return this;
        }

        /// <summary>Declares that a bus read of this register clears <paramref name="mask"/> of <paramref name="target"/>.</summary>
        public Register ClearsOnRead(Register target, int mask)
        {
            _clearsOnRead.Add((target ?? throw new ArgumentNullException(nameof(target)), mask));
            return this;
        }

        /// <summary>The bits whose access is <paramref name="access"/>.</summary>
        public int BitsWith(RegisterAccess access)
        {
            int declared = 0;
            int bits = 0;
            foreach (RegisterField field in _fields)
            {
                declared |= field.Mask;
                if (field.Access == access)
                {
                    bits |= field.Mask;
                }
            }

            if (Access == access)
            {
                bits |= WidthMask & ~declared;
            }

            return bits;
        }

        public override string ToString() => $"{Name} @0x{Address:X3} ({WidthBits} bits, reset 0x{Reset:X})";

        internal byte BusRead(int byteOffset)
        {
            int shift = ByteShift(byteOffset);
            int value = (OnRead != null ? OnRead() : Value) & ~BitsWith(RegisterAccess.WriteOnly);
            byte result = (byte)(value >> shift);
            int byteMask = 0xFF << shift;

            int clear = BitsWith(RegisterAccess.ClearOnRead) & byteMask;
            if (clear != 0 && (Value & clear) != 0)
            {
                Value &= ~clear;
                Cleared?.Invoke(this);
            }

            foreach ((Register target, int mask) in _clearsOnRead)
            {
                if ((target.Value & mask) != 0)
                {
                    target.Value &= ~mask;
                    target.Cleared?.Invoke(target);
                }
            }

            return result;
        }

        /// <summary>Returns false when no bit of the addressed byte is writable (the write is ignored).</summary>
        internal bool BusWrite(int byteOffset, byte data)
        {
            int shift = ByteShift(byteOffset);
            int byteMask = 0xFF << shift;
            int written = data << shift;
            int store = (BitsWith(RegisterAccess.ReadWrite) | BitsWith(RegisterAccess.WriteOnly) | BitsWith(RegisterAccess.SelfClearing)) & byteMask;
            int w1c = BitsWith(RegisterAccess.WriteOneToClear) & byteMask;
            if (store == 0 && w1c == 0)
            {
                return false;
            }

            int next = (Value & ~store) | (written & store);
            int cleared = written & w1c;
            next &= ~cleared;
            if (OnWrite != null)
            {
                OnWrite(next);
            }
            else
            {
                Value = next;
            }

            int selfClearing = BitsWith(RegisterAccess.SelfClearing) & byteMask;
            Value &= ~selfClearing;
            if (cleared != 0)
            {
                Cleared?.Invoke(this);
            }

            return true;
        }

        private int ByteShift(int byteOffset)
        {
            int fromLow = Map.LittleEndian ? byteOffset : SizeBytes - 1 - byteOffset;
            return 8 * fromLow;
        }
    }
}
