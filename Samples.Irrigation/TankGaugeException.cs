using System;

namespace Samples.Irrigation
{
    /// <summary>
    /// The tank gauge gave no usable level: the VL6180X reported a range error instead of a distance (too little
    /// signal, no target, overflow), or a distance outside the gauge's travel. The level is unknown, never guessed.
    /// </summary>
    public sealed class TankGaugeException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What the sensor reported and what to check.</param>
        public TankGaugeException(string message)
            : base(message)
        {
        }
    }
}
