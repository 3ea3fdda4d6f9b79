using Drivers.VL6180X;

namespace Samples.Irrigation
{
    public sealed partial class IrrigationController
    {
        // Every wait of the controller: sleeps, and retries a pending valve close whenever its time comes.
        private void Wait(int milliseconds)
        {
            WaitFor(milliseconds, false);
        }

        private void WaitUntilConfirmed(int milliseconds)
        {
            WaitFor(milliseconds, true);
        }

        private void WaitFor(int milliseconds, bool untilConfirmed)
        {
            long end = _clock.NowMilliseconds + milliseconds;
            while (true)
            {
                _supervisor.Service();
                if (untilConfirmed && !_supervisor.Pending)
                {
                    return;
                }

                long now = _clock.NowMilliseconds;
                if (now >= end)
                {
                    return;
                }

                long until = _supervisor.Pending && _supervisor.NextAttemptAt < end ? _supervisor.NextAttemptAt : end;
                if (until > now)
                {
                    _clock.Sleep((int)(until - now));
                }
            }
        }

        // A schedule line starts with the time of day.
        private LogLine ScheduleLine()
        {
            return _line.AppendChar('[').AppendTimeOfDay(_clock.TimeOfDayMilliseconds).Append("] Schedule: ");
        }

        // The tank reading, guarded against a reset of the VL6180X (power glitch): FRESH_OUT_OF_RESET is checked first
        // (one transfer), so a reset sensor never gives a reading with its power-on scaling; a reading that times out
        // is retried once if the sensor turns out to have been reset.
        private void MeasureTank()
        {
            if (_rangeSensor != null && _rangeSensor.RecoverIfReset())
            {
                LogSensorReset();
            }

            try
            {
                _tank.Measure();
            }
            catch (Vl6180XTimeoutException)
            {
                if (_rangeSensor == null || !_rangeSensor.RecoverIfReset())
                {
                    throw;
                }

                LogSensorReset();
                _tank.Measure();
            }
        }

        private void MeasureLight()
        {
            try
            {
                _light.Measure();
            }
            catch (Vl6180XTimeoutException)
            {
                if (_rangeSensor == null || !_rangeSensor.RecoverIfReset())
                {
                    throw;
                }

                LogSensorReset();
                _light.Measure();
            }
        }

        private void LogSensorReset()
        {
            if (_line.Enabled)
            {
                _line.Append("Tank sensor reset: the VL6180X was reset (power glitch?); initialised again, offset and scaling kept").Emit();
            }
        }
    }
}
