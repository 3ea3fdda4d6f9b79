using System;
using System.Collections.Generic;
using System.Linq;
using VirtualBoard;

namespace Harness.HeapModel
{
    /// <summary>
    /// The garbage nanoFramework 1.x itself leaves per platform call, whatever the driver does (nanoclr-heap.md §3b, measured
    /// through the real System.Device.I2c 1.1.29 with spans passed straight in and the result not kept in a local).
    /// </summary>
    public static class PlatformFloor
    {
        public const int WriteRead = 300;
        public const int Write = 288;
        public const int Read = 252;
        public const int WriteByte = 204;
        public const int ReadByte = 180;

        /// <summary>Per GPIO edge delivered to a managed handler: the runtime's GpioPinEvent and PinValueChangedEventArgs.</summary>
        public const int GpioEdge = 120;

        public static int PerCall(I2cMethod method)
        {
            switch (method)
            {
                case I2cMethod.WriteRead:
                    return WriteRead;
                case I2cMethod.Write:
                    return Write;
                case I2cMethod.Read:
                    return Read;
                case I2cMethod.WriteByte:
                    return WriteByte;
                case I2cMethod.ReadByte:
                    return ReadByte;
                default:
                    throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown I2C call.");
            }
        }

        /// <summary>The floor of a sequence of I2C calls.</summary>
        public static int ForCalls(IEnumerable<I2cMethod> calls) => calls.Sum(PerCall);
    }

    /// <summary>The modelled nanoCLR garbage of one run of a hot operation.</summary>
    public sealed class OperationGarbage
    {
        public OperationGarbage(IReadOnlyList<I2cMethod> calls, int wireBytes, long edges, int lintBytes)
        {
            Calls = calls;
            WireBytes = wireBytes;
            Edges = edges;
            LintBytes = lintBytes;
        }

        /// <summary>The I2C calls the operation made, in order, from the transaction log.</summary>
        public IReadOnlyList<I2cMethod> Calls { get; }

        public int Transfers => Calls.Count;

        /// <summary>Bytes on the wire, address bytes included.</summary>
        public int WireBytes { get; }

        /// <summary>GPIO edges delivered to managed handlers during the operation.</summary>
        public long Edges { get; }

        /// <summary>The platform's share: I2C calls by kind plus GPIO edges.</summary>
        public int PlatformBytes => PlatformFloor.ForCalls(Calls) + (int)(Edges * PlatformFloor.GpioEdge);

        /// <summary>The driver's own share, from the hot-path lint.</summary>
        public int LintBytes { get; }

        public int TotalBytes => PlatformBytes + LintBytes;

        /// <summary>Builds the figure from the log entries of one operation.</summary>
        public static OperationGarbage FromLog(IEnumerable<I2cTransaction> entries, long edges, int lintBytes)
        {
            I2cTransaction[] list = entries.ToArray();
            return new OperationGarbage(list.Select(e => e.Method).ToList(), list.Sum(e => e.WireBytes), edges, lintBytes);
        }
    }
}
