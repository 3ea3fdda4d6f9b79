using System.Device.I2c;
using System.IO;

namespace Drivers.Mcp23008
{
    /// <summary>
    /// The MCP23008 did not answer as its datasheet says: an I2C transfer to or from a register ended with anything but
    /// <see cref="I2cTransferStatus.FullTransfer"/>, or INT stayed active through every service the INT handler allows.
    /// </summary>
    public sealed class Mcp23008Exception : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="register">Address of the register involved (0x00 IODIR .. 0x0A OLAT).</param>
        /// <param name="status">Status of the transfer; <see cref="I2cTransferStatus.FullTransfer"/> when the transfers worked but the chip's state is wrong.</param>
        /// <param name="message">What went wrong.</param>
        public Mcp23008Exception(int register, I2cTransferStatus status, string message)
            : base(message)
        {
            Register = register;
            Status = status;
        }

        /// <summary>Address of the register involved (for example 0x09 for GPIO).</summary>
        public int Register { get; }

        /// <summary>Status the transfer ended with.</summary>
        public I2cTransferStatus Status { get; }
    }
}
