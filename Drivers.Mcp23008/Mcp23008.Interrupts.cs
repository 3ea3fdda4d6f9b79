using System;
using System.Device.Gpio;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        private PinChangedHandler _pinChanged;

        /// <summary>
        /// Raised once per change of an interrupt-enabled input, by <see cref="ServiceInterrupt"/> and by the INT handler of
        /// <see cref="EnableInterruptPin"/>, with the pin number and its new GPIO bit (after IPOL). Changes the chip captured
        /// in INTCAP come first, then those seen in the GPIO read of the same service, each group in pin order; a pin that
        /// changed and came back within one service is raised twice, once per level. From the INT handler it runs on the
        /// GPIO event thread. Raising it allocates nothing.
        /// </summary>
        public event PinChangedHandler PinChanged
        {
            add
            {
                lock (_sync)
                {
                    _pinChanged = (PinChangedHandler)Delegate.Combine(_pinChanged, value);
                }
            }

            remove
            {
                lock (_sync)
                {
                    _pinChanged = (PinChangedHandler)Delegate.Remove(_pinChanged, value);
                }
            }
        }

        /// <summary>
        /// How the chip drives INT (IOCON.ODR and IOCON.INTPOL, DS21919 §1.6.6). Reading returns the shadow; setting writes
        /// IOCON (one 2-byte write) keeping its other bits. With an INT pin enabled, the ESP32 pin follows: internal
        /// pull-up for <see cref="Mcp23008InterruptOutput.OpenDrain"/>, plain input otherwise.
        /// </summary>
        /// <exception cref="ArgumentException">The value is not a defined output.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public Mcp23008InterruptOutput InterruptOutput
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    if ((_shadow[IOCON] & IOCON_ODR) != 0)
                    {
                        return Mcp23008InterruptOutput.OpenDrain;
                    }

                    return (_shadow[IOCON] & IOCON_INTPOL) != 0 ? Mcp23008InterruptOutput.ActiveHigh : Mcp23008InterruptOutput.ActiveLow;
                }
            }

            set
            {
                int bits;
                switch (value)
                {
                    case Mcp23008InterruptOutput.ActiveLow:
                        bits = 0;
                        break;
                    case Mcp23008InterruptOutput.ActiveHigh:
                        bits = IOCON_INTPOL;
                        break;
                    case Mcp23008InterruptOutput.OpenDrain:
                        bits = IOCON_ODR;
                        break;
                    default:
                        throw new ArgumentException("Unsupported interrupt output: use ActiveLow, ActiveHigh or OpenDrain.", "value");
                }

                lock (_sync)
                {
                    CheckDisposed();
                    bool openDrain = bits == IOCON_ODR;
                    if (openDrain && _interruptPin != null)
                    {
                        // Pull-up first, so the released line never floats.
                        _interruptPin.SetPinMode(PinMode.InputPullUp);
                    }

                    WriteRegister(IOCON, (_shadow[IOCON] & ~(IOCON_ODR | IOCON_INTPOL)) | bits);
                    if (!openDrain && _interruptPin != null)
                    {
                        _interruptPin.SetPinMode(PinMode.Input);
                    }
                }
            }
        }

        /// <summary>
        /// Sequential addressing (IOCON.SEQOP = 0, the power-on setting; DS21919 §1.6.6): the register pointer advances
        /// after each byte. Setting false selects byte mode (SEQOP = 1). Reading returns the shadow; setting writes IOCON
        /// (one 2-byte write) keeping its other bits. In byte mode the driver splits its multi-register transfers:
        /// <see cref="ServiceInterrupt"/> takes two reads and <see cref="EnableInterruptOnCompare"/> three writes.
        /// </summary>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public bool SequentialOperation
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return (_shadow[IOCON] & IOCON_SEQOP) == 0;
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    WriteRegister(IOCON, value ? _shadow[IOCON] & ~IOCON_SEQOP : _shadow[IOCON] | IOCON_SEQOP);
                }
            }
        }

        /// <summary>
        /// Enables interrupt-on-change for one input pin, against its previous value (INTCON = 0, DS21919 §1.7): every
        /// change of the pin interrupts and is raised as <see cref="PinChanged"/>. Writes INTCON, serves the chip once (as
        /// <see cref="ServiceInterrupt"/>, so the driver knows the pin's level before it is watched; events pending for
        /// other pins are raised), then writes GPINTEN: two 2-byte writes and one 4-byte read.
        /// </summary>
        /// <param name="pin">Pin 0 to 7; only inputs interrupt.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">An I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptOnChange(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                _compare = (byte)(_compare & ~bit);
                WriteRegister(INTCON, _shadow[INTCON] & ~bit);
            }

            ServiceInterrupt();
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(GPINTEN, _shadow[GPINTEN] | bit);
            }
        }

        /// <summary>
        /// Enables the compare interrupt for one input pin (INTCON = 1, DS21919 §1.7): the pin interrupts when its GPIO bit
        /// differs from <paramref name="defaultValue"/>, at once if it already does. <see cref="PinChanged"/> is raised once
        /// when the pin leaves the default level and once when it returns.
        /// </summary>
        /// <remarks>
        /// On the chip a compare interrupt is a level: the condition "will remain as long as the condition exists,
        /// regardless if the INTCAP or GPIO is read" (DS21919 §1.7), so INT stays asserted while the pin differs and no
        /// other change could reach the ESP32 as an edge. So that the driver is not flooded and nothing else is lost, a
        /// service that finds the pin away from its default switches that pin to interrupt-on-change (INTCON bit = 0, one
        /// 2-byte write): the chip then interrupts when the pin moves again, and the service that sees it back at the
        /// default restores the compare (one more write). Writes DEFVAL and INTCON in one 3-byte write, then GPINTEN (two
        /// writes; three in byte mode).
        /// </remarks>
        /// <param name="pin">Pin 0 to 7; only inputs interrupt.</param>
        /// <param name="defaultValue">The quiet level (DEFVAL bit); the opposite level interrupts.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">An I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptOnCompare(int pin, bool defaultValue)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                int defval = defaultValue ? _shadow[DEFVAL] | bit : _shadow[DEFVAL] & ~bit;
                WriteRegisterPair(DEFVAL, defval, _shadow[INTCON] | bit);
                _compare = (byte)(_compare | bit);

                // The driver takes the pin as quiet, so a pin already away from the default is raised by the first service.
                _lastPort = (byte)((_lastPort & ~bit) | (defval & bit));
                WriteRegister(GPINTEN, _shadow[GPINTEN] | bit);
            }
        }

        /// <summary>Disables the interrupt of one pin (GPINTEN bit = 0): one 2-byte write. A pending interrupt stays pending.</summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="Mcp23008Exception">The I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void DisableInterrupt(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(GPINTEN, _shadow[GPINTEN] & ~bit);
            }
        }

        /// <summary>
        /// Reads the interrupt flags (INTF, DS21919 §1.6.8): bit n = 1 if GPn caused the pending interrupt. One WriteRead;
        /// does not clear the interrupt.
        /// </summary>
        /// <returns>The INTF register.</returns>
        /// <exception cref="Mcp23008Exception">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ReadInterruptFlags()
        {
            lock (_sync)
            {
                CheckDisposed();
                return (byte)ReadRegister(INTF);
            }
        }

        /// <summary>
        /// Reads the port as captured when the interrupt occurred (INTCAP, DS21919 §1.6.9). One WriteRead; clears the
        /// interrupt. Raw access: it raises no event and does not touch the driver's record of reported values.
        /// </summary>
        /// <returns>The INTCAP register.</returns>
        /// <exception cref="Mcp23008Exception">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ReadInterruptCapture()
        {
            lock (_sync)
            {
                CheckDisposed();
                return (byte)ReadRegister(INTCAP);
            }
        }
    }
}
