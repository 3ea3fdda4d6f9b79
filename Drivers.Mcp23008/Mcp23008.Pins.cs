using System;
using System.Device.Gpio;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        /// <summary>
        /// Direction of the eight pins (IODIR, DS21919 §1.6.1): bit n = 1 makes GPn an input, 0 an output. Reading returns
        /// the shadow (no transfer); setting writes IODIR (one 2-byte write).
        /// </summary>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte DirectionMask
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _shadow[IODIR];
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    WriteRegister(IODIR, value);
                }
            }
        }

        /// <summary>
        /// Internal 100 kΩ pull-ups (GPPU, DS21919 §1.6.7): bit n = 1 enables GPn's pull-up, effective while GPn is an
        /// input. Reading returns the shadow (no transfer); setting writes GPPU (one 2-byte write).
        /// </summary>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte PullUpMask
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _shadow[GPPU];
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    WriteRegister(GPPU, value);
                }
            }
        }

        /// <summary>
        /// Input polarity (IPOL, DS21919 §1.6.2): bit n = 1 makes the GPIO bit of input GPn read the inverted level
        /// (reads, interrupt comparisons and INTCAP). Outputs are never inverted. Reading returns the shadow; setting writes
        /// IPOL (one 2-byte write).
        /// </summary>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte PolarityMask
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _shadow[IPOL];
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    WriteRegister(IPOL, value);
                }
            }
        }

        /// <summary>
        /// The output latch as the driver last wrote it (shadow of OLAT, DS21919 §1.6.11): bit n is the level GPn drives
        /// while it is an output. No transfer.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte OutputLatch
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _shadow[OLAT];
                }
            }
        }

        /// <summary>
        /// Sets the mode of one pin. <see cref="Mcp23008PinMode.Output"/> writes IODIR (one 2-byte write) and drives the
        /// level already in the output latch, so write the level first for a glitch-free start.
        /// <see cref="Mcp23008PinMode.InputPullUp"/> writes GPPU then IODIR, so the pin never floats on its way from
        /// output to input; <see cref="Mcp23008PinMode.Input"/> writes IODIR then GPPU (two 2-byte writes each).
        /// </summary>
        /// <param name="pin">Pin 0 to 7 (GP0 to GP7).</param>
        /// <param name="mode">Input, InputPullUp or Output.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="ArgumentException"><paramref name="mode"/> is not a defined mode.</exception>
        /// <exception cref="Mcp23008Exception">An I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void SetPinMode(int pin, Mcp23008PinMode mode)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                switch (mode)
                {
                    case Mcp23008PinMode.Output:
                        WriteRegister(IODIR, _shadow[IODIR] & ~bit);
                        break;
                    case Mcp23008PinMode.InputPullUp:
                        WriteRegister(GPPU, _shadow[GPPU] | bit);
                        WriteRegister(IODIR, _shadow[IODIR] | bit);
                        break;
                    case Mcp23008PinMode.Input:
                        WriteRegister(IODIR, _shadow[IODIR] | bit);
                        WriteRegister(GPPU, _shadow[GPPU] & ~bit);
                        break;
                    default:
                        throw new ArgumentException("Unsupported pin mode: use Input, InputPullUp or Output.", "mode");
                }
            }
        }

        /// <summary>Returns the mode of one pin from the shadows (no transfer).</summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <returns>Output if its IODIR bit is 0, otherwise InputPullUp or Input by its GPPU bit.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public Mcp23008PinMode GetPinMode(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                if ((_shadow[IODIR] & bit) == 0)
                {
                    return Mcp23008PinMode.Output;
                }

                return (_shadow[GPPU] & bit) != 0 ? Mcp23008PinMode.InputPullUp : Mcp23008PinMode.Input;
            }
        }

        /// <summary>Inverts (or not) the GPIO bit of one input pin (IPOL, DS21919 §1.6.2). One 2-byte write.</summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <param name="inverted">True: the pin's GPIO bit reads 1 when the pin is low.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void SetPinPolarity(int pin, bool inverted)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(IPOL, inverted ? _shadow[IPOL] | bit : _shadow[IPOL] & ~bit);
            }
        }

        /// <summary>
        /// Sets one output level in the output latch: one 2-byte write of OLAT computed from the shadow, never a
        /// read-modify-write over the bus. On an input pin only the latch changes; the level is driven once the pin
        /// becomes an output (DS21919 §1.6.11). Allocates nothing.
        /// </summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <param name="value">True for high.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed; the shadow keeps the old latch.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void Write(int pin, bool value)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(OLAT, value ? _shadow[OLAT] | bit : _shadow[OLAT] & ~bit);
            }
        }

        /// <summary>
        /// Same as <see cref="Write(int, bool)"/> with a <see cref="PinValue"/>. On nanoFramework a PinValue is a struct,
        /// which nanoCLR keeps on the heap: prefer the bool overload in hot paths.
        /// </summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <param name="value">High or Low.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void Write(int pin, PinValue value)
        {
            Write(pin, value == PinValue.High);
        }

        /// <summary>Inverts one bit of the output latch: one 2-byte write from the shadow. Allocates nothing.</summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed; the shadow keeps the old latch.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void Toggle(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(OLAT, _shadow[OLAT] ^ bit);
            }
        }

        /// <summary>
        /// Reads one pin's GPIO bit: one WriteRead (1 byte out, 1 byte in). An output reads its driven level; an input its
        /// level, inverted if its IPOL bit is set. Reading GPIO clears a pending interrupt (DS21919 §1.7).
        /// Allocates nothing.
        /// </summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <returns>True if the GPIO bit is 1.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public bool Read(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                return (ReadRegister(GPIO) & bit) != 0;
            }
        }

        /// <summary>
        /// Reads the whole port (GPIO, DS21919 §1.6.10): one WriteRead. Bit n is GPn's GPIO bit. Clears a pending interrupt.
        /// </summary>
        /// <returns>The eight GPIO bits.</returns>
        /// <exception cref="Mcp23008Exception">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ReadPort()
        {
            lock (_sync)
            {
                CheckDisposed();
                return (byte)ReadRegister(GPIO);
            }
        }

        /// <summary>Writes the whole output latch (OLAT): one 2-byte write. Bits of input pins only change the latch.</summary>
        /// <param name="value">Bit n is the level GPn drives while it is an output.</param>
        /// <exception cref="Mcp23008Exception">The I2C write failed; the shadow keeps the old latch.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void WritePort(byte value)
        {
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(OLAT, value);
            }
        }
    }
}
