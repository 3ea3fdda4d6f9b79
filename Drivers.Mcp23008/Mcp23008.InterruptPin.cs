using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        // Services in a row while INT still reads active, before the handler gives up (InterruptError).
        private const int MaxServicesPerInterrupt = 8;

        private GpioPin _interruptPin;
        private PinValueChangedEventHandler _interruptHandler;
        private Exception _interruptError;
        private bool _interruptStuck;

        /// <summary>
        /// Why the INT handler last stopped, or null: the bus error of its last service, or an <see cref="Mcp23008Exception"/>
        /// saying INT still read active after 8 services in a row. INT then stays active and the ESP32 sees no new edge:
        /// call <see cref="ServiceInterrupt"/> to serve and clear it (a successful service resets this).
        /// </summary>
        public Exception InterruptError
        {
            get
            {
                if (_interruptError == null && _interruptStuck)
                {
                    _interruptError = new Mcp23008Exception(INTF, I2cTransferStatus.FullTransfer, "MCP23008 INT still active after " + MaxServicesPerInterrupt.ToString()
                        + " services in a row: a pin changes faster than it can be served, or INT is stuck.");
                }

                return _interruptError;
            }
        }

        /// <summary>
        /// Wires the chip's INT output to an ESP32 GPIO: opens <paramref name="pinNumber"/> (input; with the internal
        /// pull-up when INT is open drain) and, on every event that reports INT active, serves the chip
        /// (<see cref="ServiceInterrupt"/>'s read) for as long as INT reads active, at most 8 services in a row, on the GPIO
        /// event thread. INT is a level (DS21919 §1.7) and nanoFramework posts an event only when the ESP32 sees the level
        /// change, so a change made during a service, which keeps INT active, brings no new event: the handler reads the
        /// pin again after each service instead. The handler delegate is created once; serving allocates nothing of the
        /// driver's own beyond the level reads (on nanoCLR each <c>GpioPin.Read</c> returns a 24 B PinValue object,
        /// model). If INT is already active, it is served at once on the calling thread.
        /// </summary>
        /// <param name="controller">The controller that opens the pin.</param>
        /// <param name="pinNumber">The ESP32 GPIO wired to INT (the bench uses GPIO27).</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="InvalidOperationException">An INT pin is already enabled, or the controller cannot open the pin.</exception>
        /// <exception cref="Mcp23008Exception">Serving a pending interrupt failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void EnableInterruptPin(GpioController controller, int pinNumber)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

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
                    _interruptHandler = new PinValueChangedEventHandler(OnInterruptEvent);
                }

                _interruptPin.ValueChanged += _interruptHandler;
            }

            ServeWhileActive(false);
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

        // Runs on the GPIO event thread. The event carries the level the ESP32's ISR read (nf-interpreter cpu_gpio.cpp,
        // gpio_isr): an inactive level needs nothing, since INT going active again posts an event of its own.
        private void OnInterruptEvent(object sender, PinValueChangedEventArgs e)
        {
            if ((e.ChangeType == PinEventTypes.Rising) != InterruptActiveHigh)
            {
                return;
            }

            try
            {
                ServeWhileActive(true);
            }
            catch (IOException ex)
            {
                _interruptError = ex;
            }
            catch (ObjectDisposedException)
            {
                // Disposed, or the INT pin closed, while this event was queued.
            }
        }

        // Serves, then reads the INT pin again: a change made during the service keeps INT active with no new edge.
        private int ServeWhileActive(bool knownActive)
        {
            int reported = 0;
            bool active = knownActive || InterruptLineActive();
            for (int service = 0; active && service < MaxServicesPerInterrupt; service++)
            {
                bool heldCompare;
                reported |= ServeOnce(out heldCompare);
                active = InterruptLineActive();
            }

            _interruptStuck = active;
            return reported;
        }

        private bool InterruptActiveHigh
        {
            get { return (_shadow[IOCON] & (IOCON_ODR | IOCON_INTPOL)) == IOCON_INTPOL; }
        }

        private bool InterruptLineActive()
        {
            GpioPin pin = _interruptPin;
            if (pin == null)
            {
                return false;
            }

            // On nanoCLR the PinValue returned is a heap object: 24 B per read (model), the price of reading the level.
            bool high = (bool)pin.Read();
            return high == InterruptActiveHigh;
        }
    }
}
