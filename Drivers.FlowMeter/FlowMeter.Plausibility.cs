using System;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// Every reading of the pulse source passes through here before it reaches a total or a window: the count a sensor
    /// produces only grows, and never faster than its rated maximum flow allows.
    /// </summary>
    public sealed partial class FlowMeter
    {
        /// <summary>
        /// How far above <see cref="MaximumLitresPerMinute"/> a reading may imply before the meter refuses it: 1.5 covers
        /// the ±10 % unit scatter of the K-factor and of the rating, and a turbine pushed past its rated flow by high
        /// pressure, while a fault (the pulse counter's ±32,767 read race, noise counted as pulses) lies far beyond.
        /// </summary>
        public const double PlausibilityMargin = 1.5;

        /// <summary>
        /// Pulses a reading may show on top of the margin, whatever the time: a GPIO source counts the edges still queued
        /// for its handler late, in a burst after a stall of the dispatch thread, and the native event queue holds 128
        /// records (at most 65 rising edges with the one being handled); 128 leaves room for the clock's 1 ms steps too.
        /// </summary>
        public const long PlausibilitySlackPulses = 128;

        // The native read of nanoFramework's ESP32 GpioPulseCounter adds the hardware count to an overflow accumulator
        // that moves in steps of 32,767 (MAX_COUNTER_VALUE in nf-interpreter's
        // nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp), with no lock: one reading can be
        // off by ±32,767. A reading that rose by that much or more is confirmed by a second read before it is used.
        private const long ReadRaceStep = 32767;

        private const string ImplausibleReading =
            "The pulse count went backwards or rose faster than MaximumLitresPerMinute x PlausibilityMargin allows, on two reads in a row: " +
            "check the K-factor, MaximumLitresPerMinute and noise on the signal line. The pulses of that stretch were not counted.";

        private const string MaximumFlowRange = "Maximum flow must be a finite number of litres per minute above 0.";

        /// <summary>
        /// The sensor's rated maximum flow in L/min. A reading implying more than <see cref="PlausibilityMargin"/> times
        /// this since the previous reading (plus <see cref="PlausibilitySlackPulses"/>), or fewer pulses than before, is
        /// read again at once; if the second read is no better the meter skips that stretch and throws
        /// <see cref="InvalidOperationException"/>. Default: the rated maximum of the preset whose K-factor the meter was
        /// created with (<see cref="FlowSensorRatedFlow.MaximumForKFactor"/>), otherwise 60 L/min.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number above 0.</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double MaximumLitresPerMinute
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _maximumLitresPerMinute;
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    if (!IsPositiveFinite(value))
                    {
                        throw new ArgumentOutOfRangeException(nameof(value), MaximumFlowRange);
                    }

                    _maximumLitresPerMinute = value;
                }
            }
        }

        // Reads the source and adds what it counted since the last accepted reading to the total. Returns false, having
        // skipped the stretch (the next reading is measured from this one), when two reads in a row are implausible.
        private bool TryAdvance()
        {
            long count = _source.Read(out long ticks);
            long pulses = count - _lastCount;
            if (pulses < 0 || pulses >= ReadRaceStep || pulses > MostPulsesIn(ticks - _lastTicks))
            {
                // A race spoils one reading only: the next one, microseconds later, is right.
                count = _source.Read(out ticks);
                pulses = count - _lastCount;
                if (pulses < 0 || pulses > MostPulsesIn(ticks - _lastTicks))
                {
                    _lastCount = count;
                    _lastTicks = ticks;
                    return false;
                }
            }

            _total += pulses;
            _lastCount = count;
            _lastTicks = ticks;
            return true;
        }

        private void Advance()
        {
            if (!TryAdvance())
            {
                throw new InvalidOperationException(ImplausibleReading);
            }
        }

        private long MostPulsesIn(long elapsedTicks)
        {
            if (elapsedTicks <= 0)
            {
                return PlausibilitySlackPulses;
            }

            double hertz = _maximumLitresPerMinute * _pulsesPerLitre / 60.0;
            return (long)(hertz * PlausibilityMargin * elapsedTicks / TicksPerSecond) + PlausibilitySlackPulses;
        }
    }
}
