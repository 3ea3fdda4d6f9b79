using System;
using Samples.Irrigation;

namespace Samples.Irrigation.Firmware
{
    /// <summary>The firmware: validates the configuration, builds the hardware once, then runs the schedule for ever.</summary>
    public static class Program
    {
        /// <summary>Entry point on the ESP32.</summary>
        public static void Main()
        {
            ConsoleLogSink log = new ConsoleLogSink();
            IrrigationSettings settings = new IrrigationSettings();
            try
            {
                settings.Validate();
            }
            catch (ConfigurationException ex)
            {
                Console.WriteLine(ex.Message);
                return;
            }

            IrrigationHardware hardware;
            try
            {
                hardware = IrrigationHardware.Open(settings, log);
            }
            catch (Exception ex)
            {
                Console.WriteLine("Start-up failed, no valve can be driven: " + ex.Message);
                return;
            }

            Clock clock = new Clock();
            IrrigationController controller = new IrrigationController(settings, hardware, clock, log);
            int intervalMilliseconds = settings.ScheduleIntervalMinutes * 60000;
            while (true)
            {
                try
                {
                    controller.RunSchedulePass();
                }
                catch (Exception ex)
                {
                    // The pass reports the faults it expects; anything else is printed and the schedule goes on.
                    Console.WriteLine("Schedule pass failed: " + ex.Message);
                }

                clock.Sleep(intervalMilliseconds);
            }
        }
    }
}
