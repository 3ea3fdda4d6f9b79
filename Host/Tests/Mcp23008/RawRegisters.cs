using System;
using System.Device.I2c;
using Xunit;

namespace HostTests.Mcp23008Tests
{
    /// <summary>Register access straight over the bus, with no driver: to check the simulator and to set up the chip.</summary>
    internal sealed class RawRegisters : IDisposable
    {
        private readonly I2cDevice _device;

        public RawRegisters(int address = 0x20)
        {
            _device = new I2cDevice(new I2cConnectionSettings(1, address));
        }

        /// <summary>One register (a WriteRead: pointer, then one byte).</summary>
        public byte Read(int register) => Read(register, 1)[0];

        /// <summary>Several bytes read from one pointer in one transfer.</summary>
        public byte[] Read(int register, int count)
        {
            var data = new byte[count];
            I2cTransferResult result = _device.WriteRead(new[] { (byte)register }, data);
            Assert.Equal(I2cTransferStatus.FullTransfer, result.Status);
            return data;
        }

        /// <summary>The pointer, then the values, in one write.</summary>
        public void Write(int register, params byte[] values)
        {
            var data = new byte[values.Length + 1];
            data[0] = (byte)register;
            values.CopyTo(data, 1);
            Assert.Equal(I2cTransferStatus.FullTransfer, _device.Write(data).Status);
        }

        public void Dispose() => _device.Dispose();
    }
}
