using System.IO;

namespace Drivers.VL6180X
{
    /// <summary>
    /// The VL6180X did not behave as its datasheet says: a wrong model ID, a failed transfer
    /// (<see cref="Vl6180XTransferException"/>) or a result that never came (<see cref="Vl6180XTimeoutException"/>).
    /// </summary>
    public class Vl6180XException : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="register">16-bit index of the register involved.</param>
        /// <param name="message">What went wrong.</param>
        public Vl6180XException(int register, string message)
            : base(message)
        {
            Register = register;
        }

        /// <summary>16-bit index of the register involved (for example 0x04F for RESULT__INTERRUPT_STATUS_GPIO).</summary>
        public int Register { get; }
    }
}
