using System;
using System.Collections.Generic;
using System.Linq;
using VirtualBoard;

namespace Harness.HeapModel
{
    /// <summary>
    /// The garbage nanoFramework 1.x itself leaves per platform call, whatever the driver does (nanoclr-heap.md §3b and §3d,
    /// measured on a real 32-bit nanoCLR through the real System.Device.I2c 1.1.29, System.Device.Gpio 1.1.62 and
    /// nanoFramework.Hardware.Esp32 1.6.42, with spans passed straight in and the result not kept in a local).
    /// </summary>
    public static class PlatformFloor
    {
        public const int WriteRead = 300;
        /// <summary>3 SpanByte clones of 48 B + 3 I2cTransferResult of 36 B (§3d; an earlier edition of §3b said 288).</summary>
        public const int Write = 252;
        public const int Read = 252;
        public const int WriteByte = 204;
        public const int ReadByte = 180;

        /// <summary>Per GPIO edge delivered to a managed handler: the runtime's GpioPinEvent and PinValueChangedEventArgs.</summary>
        public const int GpioEdge = 120;

        /// <summary>
        /// Per ESP32 pulse-counter read (<c>GpioPulseCounter.Read</c> or <c>Reset</c>, used as <c>Read().Count</c>): three
        /// <c>GpioPulseCount</c> objects of 12·(1 + 2) = 36 B, the one the native code returns and the library's clones
        /// (its <c>ReadInternal</c> keeps the result in a struct local and returns it), measured at 108 B per call (§3d).
        /// </summary>
        public const int PulseCounterRead = 108;

        /// <summary>One GpioPulseCount (or any 2-field struct) object: 12·(1 + 2).</summary>
        public const int PulseCountObject = 36;

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
        public OperationGarbage(IReadOnlyList<I2cMethod> calls, int wireBytes, long edges, int lintBytes, long pulseCounterReads = 0)
        {
            Calls = calls;
            WireBytes = wireBytes;
            Edges = edges;
            LintBytes = lintBytes;
            PulseCounterReads = pulseCounterReads;
        }

        /// <summary>The I2C calls the operation made, in order, from the transaction log.</summary>
        public IReadOnlyList<I2cMethod> Calls { get; }

        public int Transfers => Calls.Count;

        /// <summary>Bytes on the wire, address bytes included.</summary>
        public int WireBytes { get; }

        /// <summary>GPIO edges delivered to managed handlers during the operation.</summary>
        public long Edges { get; }

        /// <summary>ESP32 pulse-counter reads during the operation.</summary>
        public long PulseCounterReads { get; }

        /// <summary>The platform's share: I2C calls by kind, GPIO edges and pulse-counter reads.</summary>
        public int PlatformBytes =>
            PlatformFloor.ForCalls(Calls) + (int)(Edges * PlatformFloor.GpioEdge) + (int)(PulseCounterReads * PlatformFloor.PulseCounterRead);

        /// <summary>The driver's own share, from the hot-path lint.</summary>
        public int LintBytes { get; }

        public int TotalBytes => PlatformBytes + LintBytes;

        /// <summary>Builds the figure from the log entries of one operation.</summary>
        public static OperationGarbage FromLog(IEnumerable<I2cTransaction> entries, long edges, int lintBytes, long pulseCounterReads = 0)
        {
            I2cTransaction[] list = entries.ToArray();
            return new OperationGarbage(list.Select(e => e.Method).ToList(), list.Sum(e => e.WireBytes), edges, lintBytes, pulseCounterReads);
        }
    }
}
