using System;
using System.Collections.Generic;

namespace VirtualBoard
{
    /// <summary>How a register can be accessed from the bus.</summary>
    public enum RegisterAccess
    {
        ReadWrite,
        ReadOnly,
        WriteOnly,
    }

    /// <summary>One register of a chip, as its datasheet declares it.</summary>
    public sealed class Register
    {
        internal Register(int address, string name, byte reset, RegisterAccess access)
        {
            Address = address;
            Name = name;
            Reset = reset;
            Access = access;
            Value = reset;
        }

        public int Address { get; }

        public string Name { get; }

        /// <summary>Power-on value.</summary>
        public byte Reset { get; internal set; }

        public RegisterAccess Access { get; }

        /// <summary>Stored value (what a plain read returns).</summary>
        public byte Value { get; set; }

        /// <summary>Computes the value a bus read returns (defaults to <see cref="Value"/>); runs once per byte read.</summary>
        public Func<byte> OnRead { get; set; }

        /// <summary>Side effect of a bus write; the default stores the byte in <see cref="Value"/>.</summary>
        public Action<byte> OnWrite { get; set; }
    }

    /// <summary>
    /// A chip's register file declared once, from its datasheet: address, name, power-on value and access, with side
    /// effects as hooks on their register. Strict: a bus access to an undeclared address fails, naming it.
    /// </summary>
    public sealed class RegisterMap
    {
        private readonly Dictionary<int, Register> _registers = new Dictionary<int, Register>();
        private readonly string _chip;

        public RegisterMap(string chip)
        {
            _chip = chip;
        }

        public IEnumerable<Register> All => _registers.Values;

        public Register this[int address] =>
            _registers.TryGetValue(address, out Register r)
                ? r
                : throw new SimulatorException($"{_chip}: no register is declared at 0x{address:X3}.");

        /// <summary>Declares a register.</summary>
        public Register Define(int address, string name, byte reset = 0, RegisterAccess access = RegisterAccess.ReadWrite)
        {
            var register = new Register(address, name, reset, access);
            _registers.Add(address, register);
            return register;
        }

        public bool IsDeclared(int address) => _registers.ContainsKey(address);

        /// <summary>Restores every register to its power-on value.</summary>
        public void ResetAll()
        {
            foreach (Register r in _registers.Values)
            {
                r.Value = r.Reset;
            }
        }

        /// <summary>A read from the bus.</summary>
        public byte BusRead(int address)
        {
            Register r = this[address];
            if (r.Access == RegisterAccess.WriteOnly)
            {
                return 0;
            }

            return r.OnRead != null ? r.OnRead() : r.Value;
        }

        /// <summary>A write from the bus.</summary>
        public void BusWrite(int address, byte value)
        {
            Register r = this[address];
            if (r.Access == RegisterAccess.ReadOnly)
            {
                return;
            }

            if (r.OnWrite != null)
            {
                r.OnWrite(value);
            }
            else
            {
                r.Value = value;
            }
        }
    }

    /// <summary>A simulator found a bus access the datasheet does not allow, or a test misused it.</summary>
    public sealed class SimulatorException : Exception
    {
        public SimulatorException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Framing shared by register-based I2C chips: after a write START the first <see cref="IndexBytes"/> bytes set the
    /// register index (big-endian); later bytes are data. The index auto-increments after every data byte (reads and
    /// writes, as <see cref="NextIndex"/> decides) and persists across a STOP until it is written again.
    /// </summary>
    public abstract class RegisterTarget : II2cTarget
    {
        private int _indexBytesSeen;
        private bool _writing;

        protected RegisterTarget(int indexBytes)
        {
            if (indexBytes != 1 && indexBytes != 2)
            {
                throw new ArgumentOutOfRangeException(nameof(indexBytes));
            }

            IndexBytes = indexBytes;
        }

        public int IndexBytes { get; }

        /// <summary>The register index the next data byte goes to or comes from.</summary>
        public int Index { get; protected set; }

        /// <summary>The bus the chip is attached to.</summary>
        public I2cBus Bus { get; private set; }

        /// <summary>The address the chip answers at.</summary>
        public int Address { get; private set; }

        public virtual void Attached(I2cBus bus, int address)
        {
            Bus = bus;
            Address = address;
        }

        public void Start(bool read)
        {
            _writing = !read;
            _indexBytesSeen = 0;
        }

        public bool WriteByte(byte value)
        {
            if (_indexBytesSeen < IndexBytes)
            {
                Index = _indexBytesSeen == 0 ? value : (Index << 8) | value;
                _indexBytesSeen++;
                return true;
            }

            WriteRegister(Index, value);
            Index = NextIndex(Index);
            return true;
        }

        public byte ReadByte()
        {
            byte value = ReadRegister(Index);
            Index = NextIndex(Index);
            return value;
        }

        public void Stop()
        {
            bool wasWrite = _writing;
            _writing = false;
            TransactionEnded(wasWrite);
        }

        /// <summary>The value of a register read from the bus.</summary>
        protected abstract byte ReadRegister(int index);

        /// <summary>A data byte written to a register from the bus.</summary>
        protected abstract void WriteRegister(int index, byte value);

        /// <summary>The index after an access (auto-increment by default).</summary>
        protected virtual int NextIndex(int index) => index + 1;

        /// <summary>Called at STOP.</summary>
        protected virtual void TransactionEnded(bool wasWrite)
        {
        }
    }
}
