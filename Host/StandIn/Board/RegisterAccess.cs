namespace VirtualBoard
{
    /// <summary>How the bits of a register field answer bus accesses (the access column of a datasheet register table).</summary>
    public enum RegisterAccess
    {
        /// <summary>Reads return the stored bits; writes store them.</summary>
        ReadWrite,

        /// <summary>Reads return the bits; writes leave them unchanged (a write to a wholly read-only byte is a violation).</summary>
        ReadOnly,

        /// <summary>Writes store the bits; reads return 0 for them.</summary>
        WriteOnly,

        /// <summary>Reads return the bits; writing 1 to a bit clears it, writing 0 leaves it.</summary>
        WriteOneToClear,

        /// <summary>Read-only bits that clear once the byte holding them has been read from the bus.</summary>
        ClearOnRead,

        /// <summary>Writes store the bits for the register's write side effect, after which they return to 0 (start bits).</summary>
        SelfClearing,
    }
}
