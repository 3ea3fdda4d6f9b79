namespace VirtualBoard
{
    /// <summary>A named group of bits of a <see cref="Register"/> with one access mode.</summary>
    public sealed class RegisterField
    {
        internal RegisterField(string name, int lowBit, int bitCount, RegisterAccess access)
        {
            Name = name;
            LowBit = lowBit;
            BitCount = bitCount;
            Access = access;
            Mask = (int)(((1L << bitCount) - 1) << lowBit);
        }

        /// <summary>The datasheet name of the field.</summary>
        public string Name { get; }

        /// <summary>Position of the field's least significant bit in the register.</summary>
        public int LowBit { get; }

        /// <summary>Width of the field in bits.</summary>
        public int BitCount { get; }

        /// <summary>How the field's bits answer the bus.</summary>
        public RegisterAccess Access { get; }

        /// <summary>The field's bits within the register.</summary>
        public int Mask { get; }

        public override string ToString() => $"{Name} [{LowBit + BitCount - 1}:{LowBit}] {Access}";
    }
}
