using System.Collections;
using VirtualBoard;

namespace System.Device.Gpio
{
    /// <summary>GPIO controller. As on nanoFramework, the table of open pins is shared by every controller.</summary>
    public sealed class GpioController : IDisposable
    {
        private static readonly Hashtable OpenPins = new Hashtable();
        private readonly ArrayList _ownPins = new ArrayList();
        private bool _disposed;

        public GpioController()
            : this(PinNumberingScheme.Logical)
        {
        }

        public GpioController(PinNumberingScheme numberingScheme)
        {
            NumberingScheme = numberingScheme;
        }

        public PinNumberingScheme NumberingScheme { get; internal set; }

        public int PinCount => Board.PinCount;

        public GpioPin OpenPin(int pinNumber)
        {
            CheckDisposed();
            lock (OpenPins)
            {
                if (OpenPins.Contains(pinNumber) || pinNumber < 0 || pinNumber >= Board.PinCount)
                {
                    throw new InvalidOperationException();
                }

                var pin = new GpioPin(pinNumber, Board.Pin(pinNumber));
                OpenPins[pinNumber] = pin;
                _ownPins.Add(pinNumber);
                return pin;
            }
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = OpenPin(pinNumber);
            pin.SetPinMode(mode);
            return pin;
        }

        public void ClosePin(int pinNumber)
        {
            lock (OpenPins)
            {
                if (!_ownPins.Contains(pinNumber))
                {
                    throw new InvalidOperationException();
                }

                var pin = (GpioPin)OpenPins[pinNumber];
                pin?.Dispose();
            }
        }

        public PinMode GetPinMode(int pinNumber) => GetOpenPin(pinNumber).GetPinMode();

        public bool IsPinModeSupported(int pinNumber, PinMode mode) => Board.Pin(pinNumber).IsModeSupported(mode);

        public bool IsPinOpen(int pinNumber)
        {
            lock (OpenPins)
            {
                return OpenPins.Contains(pinNumber);
            }
        }

        public void SetPinMode(int pinNumber, PinMode mode) => GetOpenPin(pinNumber).SetPinMode(mode);

        public PinValue Read(int pinNumber) => GetOpenPin(pinNumber).Read();

        public void Write(int pinNumber, PinValue value) => GetOpenPin(pinNumber).Write(value);

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            GetOpenPin(pinNumber).AddCallback(eventTypes, callback);
        }

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            GetOpenPin(pinNumber).RemoveCallback(callback);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            lock (OpenPins)
            {
                foreach (int number in _ownPins.ToArray())
                {
                    ((GpioPin)OpenPins[number])?.Dispose();
                }

                _ownPins.Clear();
            }

            _disposed = true;
        }

        internal static void Forget(int pinNumber)
        {
            lock (OpenPins)
            {
                OpenPins.Remove(pinNumber);
            }
        }

        internal static void ResetAll()
        {
            lock (OpenPins)
            {
                OpenPins.Clear();
            }
        }

        private GpioPin GetOpenPin(int pinNumber)
        {
            CheckDisposed();
            lock (OpenPins)
            {
                if (!OpenPins.Contains(pinNumber))
                {
                    throw new InvalidOperationException();
                }

                return (GpioPin)OpenPins[pinNumber];
            }
        }

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(GpioController));
            }
        }
    }

    /// <summary>
    /// An open GPIO pin. Value changes arrive as one event per edge (Rising or Falling) on the event-dispatch thread,
    /// as on nanoFramework.
    /// </summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly BoardPin _boardPin;
        private PinChangeEventHandler _callbacks;
        private PinEventTypes _callbackTypes;
        private bool _disposed;

        internal GpioPin(int pinNumber, BoardPin boardPin)
        {
            PinNumber = pinNumber;
            _boardPin = boardPin;
            _boardPin.Attach(this);
        }

        ~GpioPin()
        {
        }

        public event PinValueChangedEventHandler ValueChanged;

        public int PinNumber { get; }

        public TimeSpan DebounceTimeout { get; set; } = TimeSpan.Zero;

        public PinMode GetPinMode()
        {
            CheckDisposed();
            return _boardPin.Mode;
        }

        public bool IsPinModeSupported(PinMode pinMode) => _boardPin.IsModeSupported(pinMode);

        public void SetPinMode(PinMode value)
        {
            CheckDisposed();
            if (!_boardPin.IsModeSupported(value))
            {
                throw new ArgumentException(nameof(value));
            }

            _boardPin.SetMode(value);
        }

        public PinValue Read()
        {
            CheckDisposed();
            return _boardPin.Level ? PinValue.High : PinValue.Low;
        }

        public void Write(PinValue value)
        {
            CheckDisposed();
            _boardPin.Drive((bool)value);
        }

        public void Toggle()
        {
            CheckDisposed();
            _boardPin.Drive(!_boardPin.DrivenLevel);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            ValueChanged = null;
            _callbacks = null;
            _boardPin.Detach(this);
            GpioController.Forget(PinNumber);
            GC.SuppressFinalize(this);
        }

        internal bool HasSubscribers => ValueChanged != null || _callbacks != null;

        internal void AddCallback(PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            _callbackTypes |= eventTypes;
            _callbacks += callback;
        }

        internal void RemoveCallback(PinChangeEventHandler callback)
        {
            _callbacks -= callback;
        }

        // Runs on the event-dispatch thread, after the platform has created the event arguments.
        internal void Raise(PinValueChangedEventArgs args)
        {
            if (_disposed)
            {
                return;
            }

            PinValueChangedEventHandler handler = ValueChanged;
            handler?.Invoke(this, args);

            PinChangeEventHandler callbacks = _callbacks;
            if (callbacks != null && (_callbackTypes & args.ChangeType) != 0)
            {
                callbacks.Invoke(this, args);
            }
        }

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(GpioPin));
            }
        }
    }
}
