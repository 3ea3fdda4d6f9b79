using System;
using System.Collections.Generic;
using System.Device.I2c;

namespace VirtualBoard
{
    /// <summary>The <c>I2cDevice</c> method that made a transfer.</summary>
    public enum I2cMethod
    {
        WriteRead,
        Write,
        Read,
        WriteByte,
        ReadByte,
    }

    /// <summary>
    /// A device model on the bus, seen at the wire level: START with the R/W bit, bytes, repeated START, STOP.
    /// </summary>
    public interface II2cTarget
    {
        /// <summary>Called when the target is attached at (or moved to) an address.</summary>
        void Attached(I2cBus bus, int address);

        /// <summary>A START (or repeated START) addressed to this target; <paramref name="read"/> is the R/W bit.</summary>
        void Start(bool read);

        /// <summary>A byte written by the controller; return false to NACK it.</summary>
        bool WriteByte(byte value);

        /// <summary>A byte read by the controller.</summary>
        byte ReadByte();

        /// <summary>The STOP that ends the transaction.</summary>
        void Stop();
    }

    /// <summary>Kinds of bus fault a test can inject.</summary>
    public enum I2cFaultKind
    {
        /// <summary>The address byte is not acknowledged: nothing reaches the device.</summary>
        AddressNack,

        /// <summary>The transfer stops after <see cref="I2cFault.BytesBeforeFault"/> bytes (data NACK).</summary>
        PartialTransfer,

        /// <summary>The device holds SCL low for longer than the controller waits.</summary>
        ClockStretchTimeout,

        /// <summary>The device stops answering for good (every later transfer: address NACK).</summary>
        StopsAnswering,
    }

    /// <summary>A fault injected on one address of a bus.</summary>
    public sealed class I2cFault
    {
        public I2cFault(I2cFaultKind kind)
        {
            Kind = kind;
        }

        public I2cFaultKind Kind { get; }

        /// <summary>Transfers to let through untouched before the fault strikes.</summary>
        public int AfterTransfers { get; set; }

        /// <summary>How many transfers the fault affects; a negative number means every later one.</summary>
        public int Times { get; set; } = 1;

        /// <summary>For a partial transfer: bytes that make it through (written first, then read).</summary>
        public int BytesBeforeFault { get; set; }
    }

    /// <summary>One transfer as the transaction log records it.</summary>
    public sealed class I2cTransaction
    {
        public int BusId { get; internal set; }

        public int Address { get; internal set; }

        public I2cMethod Method { get; internal set; }

        /// <summary>Bytes the controller put on the wire (those that were acknowledged or attempted).</summary>
        public byte[] Written { get; internal set; }

        /// <summary>Bytes the controller received.</summary>
        public byte[] Read { get; internal set; }

        public I2cTransferStatus Status { get; internal set; }

        public uint BytesTransferred { get; internal set; }

        public long TimeTicks { get; internal set; }

        /// <summary>Bytes on the wire including the address byte(s): 1 per START plus data.</summary>
        public int WireBytes { get; internal set; }

        public override string ToString() =>
            $"{Method} 0x{Address:X2} w[{BitConverter.ToString(Written)}] r[{BitConverter.ToString(Read)}] {Status}";
    }

    /// <summary>The transaction log: every transfer on the board, readable by tests and reports.</summary>
    public sealed class I2cTransactionLog
    {
        private readonly object _sync = new object();
        private readonly List<I2cTransaction> _entries = new List<I2cTransaction>();

        /// <summary>When false, transfers are counted but not stored (long soak runs).</summary>
        public bool Recording { get; set; } = true;

        /// <summary>Transfers since the last <see cref="Clear"/>, recorded or not.</summary>
        public long Count { get; private set; }

        public IReadOnlyList<I2cTransaction> Entries
        {
            get
            {
                lock (_sync)
                {
                    return _entries.ToArray();
                }
            }
        }

        /// <summary>Transfers to one address.</summary>
        public I2cTransaction[] For(int address)
        {
            lock (_sync)
            {
                return _entries.FindAll(e => e.Address == address).ToArray();
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _entries.Clear();
                Count = 0;
            }
        }

        internal void Add(I2cTransaction entry)
        {
            lock (_sync)
            {
                Count++;
                if (Recording)
                {
                    _entries.Add(entry);
                }
            }
        }
    }

    /// <summary>An I2C bus of the board with device models at 7-bit addresses.</summary>
    public sealed class I2cBus
    {
        private readonly object _sync = new object();
        private readonly Dictionary<int, II2cTarget> _targets = new Dictionary<int, II2cTarget>();
        private readonly Dictionary<int, I2cFault> _faults = new Dictionary<int, I2cFault>();
        private readonly I2cTransactionLog _log;

        internal I2cBus(int busId, I2cTransactionLog log)
        {
            BusId = busId;
            _log = log;
        }

        public int BusId { get; }

        /// <summary>Attaches a device model at a 7-bit address.</summary>
        public void Attach(int address, II2cTarget target)
        {
            CheckAddress(address);
            lock (_sync)
            {
                if (_targets.ContainsKey(address))
                {
                    throw new InvalidOperationException($"Bus {BusId}: address 0x{address:X2} is already taken.");
                }

                _targets.Add(address, target);
            }

            target.Attached(this, address);
        }

        /// <summary>Removes the device at an address (it no longer answers).</summary>
        public void Detach(int address)
        {
            lock (_sync)
            {
                _targets.Remove(address);
            }
        }

        /// <summary>Moves a device to a new address (a device that changes its own address calls this at STOP).</summary>
        public void Move(int from, int to)
        {
            CheckAddress(to);
            II2cTarget target;
            lock (_sync)
            {
                if (!_targets.TryGetValue(from, out target))
                {
                    throw new InvalidOperationException($"Bus {BusId}: no device at 0x{from:X2}.");
                }

                if (from == to)
                {
                    return;
                }

                if (_targets.ContainsKey(to))
                {
                    throw new InvalidOperationException($"Bus {BusId}: address 0x{to:X2} is already taken.");
                }

                _targets.Remove(from);
                _targets.Add(to, target);
            }

            target.Attached(this, to);
        }

        /// <summary>Whether a device answers at the address.</summary>
        public bool IsAttached(int address)
        {
            lock (_sync)
            {
                return _targets.ContainsKey(address);
            }
        }

        /// <summary>Injects a fault on transfers to one address (replaces any earlier one).</summary>
        public void InjectFault(int address, I2cFault fault)
        {
            lock (_sync)
            {
                _faults[address] = fault;
            }
        }

        /// <summary>Removes any fault on an address.</summary>
        public void ClearFault(int address)
        {
            lock (_sync)
            {
                _faults.Remove(address);
            }
        }

        internal I2cTransferStatus Transfer(int address, I2cMethod method, byte[] write, int writeStart, int writeLength,
            byte[] read, int readStart, int readLength, out uint transferred)
        {
            lock (_sync)
            {
                var entry = new I2cTransaction
                {
                    BusId = BusId,
                    Address = address,
                    Method = method,
                    TimeTicks = Board.Clock.NowTicks,
                };

                I2cTransferStatus status = Run(address, write, writeStart, writeLength, read, readStart, readLength, entry, out transferred);
                entry.Status = status;
                entry.BytesTransferred = transferred;
                _log.Add(entry);
                return status;
            }
        }

        private I2cTransferStatus Run(int address, byte[] write, int writeStart, int writeLength, byte[] read, int readStart,
            int readLength, I2cTransaction entry, out uint transferred)
        {
            transferred = 0;
            entry.Written = Array.Empty<byte>();
            entry.Read = Array.Empty<byte>();
            entry.WireBytes = 1;

            I2cFault fault = TakeFault(address);
            _targets.TryGetValue(address, out II2cTarget target);
            if (target == null || fault?.Kind == I2cFaultKind.AddressNack || fault?.Kind == I2cFaultKind.StopsAnswering)
            {
                if (fault?.Kind == I2cFaultKind.StopsAnswering)
                {
                    _targets.Remove(address);
                }

                return I2cTransferStatus.SlaveAddressNotAcknowledged;
            }

            if (fault?.Kind == I2cFaultKind.ClockStretchTimeout)
            {
                return I2cTransferStatus.ClockStretchTimeout;
            }

            int budget = fault?.Kind == I2cFaultKind.PartialTransfer ? fault.BytesBeforeFault : int.MaxValue;
            var written = new List<byte>();
            var received = new List<byte>();
            I2cTransferStatus status = I2cTransferStatus.FullTransfer;
            try
            {
                if (writeLength > 0)
                {
                    target.Start(read: false);
                    for (int i = 0; i < writeLength; i++)
                    {
                        if (budget == 0)
                        {
                            status = I2cTransferStatus.PartialTransfer;
                            break;
                        }

                        byte value = write[writeStart + i];
                        written.Add(value);
                        entry.WireBytes++;
                        if (!target.WriteByte(value))
                        {
                            status = I2cTransferStatus.PartialTransfer;
                            break;
                        }

                        transferred++;
                        budget--;
                    }
                }

                if (status == I2cTransferStatus.FullTransfer && readLength > 0)
                {
                    if (writeLength > 0)
                    {
                        entry.WireBytes++;
                    }

                    target.Start(read: true);
                    for (int i = 0; i < readLength; i++)
                    {
                        if (budget == 0)
                        {
                            status = I2cTransferStatus.PartialTransfer;
                            break;
                        }

                        byte value = target.ReadByte();
                        read[readStart + i] = value;
                        received.Add(value);
                        entry.WireBytes++;
                        transferred++;
                        budget--;
                    }
                }
            }
            finally
            {
                target.Stop();
                entry.Written = written.ToArray();
                entry.Read = received.ToArray();
            }

            return status;
        }

        private I2cFault TakeFault(int address)
        {
            if (!_faults.TryGetValue(address, out I2cFault fault))
            {
                return null;
            }

            if (fault.AfterTransfers > 0)
            {
                fault.AfterTransfers--;
                return null;
            }

            if (fault.Times > 0 && --fault.Times == 0)
            {
                _faults.Remove(address);
            }

            return fault;
        }

        private void CheckAddress(int address)
        {
            if (address < 0x08 || address > 0x77)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "7-bit I2C addresses are 0x08..0x77.");
            }
        }
    }
}
