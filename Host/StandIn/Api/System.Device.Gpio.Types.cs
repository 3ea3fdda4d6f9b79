namespace System.Device.Gpio
{
    /// <summary>Pin modes, in nanoFramework order (differs from .NET IoT).</summary>
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }

    /// <summary>Edge kinds.</summary>
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    /// <summary>Pin numbering schemes.</summary>
    public enum PinNumberingScheme
    {
        Logical = 0,
        Board = 1,
    }

    /// <summary>A pin level.</summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        public static PinValue High => new PinValue(1);

        public static PinValue Low => new PinValue(0);

        public static implicit operator PinValue(int value) => value == 0 ? Low : High;

        public static implicit operator PinValue(bool value) => value ? High : Low;

        public static explicit operator int(PinValue value) => value._value;

        public static explicit operator byte(PinValue value) => value._value;

        public static explicit operator bool(PinValue value) => value._value != 0;

        public static bool operator ==(PinValue a, PinValue b) => a._value == b._value;

        public static bool operator !=(PinValue a, PinValue b) => a._value != b._value;

        public bool Equals(PinValue other) => other._value == _value;

        public override bool Equals(object obj) => obj is PinValue other && Equals(other);

        public override int GetHashCode() => _value.GetHashCode();

        public override string ToString() => _value == 0 ? "Low" : "High";
    }

    /// <summary>A pin number and a value.</summary>
    public readonly struct PinValuePair
    {
        public PinValuePair(int pinNumber, PinValue pinValue)
        {
            PinNumber = pinNumber;
            PinValue = pinValue;
        }

        public int PinNumber { get; }

        public PinValue PinValue { get; }

        public void Deconstruct(out int pinNumber, out PinValue pinValue)
        {
            pinNumber = PinNumber;
            pinValue = PinValue;
        }
    }

    /// <summary>Result of waiting for an event.</summary>
    public struct WaitForEventResult
    {
        public PinEventTypes EventTypes;
        public bool TimedOut;
    }

    /// <summary>Arguments of a pin value change: one edge, Rising or Falling.</summary>
    public class PinValueChangedEventArgs : EventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            ChangeType = changeType;
            PinNumber = pinNumber;
        }

        public PinEventTypes ChangeType { get; }

        public int PinNumber { get; }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);
}
