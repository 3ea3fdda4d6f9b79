using System;

namespace Samples.Irrigation
{
    /// <summary>
    /// What the firmware's <c>Main</c> does, in the library so the host runs the very same steps: check the
    /// configuration, build the hardware (retrying with backoff until the MCP23008 answers), then the schedule loop for
    /// ever. Nothing here returns on the device.
    /// </summary>
    public static class IrrigationFirmware
    {
        /// <summary>Wait before the second start-up try, in ms; it doubles after each failed try.</summary>
        public const int FirstStartRetryMilliseconds = 200;

        /// <summary>Longest wait between two start-up tries, in ms.</summary>
        public const int MaximumStartRetryMilliseconds = 30000;

        private const int ConfigurationReminderMilliseconds = 600000;

        /// <summary>The firmware: never returns. An invalid configuration is reported every 10 minutes, never acted on.</summary>
        /// <param name="settings">The configuration.</param>
        /// <param name="clock">The time source.</param>
        /// <param name="log">Where the log goes.</param>
        public static void Run(IrrigationSettings settings, Clock clock, ILogSink log)
        {
            while (!IsValid(settings, log))
            {
                clock.Sleep(ConfigurationReminderMilliseconds);
            }

            IrrigationHardware hardware = OpenHardware(settings, clock, log, 0);
            IrrigationController controller = new IrrigationController(settings, hardware, clock, log);
            int interval = settings.ScheduleIntervalMinutes * 60000;
            while (true)
            {
                RunSchedulePass(controller, log);
                controller.WaitIdle(interval);
            }
        }

        /// <summary>Checks the configuration; reports what is wrong on <paramref name="log"/>.</summary>
        /// <param name="settings">The configuration.</param>
        /// <param name="log">Where the message goes; may be null.</param>
        /// <returns>True if every setting is in range.</returns>
        public static bool IsValid(IrrigationSettings settings, ILogSink log)
        {
            try
            {
                settings.Validate();
                return true;
            }
            catch (ConfigurationException ex)
            {
                if (log != null)
                {
                    log.WriteLine(ex.Message);
                }

                return false;
            }
        }

        /// <summary>
        /// Builds the hardware (<see cref="IrrigationHardware.Open"/>), retrying while it fails: each failed try is logged
        /// with the next wait, which starts at <see cref="FirstStartRetryMilliseconds"/> and doubles up to
        /// <see cref="MaximumStartRetryMilliseconds"/>.
        /// </summary>
        /// <param name="settings">Validated settings.</param>
        /// <param name="clock">The time source.</param>
        /// <param name="log">Where the tries are logged; may be null.</param>
        /// <param name="giveUpAfterMilliseconds">0 on the device: never give up. The host bounds its simulated runs with it.</param>
        /// <returns>The hardware; null only when <paramref name="giveUpAfterMilliseconds"/> has passed.</returns>
        public static IrrigationHardware OpenHardware(IrrigationSettings settings, Clock clock, ILogSink log, long giveUpAfterMilliseconds)
        {
            long start = clock.NowMilliseconds;
            int wait = FirstStartRetryMilliseconds;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    IrrigationHardware hardware = IrrigationHardware.Open(settings, log);
                    if (attempt > 1 && log != null)
                    {
                        log.WriteLine("Start-up: hardware ready at try " + attempt.ToString());
                    }

                    return hardware;
                }
                catch (Exception ex)
                {
                    if (log != null)
                    {
                        log.WriteLine("Start-up: try " + attempt.ToString() + " failed, no valve can be driven yet: " + ex.Message
                            + " Next try in " + wait.ToString() + " ms.");
                    }
                }

                if (giveUpAfterMilliseconds > 0 && clock.NowMilliseconds - start + wait > giveUpAfterMilliseconds)
                {
                    return null;
                }

                clock.Sleep(wait);
                wait = wait >= MaximumStartRetryMilliseconds / 2 ? MaximumStartRetryMilliseconds : wait * 2;
            }
        }

        /// <summary>One schedule pass; anything it did not expect is logged and the schedule goes on.</summary>
        /// <param name="controller">The controller.</param>
        /// <param name="log">Where an unexpected failure is logged; may be null.</param>
        public static void RunSchedulePass(IrrigationController controller, ILogSink log)
        {
            try
            {
                controller.RunSchedulePass();
            }
            catch (Exception ex)
            {
                if (log != null)
                {
                    log.WriteLine("Schedule pass failed: " + ex.Message);
                }
            }
        }
    }
}
