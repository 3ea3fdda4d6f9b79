using System;

namespace VirtualBoard
{
    /// <summary>A simulator found a bus access the datasheet does not allow, or a test misused it.</summary>
    public sealed class SimulatorException : Exception
    {
        public SimulatorException(string message)
            : base(message)
        {
        }
    }
}
