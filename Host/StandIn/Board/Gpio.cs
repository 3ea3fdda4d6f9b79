using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace VirtualBoard
{
    /// <summary>
    /// A GPIO pin of the board. Its level comes from the ESP32 when it is an output, otherwise from whatever a model
    /// drives onto it, otherwise from the pull resistor (floating inputs read low). Every level change is an edge with a
    /// timestamp: it advances attached pulse counters and is posted to the managed handlers of an open input pin.
    /// </summary>
    public sealed class BoardPin
    {
        private readonly object _sync = new object();
        private readonly List<PulseCounterUnit> _counters = new List<PulseCounterUnit>();
        private GpioPin _open;
        private bool? _external;
        private bool _driven;
        private bool _level;

        internal BoardPin(int number)
        {
            Number = number;
            Mode = PinMode.Input;
        }

        public int Number { get; }

        public PinMode Mode { get; private set; }

        /// <summary>The level on the pin now.</summary>
        public bool Level
        {
            get
            {
                lock (_sync)
                {
                    return _level;
                }
            }
        }

        /// <summary>The level the ESP32 drives when the pin is an output.</summary>
        public bool DrivenLevel
        {
            get
            {
                lock (_sync)
                {
                    return _driven;
                }
            }
        }

        /// <summary>Edges seen on the pin (both directions).</summary>
        public long EdgeCount { get; private set; }

        /// <summary>Raised (on the caller's thread) whenever the level changes: models listening to an ESP32 output.</summary>
        public event Action<BoardPin, bool> LevelChanged;

        /// <summary>A model drives the pin now (null releases it).</summary>
        public void DriveExternally(bool? level) => DriveExternally(level, Board.Clock.NowTicks);

        /// <summary>A model drives the pin at a given simulated time (edges generated between clock steps).</summary>
        public void DriveExternally(bool? level, long atTicks)
        {
            lock (_sync)
            {
                _external = level;
            }

            Update(atTicks);
        }

        public bool IsModeSupported(PinMode mode) => mode <= PinMode.OutputOpenDrainPullUp;

        internal void Attach(GpioPin pin)
        {
            lock (_sync)
            {
                _open = pin;
            }
        }

        internal void Detach(GpioPin pin)
        {
            lock (_sync)
            {
                if (_open == pin)
                {
                    _open = null;
                }

                Mode = PinMode.Input;
            }

            Update(Board.Clock.NowTicks);
        }

        internal void SetMode(PinMode mode)
        {
            lock (_sync)
            {
                Mode = mode;
            }

            Update(Board.Clock.NowTicks);
        }

        internal void Drive(bool level)
        {
            lock (_sync)
            {
                _driven = level;
            }

            Update(Board.Clock.NowTicks);
        }

        internal PulseCounterUnit OpenPulseCounter()
        {
            var unit = new PulseCounterUnit(this);
            lock (_sync)
            {
                _counters.Add(unit);
            }

            return unit;
        }

        /// <summary>
        /// The ESP32 pulse-counter read race: the next read of every pulse counter open on this pin returns its count
        /// plus <paramref name="offset"/>, once (the count itself is not changed). On the chip a read is off by ±32,767
        /// when the 16-bit counter overflows between the native read of the count and of its overflow accumulator.
        /// </summary>
        /// <param name="offset">What the next read is off by.</param>
        public void InjectPulseCounterReadGlitch(long offset)
        {
            lock (_sync)
            {
                foreach (PulseCounterUnit unit in _counters)
                {
                    unit.ReadGlitch = offset;
                }
            }
        }

        internal void Remove(PulseCounterUnit unit)
        {
            lock (_sync)
            {
                _counters.Remove(unit);
            }
        }

        // Level changes run models' callbacks and queue GPIO events: platform work, whoever triggered it.
        private void Update(long atTicks)
        {
            using (AllocationLedger.Platform())
            {
                UpdateLevel(atTicks);
            }
        }

        private void UpdateLevel(long atTicks)
        {
            bool changed;
            bool level;
            GpioPin open;
            PulseCounterUnit[] counters;
            lock (_sync)
            {
                level = Compute();
                changed = level != _level;
                _level = level;
                open = _open;
                counters = _counters.Count == 0 ? Array.Empty<PulseCounterUnit>() : _counters.ToArray();
                if (changed)
                {
                    EdgeCount++;
                }
            }

            if (!changed)
            {
                return;
            }

            foreach (PulseCounterUnit counter in counters)
            {
                counter.Edge(level, atTicks);
            }

            LevelChanged?.Invoke(this, level);

            if (open != null && open.HasSubscribers && !IsOutput(Mode))
            {
                Board.Events.Post(open, level ? PinEventTypes.Rising : PinEventTypes.Falling);
            }
        }

        private bool Compute()
        {
            if (_open != null && IsOutput(Mode))
            {
                return _driven;
            }

            if (_external.HasValue)
            {
                return _external.Value;
            }

            return Mode == PinMode.InputPullUp;
        }

        private static bool IsOutput(PinMode mode) => mode >= PinMode.Output;
    }

    /// <summary>
    /// The event-dispatch thread: GPIO edges queue here (128 records, as in the native event queue) and handlers run on
    /// this thread, one edge at a time. The host keeps every edge (the producer waits while the queue is full) so counts
    /// are exact; <see cref="HandlerAllocatedBytes"/> counts what managed handlers themselves allocated.
    /// </summary>
    public sealed class EventDispatcher
    {
        public const int QueueCapacity = 128;

        private readonly object _sync = new object();
        private readonly Queue<(GpioPin Pin, PinEventTypes Type)> _queue = new Queue<(GpioPin, PinEventTypes)>();
        private Thread _thread;
        private bool _busy;

        /// <summary>Edges delivered to handlers.</summary>
        public long Delivered { get; private set; }

        /// <summary>
        /// .NET bytes allocated by managed handlers' own code: the platform's event objects, and what the stand-in and
        /// simulators allocate while a handler uses them, are not included.
        /// </summary>
        public long HandlerAllocatedBytes { get; private set; }

        /// <summary>The managed thread handlers run on.</summary>
        public int ThreadId => _thread?.ManagedThreadId ?? -1;

        /// <summary>Blocks until every queued edge has been handled.</summary>
        public void WaitUntilIdle()
        {
            if (Thread.CurrentThread == _thread)
            {
                // A handler that sleeps cannot wait for itself to finish.
                return;
            }

            lock (_sync)
            {
                while (_queue.Count > 0 || _busy)
                {
                    Monitor.Wait(_sync);
                }
            }
        }

        internal void Post(GpioPin pin, PinEventTypes type)
        {
            lock (_sync)
            {
                EnsureThread();
                while (_queue.Count >= QueueCapacity && Thread.CurrentThread != _thread)
                {
                    Monitor.Wait(_sync);
                }

                _queue.Enqueue((pin, type));
                Monitor.PulseAll(_sync);
            }
        }

        internal void Reset()
        {
            lock (_sync)
            {
                Delivered = 0;
                HandlerAllocatedBytes = 0;
            }
        }

        private void EnsureThread()
        {
            if (_thread != null)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "nanoFramework event dispatch" };
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                (GpioPin Pin, PinEventTypes Type) item;
                lock (_sync)
                {
                    while (_queue.Count == 0)
                    {
                        Monitor.Wait(_sync);
                    }

                    item = _queue.Dequeue();
                    _busy = true;
                    Monitor.PulseAll(_sync);
                }

                try
                {
                    // As on the device, the runtime creates the event arguments before any handler runs.
                    var args = new PinValueChangedEventArgs(item.Type, item.Pin.PinNumber);
                    // What the stand-in and the simulators allocate for a handler (an I2C transfer) is platform work.
                    long platformBefore = AllocationLedger.PlatformBytes;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    item.Pin.Raise(args);
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before - (AllocationLedger.PlatformBytes - platformBefore);
                    lock (_sync)
                    {
                        HandlerAllocatedBytes += allocated;
                        Delivered++;
                    }
                }
                catch (Exception ex)
                {
                    Console.Error.WriteLine($"Unhandled exception in a GPIO handler: {ex}");
                }
                finally
                {
                    lock (_sync)
                    {
                        _busy = false;
                        Monitor.PulseAll(_sync);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One ESP32 PCNT unit on a pin. It counts edges of the chosen polarity with no managed work per edge. The glitch
    /// filter drops a pulse narrower than FilterPulses APB cycles (12.5 ns each): an edge is committed only once the level
    /// has stayed put for the filter time.
    /// </summary>
    public sealed class PulseCounterUnit
    {
        private const double NanosecondsPerApbCycle = 12.5;
        private readonly object _sync = new object();
        private readonly BoardPin _pin;
        private long _count;
        private long _startTicks;
        private bool _running;
        private bool _hasPending;
        private bool _pendingLevel;
        private long _pendingTicks;

        internal PulseCounterUnit(BoardPin pin)
        {
            _pin = pin;
        }

        internal GpioPulsePolarity Polarity { get; set; } = GpioPulsePolarity.Falling;

        internal ushort FilterCycles { get; set; }

        private long FilterTicks => (long)Math.Ceiling(FilterCycles * NanosecondsPerApbCycle / 100.0);

        internal void Start()
        {
            lock (_sync)
            {
                _running = true;
                _startTicks = Board.Clock.NowTicks;
            }
        }

        internal void Stop()
        {
            lock (_sync)
            {
                Commit(Board.Clock.NowTicks);
                _running = false;
            }
        }

        internal void Close()
        {
            lock (_sync)
            {
                _running = false;
            }

            _pin.Remove(this);
        }

        // A one-shot error of the next read (BoardPin.InjectPulseCounterReadGlitch).
        internal long ReadGlitch { get; set; }

        internal long Read(out long relativeTicks)
        {
            lock (_sync)
            {
                long glitch = ReadGlitch;
                ReadGlitch = 0;
                return Count(out relativeTicks) + glitch;
            }
        }

        internal long ReadAndReset(out long relativeTicks)
        {
            lock (_sync)
            {
                long glitch = ReadGlitch;
                ReadGlitch = 0;
                long count = Count(out relativeTicks);
                _count = 0;
                return count + glitch;
            }
        }

        private long Count(out long relativeTicks)
        {
            long now = Board.Clock.NowTicks;
            Commit(now);
            relativeTicks = now - _startTicks;
            return _count;
        }

        internal void Edge(bool level, long atTicks)
        {
            lock (_sync)
            {
                if (!_running)
                {
                    return;
                }

                if (_hasPending && atTicks - _pendingTicks < FilterTicks)
                {
                    // The level went back within the filter time: the pulse was a glitch and neither edge counts.
                    _hasPending = false;
                    return;
                }

                Commit(atTicks);
                _hasPending = true;
                _pendingLevel = level;
                _pendingTicks = atTicks;
                if (FilterTicks == 0)
                {
                    Commit(atTicks);
                }
            }
        }

        private void Commit(long nowTicks)
        {
            if (!_hasPending || nowTicks - _pendingTicks < FilterTicks)
            {
                return;
            }

            _hasPending = false;
            bool counts = Polarity == GpioPulsePolarity.Both
                || (Polarity == GpioPulsePolarity.Rising && _pendingLevel)
                || (Polarity == GpioPulsePolarity.Falling && !_pendingLevel);
            if (counts)
            {
                _count++;
            }
        }
    }

    /// <summary>An ADC input of the board; tests and models set its raw value (0..4095).</summary>
    public sealed class AdcInput
    {
        private int _raw;

        internal AdcInput(int channel)
        {
            Channel = channel;
        }

        public int Channel { get; }

        /// <summary>Raw 12-bit reading, 0..4095.</summary>
        public int Raw
        {
            get => Volatile.Read(ref _raw);
            set
            {
                if (value < 0 || value > Board.AdcMaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"ADC readings are 0..{Board.AdcMaxValue}.");
                }

                Volatile.Write(ref _raw, value);
            }
        }

        /// <summary>Optional source computed at each read (e.g. a soil-moisture model); overrides <see cref="Raw"/>.</summary>
        public Func<int> Source { get; set; }

        /// <summary>Reads taken by the device.</summary>
        public long Reads { get; private set; }

        internal int Read()
        {
            using (AllocationLedger.Platform())
            {
                Reads++;
                return Source != null ? Source() : Raw;
            }
        }
    }
}
