using HostTests.Foundation;
using Simulators;
using VirtualBoard;

namespace HostTests.Mcp23008Tests
{
    /// <summary>
    /// The MCP23008 on the test bench, as the driver README wires it: address 0x20 on I2C1 (A2..A0 to GND), INT to ESP32
    /// GPIO27, valve driver stage on GP0..GP7 (nothing drives the pins from outside; the stage holds undriven pins low).
    /// </summary>
    public sealed class Mcp23008BenchPart : IBenchPart
    {
        public void Install()
        {
            Board.I2cBus(1).Attach(Ds21919.Address, new Mcp23008Simulator(Ds21919.InterruptGpio));
        }
    }
}
