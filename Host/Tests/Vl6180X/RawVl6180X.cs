using System;
using System.Device.I2c;
using Simulators.Vl6180X;
using VirtualBoard;

namespace HostTests.Vl6180XTests
{
    /// <summary>Register access for tests that check the simulator against the datasheet with no driver involved.</summary>
    internal sealed class RawVl6180X
    {
        private readonly I2cDevice _device;

        public RawVl6180X(int address = Vl6180XSimulator.DefaultAddress)
        {
            _device = new I2cDevice(new I2cConnectionSettings(1, address));
        }

        public byte Read8(int register) => Read(register, 1)[0];

        public int Read16(int register)
        {
            byte[] data = Read(register, 2);
            return (data[0] << 8) | data[1];
        }

        public byte[] Read(int register, int count)
        {
            byte[] data = new byte[count];
            Check(_device.WriteRead(new[] { (byte)(register >> 8), (byte)register }, data));
            return data;
        }

        public void Write(int register, params byte[] data)
        {
            byte[] frame = new byte[data.Length + 2];
            frame[0] = (byte)(register >> 8);
            frame[1] = (byte)register;
            Array.Copy(data, 0, frame, 2, data.Length);
            Check(_device.Write(frame));
        }

        /// <summary>Starts a single-shot range measurement with new-sample-ready interrupts enabled for range and ALS.</summary>
        public void StartRange()
        {
            Write(0x014, 0x24);
            Write(0x018, 0x01);
        }

        public static void Advance(double milliseconds) => Board.Clock.Advance(TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond)));

        private static void Check(I2cTransferResult result)
        {
            if (result.Status != I2cTransferStatus.FullTransfer)
            {
                throw new InvalidOperationException($"Transfer ended with {result.Status}.");
            }
        }
    }
}
