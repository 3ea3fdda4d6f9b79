using System;

namespace Samples.Irrigation
{
    /// <summary>
    /// A flow reading that cannot be true was rejected: the count went backwards, or the rate is above what the sensor
    /// is rated for (a count that jumped, a sensor that over-reads, or a wrong K-factor). The window's litres are not
    /// counted.
    /// </summary>
    public sealed class FlowImplausibleException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was read and why it was rejected.</param>
        public FlowImplausibleException(string message)
            : base(message)
        {
        }
    }
}
