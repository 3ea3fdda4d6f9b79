using System.Device.I2c;
using nanoFramework.Hardware.Esp32;

namespace Footprint.Subjects
{
    /// <summary>The bench's I2C1 (SDA GPIO21, SCL GPIO22), opened as an application opens it.</summary>
    internal static class BenchI2c
    {
        public static I2cDevice Open(int address)
        {
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            return I2cDevice.Create(new I2cConnectionSettings(1, address));
        }
    }
}
