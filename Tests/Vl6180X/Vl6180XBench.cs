using System.Device.I2c;
using Drivers.VL6180X;
using nanoFramework.Hardware.Esp32;

namespace NFUnitTest.Vl6180XTests
{
    /// <summary>The bench wiring of the driver README: VL6180X on I2C1 (SDA GPIO21, SCL GPIO22) at 0x29, GPIO1 to GPIO26.</summary>
    internal static class Vl6180XBench
    {
        public const int SdaPin = 21;
        public const int SclPin = 22;
        public const int Gpio1Pin = 26;

        public static Vl6180X Open()
        {
            Configuration.SetPinFunction(SdaPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(SclPin, DeviceFunction.I2C1_CLOCK);
            return new Vl6180X(I2cDevice.Create(new I2cConnectionSettings(1, Vl6180X.DefaultI2cAddress)));
        }
    }
}
