using System.Device.Gpio;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// Pulses counted by an ESP32 PCNT unit (<see cref="GpioPulseCounter"/>): the hardware counts rising edges and the
    /// firmware extends its 16-bit counter to 64 bits, so there is no managed work and no heap per pulse. The time of a
    /// reading is the counter's own <see cref="GpioPulseCount.RelativeTime"/>.
    /// </summary>
    internal sealed class PulseCounterSource : IPulseSource
    {
        private readonly GpioPulseCounter _counter;

        internal PulseCounterSource(int pin, ushort filterPulses)
        {
            _counter = new GpioPulseCounter(pin);
            try
            {
                _counter.Polarity = GpioPulsePolarity.Rising;
                _counter.FilterPulses = filterPulses;
                _counter.Start();
            }
            catch
            {
                _counter.Dispose();
                throw;
            }
        }

        public long Read(out long timeTicks) => Split(_counter.Read(), out timeTicks);

        public void Dispose()
        {
            if (_counter.IsStarted)
            {
                _counter.Stop();
            }

            _counter.Dispose();
        }

        // The GpioPulseCount that Read returns is one nanoCLR heap object (header + Count + RelativeTime = 3 blocks,
        // 36 B). Handing it straight to a parameter reads both fields from that object; a struct local would add a
        // second 36 B object on every call.
        private static long Split(GpioPulseCount reading, out long timeTicks)
        {
            timeTicks = reading.RelativeTime.Ticks;
            return reading.Count;
        }
    }
}
