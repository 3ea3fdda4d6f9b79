using System;
using System.IO;

namespace Drivers.Mcp23008
{
    public sealed partial class Mcp23008
    {
        // IODIR..IOCON: the configuration registers a read can pass without side effects (INTCAP and GPIO, further on,
        // clear a pending interrupt when read, DS21919 §1.7).
        private const int ConfigurationLength = IOCON - IODIR + 1;

        private readonly byte[] _configuration = new byte[ConfigurationLength];

        /// <summary>
        /// Checks that the chip still holds the configuration and the output latch the driver set, without side effects:
        /// reads IODIR..IOCON (one 6-byte sequential read) and OLAT (one read) and compares them with the driver's shadows.
        /// A brown-out or a reset on the RESET pin puts every register back to its power-on value (DS21919 §1.6: IODIR
        /// 0xFF, every other register 0x00), so every pin is an input again and the latch is 0.
        /// </summary>
        /// <remarks>
        /// Cost: 2 I2C transfers (WriteRead, WriteRead) with sequential addressing; 3 single-register reads (IODIR, IOCON,
        /// OLAT) when the driver has set byte mode (<see cref="SequentialOperation"/> false). Nothing is written and no
        /// interrupt is cleared. A configuration equal to the power-on values (all pins inputs, IOCON 0, latch 0) cannot
        /// be told from a reset, and needs no restoring either.
        /// </remarks>
        /// <returns>True if every register read back equals the driver's shadow; false if the chip lost its configuration.</returns>
        /// <exception cref="Mcp23008Exception">An I2C transfer failed (the chip does not answer); the message names the register.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public bool VerifyConfiguration()
        {
            lock (_sync)
            {
                CheckDisposed();
                if ((_shadow[IOCON] & IOCON_SEQOP) != 0)
                {
                    // Byte mode: the address pointer does not advance, so each register is its own read.
                    return ReadRegister(IODIR) == _shadow[IODIR]
                        && ReadRegister(IOCON) == _shadow[IOCON]
                        && ReadRegister(OLAT) == _shadow[OLAT];
                }

                _register[0] = IODIR;
                Check(_device.WriteRead(_register, _configuration), IODIR);
                for (int i = 0; i < ConfigurationLength; i++)
                {
                    if (_configuration[i] != _shadow[IODIR + i])
                    {
                        return false;
                    }
                }

                return ReadRegister(OLAT) == _shadow[OLAT];
            }
        }

        /// <summary>
        /// Writes the driver's configuration back to the chip after it lost it (see <see cref="VerifyConfiguration"/>),
        /// with the given output latch, one register at a time: IOCON first (so the addressing mode is the one the driver
        /// expects), then OLAT, IPOL, GPINTEN, DEFVAL, INTCON, GPPU from the shadows, and IODIR last. The latch is
        /// written before the directions, so an output never drives a level other than <paramref name="outputLatch"/>,
        /// not even for one transfer, and an input gets its pull-up before it stops being an output.
        /// </summary>
        /// <remarks>
        /// Cost: 8 I2C writes of 2 bytes each, in either addressing mode, and no buffer of its own (a rare operation, so
        /// the driver keeps no extra RAM for it). The latch is an argument rather than the shadow because the caller
        /// knows best which outputs may be on now: the shadow holds the last latch the chip acknowledged, which may be
        /// an output the caller has since tried to switch off. Pending interrupt state (INTF, INTCAP) is not restored:
        /// the chip compares from the current port levels on.
        /// </remarks>
        /// <param name="outputLatch">The output latch to write (bit n: the level GPn drives while it is an output).</param>
        /// <exception cref="Mcp23008Exception">An I2C transfer failed; the configuration may be partly written, call again.</exception>
        /// <exception cref="ObjectDisposedException">The driver was disposed.</exception>
        public void RestoreConfiguration(byte outputLatch)
        {
            lock (_sync)
            {
                CheckDisposed();
                WriteRegister(IOCON, _shadow[IOCON]);
                WriteRegister(OLAT, outputLatch);
                WriteRegister(IPOL, _shadow[IPOL]);
                WriteRegister(GPINTEN, _shadow[GPINTEN]);
                WriteRegister(DEFVAL, _shadow[DEFVAL]);
                WriteRegister(INTCON, _shadow[INTCON]);
                WriteRegister(GPPU, _shadow[GPPU]);
                WriteRegister(IODIR, _shadow[IODIR]);
            }
        }
    }
}
