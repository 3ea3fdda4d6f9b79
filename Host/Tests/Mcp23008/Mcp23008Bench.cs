using System;
using System.Device.I2c;
using System.Linq;
using Drivers.Mcp23008;
using Simulators;
using VirtualBoard;

namespace HostTests.Mcp23008Tests
{
    /// <summary>
    /// A freshly reset board with the MCP23008 simulator at 0x20 on I2C1, INT wired to GPIO27 (the bench wiring), for the
    /// driver's host tests.
    /// </summary>
    public abstract class Mcp23008Bench : IDisposable
    {
        protected Mcp23008Bench()
        {
            Board.Reset();
            Board.I2cLog.Recording = true;
            Chip = new Mcp23008Simulator(Ds21919.InterruptGpio);
            Board.I2cBus(1).Attach(Ds21919.Address, Chip);
            Raw = new RawRegisters();
        }

        protected Mcp23008Simulator Chip { get; }

        /// <summary>Driver-free register access, to set the chip up and to check what the driver wrote.</summary>
        internal RawRegisters Raw { get; }

        /// <summary>Transfers since the last <see cref="ClearLog"/>, as "Method WireBytes" items.</summary>
        protected static string Transfers => string.Join(", ", Board.I2cLog.Entries.Select(e => $"{e.Method} {e.WireBytes}"));

        protected static I2cTransaction[] Log => Board.I2cLog.Entries.ToArray();

        protected static I2cDevice NewDevice(int address = Ds21919.Address) => new I2cDevice(new I2cConnectionSettings(1, address));

        protected static void ClearLog() => Board.I2cLog.Clear();

        /// <summary>A driver on the bench chip, with the transaction log cleared after its construction.</summary>
        protected static Mcp23008 NewDriver()
        {
            var driver = new Mcp23008(NewDevice());
            ClearLog();
            return driver;
        }

        public virtual void Dispose()
        {
            Board.Events.WaitUntilIdle();
        }
    }

    /// <summary>The bench with a driver on the chip, created after power-on (log cleared) and disposed after each test.</summary>
    public abstract class Mcp23008DriverBench : Mcp23008Bench
    {
        protected Mcp23008DriverBench()
        {
            Driver = NewDriver();
        }

        protected Mcp23008 Driver { get; }

        public override void Dispose()
        {
            Driver.Dispose();
            base.Dispose();
        }
    }
}
