using VirtualBoard;

namespace System.Device.Gpio
{
    /// <summary>Edge polarity counted by the ESP32 pulse counter.</summary>
    public enum GpioPulsePolarity
    {
        Both = 0,
        Falling = 1,
        Rising = 2,
    }

    /// <summary>A pulse count and the time it was read, relative to the counter's start.</summary>
    public struct GpioPulseCount
    {
        public long Count;
        public TimeSpan RelativeTime;
    }

    /// <summary>
    /// ESP32 hardware pulse counter (PCNT). The hardware counts every edge with no managed work per pulse. As in
    /// nanoFramework.Hardware.Esp32 1.6.42 on firmware built with ESP-IDF 5.x: <see cref="Polarity"/> and
    /// <see cref="FilterPulses"/> take effect at <see cref="Start"/>, where the native code hands <see cref="FilterPulses"/>
    /// to IDF as <c>max_glitch_ns</c>, a width in <b>nanoseconds</b> (0..1023, so at most ≈ 1 µs); the library's own
    /// documentation still calls the value APB cycles. <see cref="VirtualBoard.PulseCounterUnit"/> models the hardware.
    /// </summary>
    public sealed class GpioPulseCounter : IDisposable
    {
        private const ushort MaxFilterPulses = 1023;
        private readonly PulseCounterUnit _unit;
        private GpioPulsePolarity _polarity = GpioPulsePolarity.Falling;
        private ushort _filterPulses;
        private bool _disposed;

        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1)
        {
            if (pinNumberA < 0)
            {
                throw new ArgumentException(nameof(pinNumberA));
            }

            _unit = Board.Pin(pinNumberA).OpenPulseCounter();
        }

        ~GpioPulseCounter()
        {
        }

        public bool IsStarted { get; private set; }

        public GpioPulsePolarity Polarity
        {
            get => _polarity;
            set
            {
                if (IsStarted)
                {
                    throw new InvalidOperationException();
                }

                _polarity = value;
                _unit.Polarity = value;
            }
        }

        public ushort FilterPulses
        {
            get => _filterPulses;
            set
            {
                if (value > MaxFilterPulses)
                {
                    throw new ArgumentException(nameof(value));
                }

                _filterPulses = value;
            }
        }

        public GpioPulseCount Read()
        {
            CheckDisposed();
            Board.CountPulseCounterRead();
            GpioPulseCount result;
            result.Count = _unit.Read(out long relativeTicks);
            result.RelativeTime = TimeSpan.FromTicks(relativeTicks);
            return result;
        }

        public GpioPulseCount Reset()
        {
            CheckDisposed();
            Board.CountPulseCounterRead();
            GpioPulseCount result;
            result.Count = _unit.ReadAndReset(out long relativeTicks);
            result.RelativeTime = TimeSpan.FromTicks(relativeTicks);
            return result;
        }

        public void Start()
        {
            CheckDisposed();
            if (IsStarted)
            {
                throw new InvalidOperationException();
            }

            _unit.Polarity = _polarity;
            _unit.Start(_filterPulses);
            IsStarted = true;
        }

        public void Stop()
        {
            CheckDisposed();
            if (!IsStarted)
            {
                throw new InvalidOperationException();
            }

            _unit.Stop();
            IsStarted = false;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            IsStarted = false;
            _unit.Close();
            GC.SuppressFinalize(this);
        }

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(GpioPulseCounter));
            }
        }
    }
}
