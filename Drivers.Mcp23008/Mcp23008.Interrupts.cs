using System;
using System.Device.Gpio;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        private PinChangedHandler _pinChanged;
        private GpioPin _interruptPin;
        private PinValueChangedEventHandler _interruptHandler;
        private Exception _interruptError;

        /// <summary>
        /// Raised once per reported pin by <see cref="ServiceInterrupt"/> and by the INT handler of
        /// <see cref="EnableInterruptPin"/>, in pin order, with the pin number and its captured GPIO bit. From the INT
        /// handler it runs on the GPIO event thread. Raising it allocates nothing.
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
        /// <exception cref="IOException">The I2C write failed.</exception>
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
        /// <exception cref="IOException">The I2C write failed.</exception>
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
        /// The bus error that stopped the INT handler's last service, or null. The chip then keeps INT active and sends
        /// no new edge: call <see cref="ServiceInterrupt"/> to serve and clear it (a successful service resets this).
        /// </summary>
        public Exception InterruptError
        {
            get { return _interruptError; }
        }

        /// <summary>
        /// Enables interrupt-on-change for one input pin, against its previous value (INTCON = 0, DS21919 §1.7): every
        /// change of the pin interrupts. Writes INTCON, then GPINTEN (two 2-byte writes), so the pin is never enabled
        /// under a stale compare setting.
        /// </summary>
        /// <param name="pin">Pin 0 to 7; only inputs interrupt.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="IOException">An I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptOnChange(int pin)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(INTCON, _shadow[INTCON] & ~bit);
                WriteRegister(GPINTEN, _shadow[GPINTEN] | bit);
            }
        }

        /// <summary>
        /// Enables the compare interrupt for one input pin (INTCON = 1, DS21919 §1.7): the pin interrupts while its GPIO
        /// bit differs from <paramref name="defaultValue"/>. This is level-sensitive: after each service the chip asserts
        /// INT again for as long as the pin differs, so <see cref="PinChanged"/> repeats. To be told once, re-arm with the
        /// new level as the default (or disable the pin) in the handler. Writes DEFVAL and INTCON in one 3-byte write,
        /// then GPINTEN (two writes; three in byte mode).
        /// </summary>
        /// <param name="pin">Pin 0 to 7; only inputs interrupt.</param>
        /// <param name="defaultValue">The quiet level (DEFVAL bit); the opposite level interrupts.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="IOException">An I2C write failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptOnCompare(int pin, bool defaultValue)
        {
            int bit = PinBit(pin);
            lock (_sync)
            {
                CheckDisposed();
                int defval = defaultValue ? _shadow[DEFVAL] | bit : _shadow[DEFVAL] & ~bit;
                WriteRegisterPair(DEFVAL, defval, _shadow[INTCON] | bit);
                WriteRegister(GPINTEN, _shadow[GPINTEN] | bit);
            }
        }

        /// <summary>Disables the interrupt of one pin (GPINTEN bit = 0): one 2-byte write. A pending interrupt stays pending.</summary>
        /// <param name="pin">Pin 0 to 7.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="pin"/> is outside 0 to 7.</exception>
        /// <exception cref="IOException">The I2C write failed.</exception>
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
        /// <exception cref="IOException">The I2C transfer failed.</exception>
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
        /// <exception cref="IOException">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ReadInterruptCapture()
        {
            lock (_sync)
            {
                CheckDisposed();
                return (byte)ReadRegister(INTCAP);
            }
        }

        /// <summary>
        /// Serves a pending interrupt: reads INTF and INTCAP in one 2-byte WriteRead from 0x07 (two reads in byte mode),
        /// which clears it, then raises <see cref="PinChanged"/> for each reported pin. A pin is reported when INTF flags
        /// it, or when it is an interrupt-enabled input whose captured bit differs from the last capture (the chip may flag
        /// only one of several pins that change together). With INTF = 0 nothing is pending, INTCAP is old, and nothing is
        /// reported. Allocates nothing.
        /// </summary>
        /// <returns>The reported pins, bit n for GPn; 0 if none.</returns>
        /// <exception cref="IOException">The I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ServiceInterrupt()
        {
            int captured;
            int reported = CaptureInterrupt(out captured);
            RaisePinChanged(reported, captured);
            return (byte)reported;
        }

        /// <summary>
        /// Wires the chip's INT output to an ESP32 GPIO: opens <paramref name="pinNumber"/> (input; with the internal
        /// pull-up when INT is open drain) and serves each active edge (falling, or rising for
        /// <see cref="Mcp23008InterruptOutput.ActiveHigh"/>) with <see cref="ServiceInterrupt"/>'s single transfer, on
        /// the GPIO event thread. The handler delegate is created once; serving an edge allocates nothing in the driver.
        /// If INT is already active, the pending interrupt is served at once on the calling thread.
        /// </summary>
        /// <param name="controller">The controller that opens the pin.</param>
        /// <param name="pinNumber">The ESP32 GPIO wired to INT (the bench uses GPIO27).</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="InvalidOperationException">An INT pin is already enabled, or the controller cannot open the pin.</exception>
        /// <exception cref="IOException">Serving a pending interrupt failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptPin(GpioController controller, int pinNumber)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            bool active;
            lock (_sync)
            {
                CheckDisposed();
                if (_interruptPin != null)
                {
                    throw new InvalidOperationException("The INT pin is already enabled; call DisableInterruptPin first.");
                }

                _interruptPin = controller.OpenPin(pinNumber, (_shadow[IOCON] & IOCON_ODR) != 0 ? PinMode.InputPullUp : PinMode.Input);
                if (_interruptHandler == null)
                {
                    _interruptHandler = new PinValueChangedEventHandler(OnInterruptEdge);
                }

                _interruptPin.ValueChanged += _interruptHandler;
                active = (_interruptPin.Read() == PinValue.High) == (ActiveEdge == PinEventTypes.Rising);
            }

            if (active)
            {
                ServiceInterrupt();
            }
        }

        /// <summary>Detaches the INT handler and closes the pin opened by <see cref="EnableInterruptPin"/>; nothing if none.</summary>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void DisableInterruptPin()
        {
            lock (_sync)
            {
                CheckDisposed();
                DetachInterruptPin();
            }
        }

        private PinEventTypes ActiveEdge
        {
            get { return (_shadow[IOCON] & (IOCON_ODR | IOCON_INTPOL)) == IOCON_INTPOL ? PinEventTypes.Rising : PinEventTypes.Falling; }
        }

        private void DetachInterruptPin()
        {
            if (_interruptPin == null)
            {
                return;
            }

            _interruptPin.ValueChanged -= _interruptHandler;
            _interruptPin.Dispose();
            _interruptPin = null;
        }

        // Runs on the GPIO event thread, once per edge of the INT pin.
        private void OnInterruptEdge(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != ActiveEdge)
            {
                return;
            }

            int captured;
            int reported;
            try
            {
                reported = CaptureInterrupt(out captured);
            }
            catch (IOException ex)
            {
                _interruptError = ex;
                return;
            }
            catch (ObjectDisposedException)
            {
                // Disposed while this edge was queued.
                return;
            }

            RaisePinChanged(reported, captured);
        }

        private int CaptureInterrupt(out int captured)
        {
            lock (_sync)
            {
                CheckDisposed();
                int flags;
                _register[0] = INTF;
                if ((_shadow[IOCON] & IOCON_SEQOP) == 0)
                {
                    Check(_device.WriteRead(_register, _read2), INTF);
                    flags = _read2[0];
                    captured = _read2[1];
                }
                else
                {
                    // Byte mode: INTF first, since reading INTCAP clears it.
                    flags = ReadRegister(INTF);
                    captured = flags == 0 ? 0 : ReadRegister(INTCAP);
                }

                _interruptError = null;
                if (flags == 0)
                {
                    return 0;
                }

                // INTF only ever flags inputs that were enabled when it latched; a flagged pin is reported even if its
                // interrupt has been disabled since.
                int reported = flags | ((captured ^ _lastCapture) & _shadow[GPINTEN] & _shadow[IODIR]);
                _lastCapture = (byte)captured;
                return reported;
            }
        }

        private void RaisePinChanged(int reported, int captured)
        {
            PinChangedHandler handler = _pinChanged;
            if (handler == null)
            {
                return;
            }

            for (int pin = 0; pin < PinCount; pin++)
            {
                int bit = 1 << pin;
                if ((reported & bit) != 0)
                {
                    handler(pin, (captured & bit) != 0);
                }
            }
        }
    }
}
