using System.Collections;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>ESP32 pin-function configuration. Call <see cref="SetPinFunction"/> before creating the device.</summary>
    public class Configuration
    {
        private static readonly Hashtable PinOfFunction = new Hashtable();

        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            lock (PinOfFunction)
            {
                PinOfFunction[value] = pin;
            }
        }

        public static int GetFunctionPin(DeviceFunction function)
        {
            lock (PinOfFunction)
            {
                object pin = PinOfFunction[function];
                return pin == null ? -1 : (int)pin;
            }
        }

        internal static void ResetAll()
        {
            lock (PinOfFunction)
            {
                PinOfFunction.Clear();
            }
        }
    }
}
