using Samples.Irrigation;

namespace Samples.Irrigation.Firmware
{
    /// <summary>The firmware's entry point; the watering logic is the Samples.Irrigation library.</summary>
    public static class Program
    {
        /// <summary>Entry point on the ESP32: never returns (<see cref="IrrigationFirmware.Run"/>).</summary>
        public static void Main()
        {
            IrrigationFirmware.Run(new IrrigationSettings(), new Clock(), new ConsoleLogSink());
        }
    }
}
