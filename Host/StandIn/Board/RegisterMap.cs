using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtualBoard
{
    /// <summary>
    /// A chip's register file declared once, from its datasheet, in the manner of a peripheral model's register table:
    /// each register with its width, power-on value and per-field access, cross-register clears on read, and the
    /// address pointer's rules (auto-increment, a bit that disables it, wrap-around). A bus access the table does not
    /// allow answers as silicon does (an undeclared read returns 0; a write to an undeclared address or a read-only
    /// byte is ignored) and is recorded in <see cref="Board.RegisterViolations"/>, which fails the test that caused it
    /// unless the test expected it.
    /// </summary>
    public sealed class RegisterMap
    {
        private readonly Dictionary<int, Register> _byAddress = new Dictionary<int, Register>();
        private readonly List<Register> _registers = new List<Register>();
        private readonly List<RegisterViolation> _violations = new List<RegisterViolation>();
        private Register _incrementControl;
        private int _incrementDisabledMask;
        private int _wrapLast = -1;
        private int _wrapFirst;

        public RegisterMap(string chip, bool littleEndian = false)
        {
            Chip = chip;
            LittleEndian = littleEndian;
        }

        /// <summary>The chip's name, used in violation records.</summary>
        public string Chip { get; }

        /// <summary>Whether multi-byte registers put their least significant byte at the lowest address.</summary>
        public bool LittleEndian { get; }

        /// <summary>Every declared register, in declaration order.</summary>
        public IEnumerable<Register> All => _registers;

        /// <summary>The register that occupies <paramref name="address"/>; for test and model code (throws if none does).</summary>
        public Register this[int address] =>
            _byAddress.TryGetValue(address, out Register r)
                ? r
                : throw new SimulatorException($"{Chip}: no register is declared at 0x{address:X3}.");

        /// <summary>Declares an 8-bit register whose bits all have one access mode.</summary>
        public Register Define(int address, string name, byte reset = 0, RegisterAccess access = RegisterAccess.ReadWrite) =>
            Define(address, name, 8, reset, access);

        /// <summary>Declares a register of <paramref name="widthBits"/> bits (8, 16 or 32) occupying consecutive addresses.</summary>
        public Register Define(int address, string name, int widthBits, int reset, RegisterAccess access = RegisterAccess.ReadWrite)
        {
            var register = new Register(this, address, name, widthBits, reset, access);
            for (int i = 0; i < register.SizeBytes; i++)
            {
                if (_byAddress.ContainsKey(address + i))
                {
                    throw new ArgumentException($"{Chip}: 0x{address + i:X3} is declared twice ({_byAddress[address + i].Name}, {name}).", nameof(address));
                }
            }

            for (int i = 0; i < register.SizeBytes; i++)
            {
                _byAddress.Add(address + i, register);
            }

            _registers.Add(register);
            return register;
        }

        /// <summary>Declares that the address pointer stops incrementing while <paramref name="mask"/> of <paramref name="control"/> is set.</summary>
        public void AutoIncrementDisabledBy(Register control, int mask)
        {
            _incrementControl = control ?? throw new ArgumentNullException(nameof(control));
            _incrementDisabledMask = mask;
        }

        /// <summary>Declares that the address pointer wraps from <paramref name="last"/> to <paramref name="first"/>.</summary>
        public void WrapsAround(int last, int first)
        {
            _wrapLast = last;
            _wrapFirst = first;
        }

        /// <summary>The address the pointer moves to after a data byte at <paramref name="address"/>.</summary>
        public int NextAddress(int address)
        {
            if (_incrementControl != null && (_incrementControl.Value & _incrementDisabledMask) != 0)
            {
                return address;
            }

            return address == _wrapLast ? _wrapFirst : address + 1;
        }

        /// <summary>Whether a register occupies <paramref name="address"/>.</summary>
        public bool IsDeclared(int address) => _byAddress.ContainsKey(address);

        /// <summary>This chip's violations since it was created.</summary>
        public IReadOnlyList<RegisterViolation> Violations => _violations;

        /// <summary>Restores every register to its power-on value.</summary>
        public void ResetAll()
        {
            foreach (Register r in _registers)
            {
                r.Value = r.Reset;
            }
        }

        /// <summary>A byte read from the bus.</summary>
        public byte BusRead(int address)
        {
            if (!_byAddress.TryGetValue(address, out Register r))
            {
                Violate(address, RegisterViolationKind.ReadUndeclared, 0);
                return 0;
            }

            return r.BusRead(address - r.Address);
        }

        /// <summary>A byte written from the bus.</summary>
        public void BusWrite(int address, byte value)
        {
            if (!_byAddress.TryGetValue(address, out Register r))
            {
                Violate(address, RegisterViolationKind.WriteUndeclared, value);
                return;
            }

            if (!r.BusWrite(address - r.Address, value))
            {
                Violate(address, RegisterViolationKind.WriteReadOnly, value);
            }
        }

        private void Violate(int address, RegisterViolationKind kind, byte value)
        {
            Board.RegisterViolations.Record(Chip, address, kind, value);
            _violations.Add(Board.RegisterViolations.All.Last());
        }
    }
}
