using System.Device.I2c;

namespace Drivers.VL6180X
{
    /// <summary>An I2C transfer to or from the VL6180X ended with anything but <see cref="I2cTransferStatus.FullTransfer"/>.</summary>
    public sealed class Vl6180XTransferException : Vl6180XException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="register">16-bit index of the first register of the transfer.</param>
        /// <param name="status">Status the transfer ended with.</param>
        /// <param name="message">What went wrong.</param>
        public Vl6180XTransferException(int register, I2cTransferStatus status, string message)
            : base(register, message)
        {
            Status = status;
        }

        /// <summary>Status the transfer ended with.</summary>
        public I2cTransferStatus Status { get; }
    }
}
