using System;
using System.Collections.Generic;
using System.Reflection;
using Harness.Footprint;
using Simulators;
using VirtualBoard;
using Driver = Drivers.Mcp23008.Mcp23008;

namespace Footprint.Subjects
{
    /// <summary>
    /// The MCP23008 on the bench (0x20 on I2C1, INT to GPIO27), set up as the driver README's example: valves on GP0..GP5
    /// (outputs, latch low), a float switch on GP7 (input with pull-up, interrupt on change). The INT pin is not enabled,
    /// as in the MicroPython measurement: ServeInterrupt is the application calling <c>ServiceInterrupt</c>.
    /// </summary>
    public sealed class Mcp23008Subject : IFootprintSubject
    {
        private const int Address = 0x20;
        private const int InterruptGpio = 27;
        private const int ValvePin = 2;
        private const int SwitchPin = 7;

        private Mcp23008Simulator _chip;
        private bool _valveOpen;
        private bool _switchClosed;

        public string Name => "Mcp23008";

        public Assembly DeviceAssembly => typeof(Driver).Assembly;

        /// <summary>WritePin: <c>Write(2, bool)</c>, one valve. ReadPin: <c>Read(7)</c>. ServeInterrupt: the switch changes, then <c>ServiceInterrupt()</c>.</summary>
        public IReadOnlyList<string> Operations { get; } = new[] { "WritePin", "ReadPin", "ServeInterrupt" };

        public object Construct()
        {
            Board.Reset();
            _chip = new Mcp23008Simulator(InterruptGpio);
            Board.I2cBus(1).Attach(Address, _chip);

            var expander = new Driver(BenchI2c.Open(Address));
            expander.WritePort(0x00);
            expander.DirectionMask = 0xC0;
            expander.SetPinMode(SwitchPin, Drivers.Mcp23008.Mcp23008PinMode.InputPullUp);
            expander.EnableInterruptOnChange(SwitchPin);
            return expander;
        }

        public void Run(object instance, string operation)
        {
            var expander = (Driver)instance;
            switch (operation)
            {
                case "WritePin":
                    _valveOpen = !_valveOpen;
                    expander.Write(ValvePin, _valveOpen);
                    break;
                case "ReadPin":
                    expander.Read(SwitchPin);
                    break;
                case "ServeInterrupt":
                    _switchClosed = !_switchClosed;
                    _chip.DriveInput(SwitchPin, !_switchClosed);
                    expander.ServiceInterrupt();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not an MCP23008 operation.");
            }
        }
    }
}
