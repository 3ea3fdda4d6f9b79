using System.Collections.Generic;
using System.Device.Gpio;

namespace VirtualBoard
{
    /// <summary>
    /// The virtual ESP32 board behind the stand-in APIs: I2C buses by id, GPIO pins, ADC channels and one simulated
    /// clock. Tests call <see cref="Reset"/> to start from a powered-down board.
    /// </summary>
    public static class Board
    {
        /// <summary>GPIO pins on an ESP32 (GPIO0..GPIO39).</summary>
        public const int PinCount = 40;

        /// <summary>ADC channels (ADC1_CH0..ADC1_CH19 in nanoFramework numbering).</summary>
        public const int AdcChannelCount = 20;

        /// <summary>Full scale of the 12-bit ESP32 ADC.</summary>
        public const int AdcMaxValue = 4095;

        private static readonly object Sync = new object();
        private static readonly Dictionary<int, I2cBus> Buses = new Dictionary<int, I2cBus>();
        private static BoardPin[] _pins = NewPins();
        private static AdcInput[] _adc = NewAdc();
        private static long _pulseCounterReads;

        /// <summary>Managed heap size reported by the stand-in's GC.Run (a plain ESP32-WROOM, in bytes).</summary>
        public static long ManagedHeapBytes { get; set; } = 80 * 1024;

        /// <summary>The simulated clock: device sleeps advance it, simulators schedule their events on it.</summary>
        public static VirtualClock Clock { get; } = new VirtualClock();

        /// <summary>Every I2C transfer on every bus, in order.</summary>
        public static I2cTransactionLog I2cLog { get; } = new I2cTransactionLog();

        /// <summary>Bus accesses outside a chip's register table since the last reset.</summary>
        public static RegisterViolationLog RegisterViolations { get; } = new RegisterViolationLog();

        /// <summary>The thread that delivers GPIO events to managed handlers.</summary>
        public static EventDispatcher Events { get; } = new EventDispatcher();

        /// <summary>
        /// Calls of <see cref="GpioPulseCounter.Read"/> and <see cref="GpioPulseCounter.Reset"/> since the last
        /// <see cref="Reset"/>, on any thread: each returns a <see cref="GpioPulseCount"/>, a heap object on nanoCLR.
        /// </summary>
        public static long PulseCounterReads => System.Threading.Interlocked.Read(ref _pulseCounterReads);

        /// <summary>Returns the I2C bus with the given id (ESP32: 1 and 2), creating it on first use.</summary>
        public static I2cBus I2cBus(int busId)
        {
            lock (Sync)
            {
                if (!Buses.TryGetValue(busId, out I2cBus bus))
                {
                    bus = new I2cBus(busId, I2cLog);
                    Buses.Add(busId, bus);
                }

                return bus;
            }
        }

        /// <summary>Returns a GPIO pin of the board.</summary>
        public static BoardPin Pin(int pinNumber)
        {
            if (pinNumber < 0 || pinNumber >= PinCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"ESP32 GPIO numbers are 0..{PinCount - 1}.");
            }

            return _pins[pinNumber];
        }

        /// <summary>Returns an ADC channel input of the board.</summary>
        public static AdcInput Adc(int channel)
        {
            if (channel < 0 || channel >= AdcChannelCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(channel), channel, $"ADC channels are 0..{AdcChannelCount - 1}.");
            }

            return _adc[channel];
        }

        /// <summary>Powers the board down and up: no devices, pins released, clock at zero, empty log.</summary>
        public static void Reset()
        {
            Events.WaitUntilIdle();
            lock (Sync)
            {
                Buses.Clear();
                _pins = NewPins();
                _adc = NewAdc();
            }

            GpioController.ResetAll();
            nanoFramework.Hardware.Esp32.Configuration.ResetAll();
            Clock.Reset();
            I2cLog.Clear();
            RegisterViolations.Clear();
            Events.Reset();
            System.Threading.Interlocked.Exchange(ref _pulseCounterReads, 0);
        }

        internal static void CountPulseCounterRead() => System.Threading.Interlocked.Increment(ref _pulseCounterReads);

        private static BoardPin[] NewPins()
        {
            var pins = new BoardPin[PinCount];
            for (int i = 0; i < PinCount; i++)
            {
                pins[i] = new BoardPin(i);
            }

            return pins;
        }

        private static AdcInput[] NewAdc()
        {
            var adc = new AdcInput[AdcChannelCount];
            for (int i = 0; i < AdcChannelCount; i++)
            {
                adc[i] = new AdcInput(i);
            }

            return adc;
        }
    }
}
