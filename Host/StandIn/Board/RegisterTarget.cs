using System;

namespace VirtualBoard
{
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
