using System;
using System.Device.Gpio;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// Pulses counted by an ESP32 PCNT unit (<see cref="GpioPulseCounter"/>): the hardware counts rising edges and the
    /// firmware extends its 16-bit counter to 64 bits, so there is no managed work and no heap per pulse. The time of a
    /// reading is the counter's own <see cref="GpioPulseCount.RelativeTime"/> (1 µs resolution on the ESP32), checked once
    /// against <c>Environment.TickCount64</c>: firmware built before nf-interpreter#2908 (2024-03-26) made it 1000 times
    /// too large, which would make every rate 1000 times too low.
    /// </summary>
    internal sealed class PulseCounterSource : IPulseSource
    {
        // RelativeTime is accepted once it agrees with TickCount64 to within this factor over at least this long.
        private const long ClockCheckMilliseconds = 100;
        private const long ClockCheckFactor = 10;
        private const string RelativeTimeWrong =
            "GpioPulseCounter.RelativeTime runs 1000 times too fast on this firmware (fixed in nf-interpreter#2908, 2024-03-26): update the ESP32 firmware.";

        private readonly GpioPulseCounter _counter;
        private long _checkStartMilliseconds = -1;
        private long _checkStartTicks;
        private bool _clockChecked;

        // Holds the GpioPulseCount of the latest read. On nanoCLR a struct lives in its own heap object. nf-interpreter's
        // src/CLR/Core/Interpreter.cpp clones it whenever it is loaded by value (ldloc, ldarg, ldfld end in
        // Execute_LoadAndPromote, which calls CloneObject for a value type) and when it is passed as an argument, while
        // stfld only stores the reference the call returned (AssignAndPreserveType) and ldflda only takes an address. So
        // Read below adds no object to the 108 B that GpioPulseCounter.Read() itself leaves, where a struct local
        // (created at every call) or a struct parameter would add 36 B per reading. The price is this slot (12 B) and
        // the reading it keeps alive (36 B).
        private GpioPulseCount _reading;

        internal PulseCounterSource(int pin, ushort filterNanoseconds)
        {
            _counter = new GpioPulseCounter(pin);
            try
            {
                _counter.Polarity = GpioPulsePolarity.Rising;
                _counter.FilterPulses = filterNanoseconds;
                _counter.Start();
            }
            catch
            {
                _counter.Dispose();
                throw;
            }
        }

        public long Read(out long timeTicks)
        {
            _reading = _counter.Read();
            timeTicks = _reading.RelativeTime.Ticks;
            if (!_clockChecked)
            {
                CheckClock(timeTicks);
            }

            return _reading.Count;
        }

        private void CheckClock(long relativeTicks)
        {
            long nowMilliseconds = Environment.TickCount64;
            if (_checkStartMilliseconds < 0)
            {
                _checkStartMilliseconds = nowMilliseconds;
                _checkStartTicks = relativeTicks;
                return;
            }

            long elapsedMilliseconds = nowMilliseconds - _checkStartMilliseconds;
            if (elapsedMilliseconds < ClockCheckMilliseconds)
            {
                return;
            }

            long relativeMilliseconds = (relativeTicks - _checkStartTicks) / TimeSpan.TicksPerMillisecond;
            if (relativeMilliseconds > elapsedMilliseconds * ClockCheckFactor)
            {
                throw new NotSupportedException(RelativeTimeWrong);
            }

            _clockChecked = true;
        }

        public void Dispose()
        {
            if (_counter.IsStarted)
            {
                _counter.Stop();
            }

            _counter.Dispose();
        }
    }
}
