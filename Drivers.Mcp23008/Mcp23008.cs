using System;
using System.Device.I2c;
using System.IO;

namespace Drivers.Mcp23008
{
    /// <summary>
    /// Microchip MCP23008 8-bit I2C GPIO expander (datasheet DS21919): per-pin mode, write, read and toggle, whole-port
    /// access, input polarity, interrupt-on-change with an optional INT line to an ESP32 GPIO.
    /// </summary>
    /// <remarks>
    /// The driver keeps a shadow of every configuration register and of OLAT, synced from the chip at construction, so
    /// an output change is one two-byte write and never a read-modify-write over the bus. Every I2C result other than
    /// <see cref="I2cTransferStatus.FullTransfer"/> throws an <see cref="Mcp23008Exception"/> (an <see cref="IOException"/>) carrying the register and the status.
    /// Members are safe to call from the GPIO event thread (where <see cref="PinChanged"/> runs) and from other threads.
    /// </remarks>
    public sealed partial class Mcp23008 : IDisposable
    {
        // Register map (DS21919 Table 1-2; the MCP23008 has no BANK bit). Addresses are 8 bits, registers 8 bits wide.
        private const byte IODIR = 0x00;   // I/O direction, 1 = input (power-on 0xFF)
        private const byte IPOL = 0x01;    // input polarity, 1 = GPIO bit reads the inverted input level
        private const byte GPINTEN = 0x02; // interrupt-on-change enable
        private const byte DEFVAL = 0x03;  // compare value for INTCON = 1
        private const byte INTCON = 0x04;  // 1 = compare with DEFVAL, 0 = compare with the previous value
        private const byte IOCON = 0x05;   // configuration
        private const byte GPPU = 0x06;    // 100 kΩ pull-ups (inputs only)
        private const byte INTF = 0x07;    // interrupt flags, read-only
        private const byte INTCAP = 0x08;  // port captured at the interrupt, read-only; a read clears the interrupt
        private const byte GPIO = 0x09;    // port levels; a read clears the interrupt, a write goes to OLAT
        private const byte OLAT = 0x0A;    // output latch
        private const int RegisterCount = 11;

        // IOCON bits (DS21919 §1.6.6). Bits 7, 6 and 0 are unimplemented and read 0; DISSLW (bit 4) and HAEN (bit 3) are
        // kept as the chip has them.
        private const int IOCON_SEQOP = 0x20;  // 1 = sequential addressing disabled (byte mode)
        private const int IOCON_ODR = 0x04;    // 1 = INT open drain (overrides INTPOL)
        private const int IOCON_INTPOL = 0x02; // 1 = INT active high (push-pull only)

        private const int LowestAddress = 0x20;
        private const int HighestAddress = 0x27;
        private const int PinCount = 8;

        private readonly object _sync = new object();
        private readonly bool _shouldDispose;
        private readonly byte[] _register = new byte[1]; // register address sent before a read
        private readonly byte[] _read1 = new byte[1];    // one register
        private readonly byte[] _read3 = new byte[3];    // INTF, INTCAP and GPIO
        private readonly byte[] _write2 = new byte[2];   // register address, one data byte
        private readonly byte[] _write3 = new byte[3];   // register address, two data bytes (sequential)

        // The chip's registers by address, as last read or acknowledged; the configuration registers and OLAT are kept
        // current, INTF..GPIO hold what the construction read returned.
        private readonly byte[] _shadow = new byte[RegisterCount];
        private I2cDevice _device;

        // The port as the driver last saw it (construction read, or the GPIO read of a service), or DEFVAL for a compare
        // pin just enabled: a service reports the enabled inputs whose INTCAP or GPIO bit differs from it.
        private byte _lastPort;

        // The pins the application put in compare mode (INTCON = 1); a pin away from DEFVAL is held in on-change mode.
        private byte _compare;

        /// <summary>
        /// Creates the driver and syncs its register shadows from the chip: one I2C read of IODIR..OLAT (11 bytes,
        /// sequential addressing). The configuration is kept as the chip has it; nothing is written.
        /// </summary>
        /// <remarks>
        /// The sync read passes INTCAP and GPIO, so it clears an interrupt that was pending (DS21919 §1.7). This is on
        /// purpose: a stale interrupt would hold INT active and no edge would ever reach a handler attached later. If the
        /// chip was left in byte mode (IOCON.SEQOP = 1) by an earlier program, the driver notices it and reads the
        /// registers one at a time (13 reads in all).
        /// </remarks>
        /// <param name="device">The chip's I2C device; its address must be 0x20 to 0x27 (A2..A0 pins).</param>
        /// <param name="shouldDispose">True to dispose <paramref name="device"/> when this driver is disposed.</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The device address is outside 0x20 to 0x27.</exception>
        /// <exception cref="Mcp23008Exception">An I2C transfer failed; the message names the register and the status.</exception>
        public Mcp23008(I2cDevice device, bool shouldDispose = true)
        {
            if (device == null)
            {
                throw new ArgumentNullException("device");
            }

            int address = device.ConnectionSettings.DeviceAddress;
            if (address < LowestAddress || address > HighestAddress)
            {
                throw new ArgumentOutOfRangeException("device", "MCP23008 addresses are 0x20 to 0x27 (set by A2..A0); the device is at 0x" + address.ToString("X2") + ".");
            }

            _device = device;
            _shouldDispose = shouldDispose;
            SyncShadows();
        }

        /// <summary>
        /// Detaches the INT handler and closes the INT pin (if <see cref="EnableInterruptPin"/> opened one), then disposes
        /// the I2C device if the driver owns it. The chip keeps its state. Calling it again does nothing.
        /// </summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_device == null)
                {
                    return;
                }

                DetachInterruptPin();
                if (_shouldDispose)
                {
                    _device.Dispose();
                }

                _device = null;
            }
        }

        private void SyncShadows()
        {
            _register[0] = IODIR;
            Check(_device.WriteRead(_register, _shadow), IODIR);
            if (AllEqual(_shadow) && (ReadRegister(IOCON) & IOCON_SEQOP) != 0)
            {
                // Byte mode: the pointer did not advance, so all eleven bytes came from IODIR.
                for (int i = 0; i < RegisterCount; i++)
                {
                    _shadow[i] = (byte)ReadRegister((byte)i);
                }
            }

            _lastPort = _shadow[GPIO];
            _compare = _shadow[INTCON];
        }

        private static bool AllEqual(byte[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                if (values[i] != values[0])
                {
                    return false;
                }
            }

            return true;
        }

        private static int PinBit(int pin)
        {
            if (pin < 0 || pin >= PinCount)
            {
                throw new ArgumentOutOfRangeException("pin", "MCP23008 pins are 0 to 7 (GP0 to GP7).");
            }

            return 1 << pin;
        }

        private void CheckDisposed()
        {
            if (_device == null)
            {
                throw new ObjectDisposedException("Mcp23008");
            }
        }

        private int ReadRegister(byte register)
        {
            _register[0] = register;
            Check(_device.WriteRead(_register, _read1), register);
            return _read1[0];
        }

        // Writes one register and, once the chip has acknowledged it, its shadow.
        private void WriteRegister(byte register, int value)
        {
            _write2[0] = register;
            _write2[1] = (byte)value;
            Check(_device.Write(_write2), register);
            _shadow[register] = (byte)value;
        }

        // Two neighbouring registers: one transfer with sequential addressing, two in byte mode.
        private void WriteRegisterPair(byte first, int firstValue, int secondValue)
        {
            if ((_shadow[IOCON] & IOCON_SEQOP) != 0)
            {
                WriteRegister(first, firstValue);
                WriteRegister((byte)(first + 1), secondValue);
                return;
            }

            _write3[0] = first;
            _write3[1] = (byte)firstValue;
            _write3[2] = (byte)secondValue;
            Check(_device.Write(_write3), first);
            _shadow[first] = (byte)firstValue;
            _shadow[first + 1] = (byte)secondValue;
        }

        // The result goes straight here: checking .Status inline would make the compiler copy the struct into a hidden
        // local, which nanoCLR allocates on every call.
        private static void Check(I2cTransferResult result, byte register)
        {
            if (result.Status != I2cTransferStatus.FullTransfer)
            {
                throw new Mcp23008Exception(register, result.Status, "MCP23008 " + RegisterName(register) + " (0x" + register.ToString("X2") + "): I2C transfer ended with "
                    + StatusName(result.Status) + " after " + result.BytesTransferred.ToString() + " byte(s).");
            }
        }

        private static string RegisterName(byte register)
        {
            switch (register)
            {
                case IODIR: return "IODIR";
                case IPOL: return "IPOL";
                case GPINTEN: return "GPINTEN";
                case DEFVAL: return "DEFVAL";
                case INTCON: return "INTCON";
                case IOCON: return "IOCON";
                case GPPU: return "GPPU";
                case INTF: return "INTF";
                case INTCAP: return "INTCAP";
                case GPIO: return "GPIO";
                default: return "OLAT";
            }
        }

        // Enum names are not available on nanoFramework (ToString gives the number).
        private static string StatusName(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.ClockStretchTimeout: return "ClockStretchTimeout";
                case I2cTransferStatus.PartialTransfer: return "PartialTransfer";
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "SlaveAddressNotAcknowledged";
                case I2cTransferStatus.FullTransfer: return "FullTransfer";
                default: return "UnknownError";
            }
        }
    }
}
