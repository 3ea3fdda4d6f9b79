using System.Device.I2c;
using System.Diagnostics;
using Drivers.VL6180X;
using nanoFramework.Hardware.Esp32;
using nanoFramework.TestFramework;

namespace NFUnitTest.Vl6180XTests
{
    /// <summary>The minimal example of the driver README, compiled and run as it is printed there.</summary>
    [TestClass]
    public class Vl6180XExampleTests
    {
        [TestMethod]
        public void ReadmeExample_ReadsDistanceAndLight()
        {
            // README example: begin
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);

            using (Vl6180X sensor = new Vl6180X(I2cDevice.Create(new I2cConnectionSettings(1, Vl6180X.DefaultI2cAddress))))
            {
                if (sensor.TryReadRange(out int millimeters, out RangeStatus status))
                {
                    Debug.WriteLine("Distance: " + millimeters.ToString() + " mm");
                }
                else
                {
                    Debug.WriteLine("No distance: range status " + ((int)status).ToString());
                }

                if (sensor.TryReadLux(out double lux, out AlsStatus alsStatus))
                {
                    Debug.WriteLine("Light: " + lux.ToString("F1") + " lux");
                }
                else
                {
                    Debug.WriteLine("No light reading: ALS status " + ((int)alsStatus).ToString());
                }
            }

            // README example: end
        }
    }
}
