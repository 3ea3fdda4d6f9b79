using System;
using System.Device.Gpio;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// Pulses counted by a managed <see cref="GpioPin.ValueChanged"/> handler, on any GPIO of any target. The handler
    /// counts rising edges only and allocates nothing: no boxing, closures, strings or floating point; its delegate is
    /// created once. The runtime itself still allocates its event objects for every edge before the handler runs (see
    /// the README). The 64-bit count is shared with the readers under a <c>lock</c>, which leaves no garbage on
    /// nanoCLR (1.x has no <c>Interlocked</c> for <c>long</c>).
    /// </summary>
    internal sealed class GpioInterruptSource : IPulseSource
    {
        private readonly object _sync = new object();
        private readonly GpioController _controller;
        private readonly GpioPin _pin;
        private readonly PinValueChangedEventHandler _handler;
        private readonly long _minimumIntervalMilliseconds;
        private long _count;
        private long _lastCountedMilliseconds;

        internal GpioInterruptSource(GpioController controller, int pin, int minimumPulseIntervalMilliseconds)
        {
            _controller = controller;
            _minimumIntervalMilliseconds = minimumPulseIntervalMilliseconds;
            _lastCountedMilliseconds = -minimumPulseIntervalMilliseconds;
            _pin = controller.OpenPin(pin);
            try
            {
                // GPIO34..39 of the ESP32 are inputs without pull-ups: those need the external one alone.
                _pin.SetPinMode(_pin.IsPinModeSupported(PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input);
                _handler = OnValueChanged;
                _pin.ValueChanged += _handler;
            }
            catch
            {
                controller.ClosePin(pin);
                throw;
            }
        }

        public long Read(out long timeTicks)
        {
            lock (_sync)
            {
                timeTicks = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
                return _count;
            }
        }

        public void Dispose()
        {
            int pin = _pin.PinNumber;
            _pin.ValueChanged -= _handler;
            _controller.ClosePin(pin);
        }

        // Runs on the event-dispatch thread for every edge, both directions. The minimum-interval filter measures from
        // the last counted pulse with the 1 ms TickCount64, read when the handler runs.
        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != PinEventTypes.Rising)
            {
                return;
            }

            long nowMilliseconds = _minimumIntervalMilliseconds == 0 ? 0 : Environment.TickCount64;
            lock (_sync)
            {
                if (nowMilliseconds - _lastCountedMilliseconds < _minimumIntervalMilliseconds)
                {
                    return;
                }

                _lastCountedMilliseconds = nowMilliseconds;
                _count++;
            }
        }
    }
}
