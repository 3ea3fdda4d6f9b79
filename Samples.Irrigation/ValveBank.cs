using System;
using Drivers.Mcp23008;

namespace Samples.Irrigation
{
    /// <summary>
    /// The zone valves on the MCP23008's outputs (GP0..GP7, each through a driver stage; high opens). At most one valve
    /// is open at a time, and every change writes the whole output latch, so a command never leaves another valve open
    /// whatever the driver's shadow holds. The only class that talks to the expander.
    /// </summary>
    public sealed class ValveBank : IDisposable
    {
        private readonly Mcp23008 _expander;
        private readonly int _valveMask;

        /// <summary>Closes every valve output, then makes the valve pins outputs (latch first, so no valve opens on the way).</summary>
        /// <param name="expander">The MCP23008 driver, owned by this bank from now on.</param>
        /// <param name="settings">Validated settings: the zones' valve pins.</param>
        public ValveBank(Mcp23008 expander, IrrigationSettings settings)
        {
            _expander = expander;
            for (int i = 0; i < settings.Zones.Length; i++)
            {
                _valveMask |= 1 << settings.Zones[i].ValvePin;
            }

            _expander.WritePort(0);
            _expander.DirectionMask = (byte)(_expander.DirectionMask & ~_valveMask);
        }

        /// <summary>The MCP23008 driver.</summary>
        public Mcp23008 Expander => _expander;

        /// <summary>Bit n set for each MCP23008 output that drives a valve.</summary>
        public int ValveMask => _valveMask;

        /// <summary>Opens one valve and closes all others: one I2C write.</summary>
        /// <param name="valvePin">The valve's output, 0..7.</param>
        public void Open(int valvePin)
        {
            _expander.WritePort((byte)(1 << valvePin));
        }

        /// <summary>Closes every valve: one I2C write.</summary>
        public void CloseAll()
        {
            _expander.WritePort(0);
        }

        /// <summary>
        /// Reads the valve outputs back from the chip (one I2C read): bit n set if valve output n is high. An expander
        /// that lost its configuration (a brown-out resets it to all inputs) reads differently from what was written.
        /// </summary>
        /// <returns>The valve bits of the chip's GPIO register.</returns>
        public int ReadOpenMask()
        {
            return _expander.ReadPort() & _valveMask;
        }

        /// <summary>
        /// Checks that the expander still holds the valve configuration and the latch last written (two I2C reads, see
        /// <see cref="Mcp23008.VerifyConfiguration"/>). False after a brown-out: every pin an input, latch 0.
        /// </summary>
        /// <returns>True if the chip's IODIR..IOCON and OLAT equal what the driver set.</returns>
        public bool VerifyConfiguration()
        {
            return _expander.VerifyConfiguration();
        }

        /// <summary>Writes the configuration back after the expander lost it, with the given valves open (eight I2C writes).</summary>
        /// <param name="openMask">Bit n set for each valve output to drive high; 0 closes every valve.</param>
        public void RestoreConfiguration(int openMask)
        {
            _expander.RestoreConfiguration((byte)(openMask & _valveMask));
        }

        /// <summary>Disposes the expander driver (the chip keeps its outputs: close the valves first).</summary>
        public void Dispose()
        {
            _expander.Dispose();
        }
    }
}
