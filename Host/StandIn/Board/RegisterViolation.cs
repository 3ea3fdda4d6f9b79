namespace VirtualBoard
{
    /// <summary>What a bus access did that the chip's register table does not allow.</summary>
    public enum RegisterViolationKind
    {
        /// <summary>A read from an address no register occupies (silicon answers 0).</summary>
        ReadUndeclared,

        /// <summary>A write to an address no register occupies (silicon ignores it).</summary>
        WriteUndeclared,

        /// <summary>A write to a byte whose bits are all read-only (silicon ignores it).</summary>
        WriteReadOnly,
    }

    /// <summary>One bus access outside the register table: the chip answered as silicon does and the access was recorded.</summary>
    public sealed record RegisterViolation(string Chip, int Address, RegisterViolationKind Kind, byte Value, long TimeTicks, bool Expected)
    {
        public override string ToString() =>
            $"{Chip}: {Kind} at 0x{Address:X3}{(Kind == RegisterViolationKind.ReadUndeclared ? string.Empty : $" (0x{Value:X2})")} at {TimeTicks / 10_000} ms{(Expected ? " (expected)" : string.Empty)}";
    }
}
