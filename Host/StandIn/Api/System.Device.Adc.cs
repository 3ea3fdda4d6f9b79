using VirtualBoard;

namespace System.Device.Adc
{
    /// <summary>ADC channel modes.</summary>
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential = 1,
    }

    public abstract class AdcControllerBase
    {
        public abstract AdcChannelMode ChannelMode { get; set; }

        public abstract int ChannelCount { get; }

        public abstract int MaxValue { get; }

        public abstract int MinValue { get; }

        public abstract int ResolutionInBits { get; }

        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);

        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    /// <summary>The ESP32 ADC: 12-bit, values 0..4095, channels on the virtual board.</summary>
    public class AdcController : AdcControllerBase
    {
        public AdcController()
        {
            ChannelMode = AdcChannelMode.SingleEnded;
        }

        public override AdcChannelMode ChannelMode { get; set; }

        public override int ChannelCount => Board.AdcChannelCount;

        public override int MaxValue => Board.AdcMaxValue;

        public override int MinValue => 0;

        public override int ResolutionInBits => 12;

        public override bool IsChannelModeSupported(AdcChannelMode channelMode) => channelMode == AdcChannelMode.SingleEnded;

        public override AdcChannel OpenChannel(int channelNumber)
        {
            if (channelNumber < 0 || channelNumber >= Board.AdcChannelCount)
            {
                throw new ArgumentException(nameof(channelNumber));
            }

            return new AdcChannel(this, channelNumber);
        }
    }

    public abstract class AdcChannelBase
    {
        public AdcController Controller { get; protected set; }

        public abstract int ReadValue();

        public double ReadRatio() => ReadValue() / (double)Controller.MaxValue;
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        private readonly int _channelNumber;
        private bool _disposed;

        internal AdcChannel(AdcController controller, int channelNumber)
        {
            Controller = controller;
            _channelNumber = channelNumber;
        }

        ~AdcChannel()
        {
        }

        public override int ReadValue()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(AdcChannel));
            }

            return Board.Adc(_channelNumber).Read();
        }

        public void Dispose()
        {
            _disposed = true;
            GC.SuppressFinalize(this);
        }
    }
}
