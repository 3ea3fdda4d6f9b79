using System;
using System.Linq;
using VirtualBoard;

namespace HostTests.Foundation
{
    /// <summary>A piece of the test bench: wires simulated hardware onto a freshly reset board.</summary>
    public interface IBenchPart
    {
        /// <summary>Attaches the part's models to the board.</summary>
        void Install();
    }

    /// <summary>
    /// The test bench the device tests run on: the virtual board with every <see cref="IBenchPart"/> of this assembly
    /// installed, wired as the README documents for a real ESP32 bench.
    /// </summary>
    public static class Bench
    {
        private static readonly Type[] Parts = typeof(Bench).Assembly.GetTypes()
            .Where(t => typeof(IBenchPart).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

        /// <summary>Resets the board and installs every bench part.</summary>
        public static void PowerUp()
        {
            Board.Reset();
            foreach (Type part in Parts)
            {
                ((IBenchPart)Activator.CreateInstance(part)).Install();
            }
        }
    }
}
