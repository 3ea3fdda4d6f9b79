using System;

namespace Drivers.VL6180X
{
    /// <summary>
    /// A range measurement completed with an error code instead of a distance (RESULT__RANGE_STATUS, §6.2). Thrown by
    /// the reads that return millimetres directly; the <c>TryRead…</c> methods report the same status without throwing.
    /// </summary>
    public sealed class RangeErrorException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="status">The error code the device reported.</param>
        public RangeErrorException(RangeStatus status)
            : base("VL6180X range error " + ((int)status).ToString() + ": no distance was measured.")
        {
            Status = status;
        }

        /// <summary>The error code the device reported (never <see cref="RangeStatus.NoError"/>).</summary>
        public RangeStatus Status { get; }
    }
}
