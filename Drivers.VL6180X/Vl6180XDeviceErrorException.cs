namespace Drivers.VL6180X
{
    /// <summary>
    /// The VL6180X reported a device error (laser safety or PLL) in RESULT__INTERRUPT_STATUS_GPIO bits [7:6] instead of a
    /// new sample. The driver clears the error flag before throwing, so the next measurement can be tried.
    /// </summary>
    public sealed class Vl6180XDeviceErrorException : Vl6180XException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="error">The error the device reported.</param>
        /// <param name="message">What went wrong.</param>
        public Vl6180XDeviceErrorException(DeviceError error, string message)
            : base(0x04F, message)
        {
            Error = error;
        }

        /// <summary>The error the device reported (never <see cref="DeviceError.None"/>).</summary>
        public DeviceError Error { get; }
    }
}
