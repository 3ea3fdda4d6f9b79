namespace Drivers.VL6180X
{
    /// <summary>The VL6180X did not report what the driver waited for within the configured timeout.</summary>
    public sealed class Vl6180XTimeoutException : Vl6180XException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="register">16-bit index of the status register that was polled.</param>
        /// <param name="timeoutMilliseconds">How long the driver waited, in milliseconds.</param>
        /// <param name="message">What was awaited.</param>
        public Vl6180XTimeoutException(int register, int timeoutMilliseconds, string message)
            : base(register, message)
        {
            TimeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>How long the driver waited, in milliseconds.</summary>
        public int TimeoutMilliseconds { get; }
    }
}
