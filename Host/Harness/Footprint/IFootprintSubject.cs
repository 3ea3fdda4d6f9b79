using System.Collections.Generic;
using System.Reflection;

namespace Harness.Footprint
{
    /// <summary>
    /// A driver as the footprint report measures it. Each driver's wiring implements this once (in Host/Footprint); the
    /// report finds every implementation by reflection.
    /// </summary>
    public interface IFootprintSubject
    {
        /// <summary>
        /// The driver's name as in the MicroPython results (<c>VL6180X</c>, <c>Mcp23008</c>, <c>FlowMeter</c>); also, compared
        /// without case, the name of its class in the budget file.
        /// </summary>
        string Name { get; }

        /// <summary>The host build of the driver's device assembly: load RAM, static bytes and the hot-path lint come from it.</summary>
        Assembly DeviceAssembly { get; }

        /// <summary>The hot operations, named as in the MicroPython results (<c>ReadRange</c>, <c>WritePin</c>, …).</summary>
        IReadOnlyList<string> Operations { get; }

        /// <summary>
        /// Resets the virtual board, attaches the chip simulators with the bench wiring and constructs the driver as an
        /// application would. Returns what the application keeps (the root the heap model walks); an
        /// <see cref="System.IDisposable"/> root is disposed after the measurement.
        /// </summary>
        object Construct();

        /// <summary>Runs one call of <paramref name="operation"/> on the constructed driver, as the application would.</summary>
        void Run(object instance, string operation);
    }
}
