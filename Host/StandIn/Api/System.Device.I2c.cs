using VirtualBoard;

namespace System.Device.I2c
{
    /// <summary>I2C bus speeds.</summary>
    public enum I2cBusSpeed
    {
        StandardMode = 0,
        FastMode = 1,
        FastModePlus = 2,
    }

    /// <summary>Result status of an I2C transfer.</summary>
    public enum I2cTransferStatus
    {
        UnknownError = 0,
        FullTransfer = 1,
        ClockStretchTimeout = 2,
        PartialTransfer = 3,
        SlaveAddressNotAcknowledged = 4,
    }

    /// <summary>Result of an I2C transfer, filled by the native layer.</summary>
    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;
        private readonly I2cTransferStatus _status;

        internal I2cTransferResult(I2cTransferStatus status, uint bytesTransferred)
        {
            _status = status;
            _bytesTransferred = bytesTransferred;
        }

        public uint BytesTransferred => _bytesTransferred;

        public I2cTransferStatus Status => _status;
    }

    /// <summary>Connection settings of an I2C device.</summary>
    public sealed class I2cConnectionSettings
    {
        private I2cConnectionSettings()
        {
        }

        // As on nanoFramework 1.x: the two-argument constructor selects FastMode (400 kHz).
        public I2cConnectionSettings(int busId, int deviceAddress)
            : this(busId, deviceAddress, I2cBusSpeed.FastMode)
        {
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }

        public int BusId { get; }

        public int DeviceAddress { get; }

        public I2cBusSpeed BusSpeed { get; }
    }

    /// <summary>
    /// An I2C device on a bus. As on nanoFramework 1.x: concrete, no virtual members, results are returned
    /// (never thrown) and ReadByte hides the transfer status. Transfers go to the virtual board.
    /// </summary>
    public class I2cDevice : IDisposable
    {
        private readonly I2cConnectionSettings _settings;
        private readonly object _syncLock = new object();
        private readonly byte[] _oneByte = new byte[1];
        private bool _disposed;

        public I2cDevice(I2cConnectionSettings settings)
        {
            _settings = settings;
        }

        ~I2cDevice()
        {
            Dispose(false);
        }

        public static I2cDevice Create(I2cConnectionSettings settings) => new I2cDevice(settings);

        public I2cConnectionSettings ConnectionSettings => _settings;

        public byte ReadByte()
        {
            lock (_syncLock)
            {
                Transfer(I2cMethod.ReadByte, null, 0, 0, _oneByte, 0, 1);
                return _oneByte[0];
            }
        }

        public I2cTransferResult Read(SpanByte buffer)
        {
            lock (_syncLock)
            {
                return Transfer(I2cMethod.Read, null, 0, 0, buffer.HostArray, buffer.HostStart, buffer.Length);
            }
        }

        public I2cTransferResult WriteByte(byte value)
        {
            lock (_syncLock)
            {
                _oneByte[0] = value;
                return Transfer(I2cMethod.WriteByte, _oneByte, 0, 1, null, 0, 0);
            }
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            lock (_syncLock)
            {
                return Transfer(I2cMethod.Write, buffer.HostArray, buffer.HostStart, buffer.Length, null, 0, 0);
            }
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            lock (_syncLock)
            {
                return Transfer(I2cMethod.WriteRead, writeBuffer.HostArray, writeBuffer.HostStart, writeBuffer.Length,
                    readBuffer.HostArray, readBuffer.HostStart, readBuffer.Length);
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        private void Dispose(bool disposing)
        {
            _disposed = true;
        }

        private I2cTransferResult Transfer(I2cMethod method, byte[] write, int writeStart, int writeLength, byte[] read, int readStart, int readLength)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(I2cDevice));
            }

            using (AllocationLedger.Platform())
            {
                I2cTransferStatus status = Board.I2cBus(_settings.BusId).Transfer(
                    _settings.DeviceAddress, method, write, writeStart, writeLength, read, readStart, readLength, out uint transferred);
                return new I2cTransferResult(status, transferred);
            }
        }
    }
}
