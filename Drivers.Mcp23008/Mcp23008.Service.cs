using System;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        /// <summary>
        /// Serves the chip's interrupt: reads INTF, INTCAP and GPIO in one 3-byte WriteRead from 0x07 (three reads in byte
        /// mode, two if nothing is pending), which clears it, then raises <see cref="PinChanged"/> for every
        /// interrupt-enabled input whose captured or current bit differs from what the driver last saw (as Linux
        /// <c>pinctrl-mcp23s08</c> compares INTCAP and GPIO with its cache, since INTF may flag one pin of several). A compare
        /// pin found away from its default is switched to on-change, with one 2-byte write, and served once more, since
        /// its condition latched again at the clearing read (see <see cref="EnableInterruptOnCompare"/>). Allocates nothing.
        /// </summary>
        /// <remarks>
        /// A change the application consumed with <see cref="Read"/> or <see cref="ReadPort"/> (a GPIO read clears the
        /// interrupt) is still raised, by the next service: the driver compares with the port it last saw in a service.
        /// </remarks>
        /// <returns>The pins raised, bit n for GPn; 0 if none.</returns>
        /// <exception cref="Mcp23008Exception">An I2C transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public byte ServiceInterrupt()
        {
            int reported = 0;
            for (int service = 0; service < MaxServicesPerInterrupt; service++)
            {
                bool heldCompare;
                reported |= ServeOnce(out heldCompare);
                if (!heldCompare)
                {
                    break;
                }
            }

            return (byte)reported;
        }

        // One service: the read, the compare pins' mode, then the events. Returns the pins raised; heldCompare tells that a
        // compare pin was just switched to on-change, so its condition is latched again and waits for one more read.
        private int ServeOnce(out bool heldCompare)
        {
            int captured;
            int capturedChanges;
            int port;
            int portChanges;
            lock (_sync)
            {
                CheckDisposed();
                int flags = ReadInterruptState(out captured, out port);
                _interruptError = null;
                _interruptStuck = false;

                // INTF only ever flags inputs that were enabled when it latched: a flagged pin is reported even if its
                // interrupt has been disabled since.
                int watched = (_shadow[GPINTEN] & _shadow[IODIR]) | flags;
                int seen = _lastPort;
                capturedChanges = 0;
                if (flags != 0)
                {
                    // INTCAP is only fresh when something was pending.
                    capturedChanges = (captured ^ seen) & watched;
                    seen = (seen & ~capturedChanges) | (captured & capturedChanges);
                }

                portChanges = (port ^ seen) & watched;
                _lastPort = (byte)port;
                heldCompare = HoldCompareInterrupts(port);
            }

            RaisePinChanged(capturedChanges, captured);
            RaisePinChanged(portChanges, port);
            return capturedChanges | portChanges;
        }

        // INTF, INTCAP, GPIO in that order: INTF before the reads that clear it, GPIO last so it shows every change made
        // until the interrupt was cleared. Returns INTF.
        private int ReadInterruptState(out int captured, out int port)
        {
            if ((_shadow[IOCON] & IOCON_SEQOP) == 0)
            {
                _register[0] = INTF;
                Check(_device.WriteRead(_register, _read3), INTF);
                captured = _read3[1];
                port = _read3[2];
                return _read3[0];
            }

            int flags = ReadRegister(INTF);
            captured = flags == 0 ? 0 : ReadRegister(INTCAP);
            port = ReadRegister(GPIO);
            return flags;
        }

        // A compare pin away from DEFVAL would hold INT active (DS21919 §1.7): it waits in on-change mode until it returns.
        // Returns true when a pin was just put on hold.
        private bool HoldCompareInterrupts(int port)
        {
            int held = _compare & _shadow[GPINTEN];
            int away = (port ^ _shadow[DEFVAL]) & held;
            int intcon = (_shadow[INTCON] & ~held) | (held & ~away);
            if (intcon == _shadow[INTCON])
            {
                return false;
            }

            bool newlyHeld = (_shadow[INTCON] & away) != 0;
            WriteRegister(INTCON, intcon);
            return newlyHeld;
        }

        private void RaisePinChanged(int pins, int levels)
        {
            PinChangedHandler handler = _pinChanged;
            if (handler == null || pins == 0)
            {
                return;
            }

            for (int pin = 0; pin < PinCount; pin++)
            {
                int bit = 1 << pin;
                if ((pins & bit) != 0)
                {
                    handler(pin, (levels & bit) != 0);
                }
            }
        }
    }
}
