using System;

namespace Drivers.VL6180X
{
    /// <summary>
    /// An ambient-light measurement completed with an error code (RESULT__ALS_STATUS, §6.2), for example an overflow:
    /// lower the gain or the integration period.
    /// </summary>
    public sealed class AlsErrorException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="status">The error code the device reported.</param>
        public AlsErrorException(AlsStatus status)
            : base("VL6180X ambient-light error " + ((int)status).ToString() + " (1 = overflow, 2 = underflow).")
        {
            Status = status;
        }

        /// <summary>The error code the device reported (never <see cref="AlsStatus.NoError"/>).</summary>
        public AlsStatus Status { get; }
    }
}
