using System;
using System.Device.Gpio;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// A hall-effect turbine flow meter (YF-S201, YF-S401, FS300A, FS400A or any sensor with a known K-factor) whose
    /// pulses are counted by the ESP32 hardware pulse counter (<see cref="OnPulseCounter"/>, the default on ESP32) or by
    /// a GPIO interrupt handler (<see cref="OnGpioInterrupt"/>, any target). Totals are 64-bit and never wrap in
    /// practice; rates are computed over the time that actually elapsed between two readings. No window is ever
    /// negative, and no reading beyond what the sensor can produce is used (<see cref="MaximumLitresPerMinute"/>).
    /// Reading and sampling allocate nothing of their own. All members are thread-safe. Formulas: hardware.md §3.2
    /// (Q = (N/Δt)/k).
    /// </summary>
    public sealed partial class FlowMeter : IDisposable
    {
        /// <summary>
        /// Largest ESP32 PCNT glitch filter, in nanoseconds: nanoFramework's native <c>GpioPulseCounter</c> hands the
        /// value to ESP-IDF as <c>max_glitch_ns</c> (firmware built on IDF 5.x, from May 2024), and IDF programs
        /// 80 × ns / 1000 whole APB cycles: 1023 ns → 81 cycles → 1.0125 µs.
        /// </summary>
        public const int MaxFilterNanoseconds = 1023;

        /// <summary>
        /// Default PCNT glitch filter: the maximum, ≈ 1 µs. The narrowest real phase of the supported sensors is
        /// ≈ 680 µs (YF-S401 at 588 Hz and 40 % duty), 670 times wider, so the filter never touches a real pulse and
        /// removes what it can: spikes coupled from valve and pump wiring, and chatter on the slow edges of the
        /// open-collector signal behind its divider.
        /// </summary>
        public const int DefaultFilterNanoseconds = MaxFilterNanoseconds;

        /// <summary>Largest minimum-pulse interval of the GPIO interrupt source, in milliseconds.</summary>
        public const int MaxMinimumPulseIntervalMilliseconds = 1000;

        private const double TicksPerMinute = 600000000.0;
        private const double TicksPerSecond = 10000000.0;
        private const long TicksPerMicrosecond = 10;
        private const string PinRange = "GPIO number must be 0 or more.";
        private const string KFactorRange = "K-factor must be a finite number of pulses per litre above 0.";
        private const string FilterRange = "PCNT glitch filter must be 0..1023 ns.";
        private const string IntervalRange = "Minimum pulse interval must be 0..1000 ms.";
        private const string VolumeRange = "Measured volume must be a finite number of litres above 0.";
        private const string NoCalibrationPulses = "No pulses counted since StartCalibration: run the measured volume through the sensor first.";

        private readonly object _sync = new object();
        private readonly IPulseSource _source;
        private double _pulsesPerLitre;
        private double _maximumLitresPerMinute;

        // The last reading of the source that passed the plausibility check, and the pulses accepted since the meter was
        // created or reset. Totals, windows and the calibration mark are kept in accepted pulses, so they only grow.
        private long _lastCount;
        private long _lastTicks;
        private long _total;
        private long _windowStartTotal;
        private long _windowStartTicks;
        private long _calibrationMark;
        private bool _disposed;

        private FlowMeter(IPulseSource source, double pulsesPerLitre)
        {
            _source = source;
            _pulsesPerLitre = pulsesPerLitre;
            _maximumLitresPerMinute = FlowSensorRatedFlow.MaximumForKFactor(pulsesPerLitre);

            // A fresh source has counted nothing yet: no overflow can have raced this first read.
            _lastCount = source.Read(out _lastTicks);
            _windowStartTicks = _lastTicks;
        }

        /// <summary>
        /// K-factor in pulses per litre (presets in <see cref="FlowSensorPulsesPerLitre"/>). Changing it rescales every
        /// litre figure, past and future, because the meter keeps pulses, not litres.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number above 0.</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double PulsesPerLitre
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _pulsesPerLitre;
                }
            }

            set
            {
                lock (_sync)
                {
                    CheckDisposed();
                    if (!IsPositiveFinite(value))
                    {
                        throw new ArgumentOutOfRangeException(nameof(value), KFactorRange);
                    }

                    _pulsesPerLitre = value;
                }
            }
        }

        /// <summary>Pulses counted since the meter was created or last <see cref="Reset"/> (64-bit, never decreasing).</summary>
        /// <exception cref="InvalidOperationException">The reading was implausible twice in a row (<see cref="MaximumLitresPerMinute"/>).</exception>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public long TotalPulses
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    Advance();
                    return _total;
                }
            }
        }

        /// <summary>Litres since the meter was created or last <see cref="Reset"/>: <see cref="TotalPulses"/> / <see cref="PulsesPerLitre"/>.</summary>
        /// <exception cref="InvalidOperationException">The reading was implausible twice in a row (<see cref="MaximumLitresPerMinute"/>).</exception>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double TotalLitres
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    Advance();
                    return _total / _pulsesPerLitre;
                }
            }
        }

        /// <summary>
        /// Counts pulses with the ESP32 hardware pulse counter (PCNT): no CPU and no heap per pulse. Not available on
        /// the ESP32-C3 (no PCNT); the ESP32 has 8 units, the S2/S3/C6/H2 have 4.
        /// </summary>
        /// <param name="pin">GPIO the sensor signal is wired to (the bench uses GPIO4); 0 or more.</param>
        /// <param name="pulsesPerLitre">K-factor, e.g. <see cref="FlowSensorPulsesPerLitre.YfS201"/>; finite, above 0.</param>
        /// <param name="filterNanoseconds">
        /// Glitch filter, 0..1023 ns: pulses narrower than 80 × ns / 1000 APB cycles of 12.5 ns are ignored (0 = off).
        /// Firmware built before May 2024 reads the same number as APB cycles (1023 → 12.79 µs), which the default
        /// also suits.
        /// </param>
        /// <returns>A started meter that owns the pulse counter.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the range given above.</exception>
        public static FlowMeter OnPulseCounter(int pin, double pulsesPerLitre, int filterNanoseconds = DefaultFilterNanoseconds)
        {
            CheckPinAndKFactor(pin, pulsesPerLitre);
            if (filterNanoseconds < 0 || filterNanoseconds > MaxFilterNanoseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(filterNanoseconds), FilterRange);
            }

            return new FlowMeter(new PulseCounterSource(pin, (ushort)filterNanoseconds), pulsesPerLitre);
        }

        /// <summary>
        /// Counts rising edges in a <see cref="GpioPin.ValueChanged"/> handler: works on any target, but the runtime
        /// allocates 120 B of event objects per edge (both edges are posted), and the count trails the pin by the
        /// event-dispatch latency. Opens the pin as <see cref="PinMode.InputPullUp"/> (plain input on pins without a
        /// pull-up, such as ESP32 GPIO34..39); <see cref="Dispose"/> closes it.
        /// </summary>
        /// <param name="controller">Controller to open the pin on; stays the caller's (dispose the meter first).</param>
        /// <param name="pin">GPIO the sensor signal is wired to (the bench uses GPIO4); 0 or more.</param>
        /// <param name="pulsesPerLitre">K-factor, e.g. <see cref="FlowSensorPulsesPerLitre.YfS201"/>; finite, above 0.</param>
        /// <param name="minimumPulseIntervalMilliseconds">
        /// Bounce filter, 0..1000 ms, 0 = off: a rising edge less than this long after the last counted one is ignored.
        /// Bounce after a falling edge makes rising edges one high time after the real one, and the interval is
        /// measured with the 1 ms <c>Environment.TickCount64</c> when the handler runs, so choose high time + bounce
        /// + 1 ms &lt; interval ≤ the shortest period (YF-S201 up to 30 L/min: 4 ms). Edges queued
        /// behind a stall of the dispatch thread (e.g. a GC) are handled together, and a filter above 0 then drops
        /// real pulses: use it only on a line that really bounces.
        /// </param>
        /// <returns>A meter that owns the opened pin.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the range given above.</exception>
        public static FlowMeter OnGpioInterrupt(GpioController controller, int pin, double pulsesPerLitre, int minimumPulseIntervalMilliseconds = 0)
        {
            if (controller == null)
            {
                throw new ArgumentNullException(nameof(controller));
            }

            CheckPinAndKFactor(pin, pulsesPerLitre);
            if (minimumPulseIntervalMilliseconds < 0 || minimumPulseIntervalMilliseconds > MaxMinimumPulseIntervalMilliseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(minimumPulseIntervalMilliseconds), IntervalRange);
            }

            return new FlowMeter(new GpioInterruptSource(controller, pin, minimumPulseIntervalMilliseconds), pulsesPerLitre);
        }

        /// <summary>
        /// Returns the flow rate in L/min over the window since the previous sample (or since creation or
        /// <see cref="Reset"/>) and starts the next window, in one atomic step: every pulse lands in exactly one window.
        /// </summary>
        /// <returns>Litres per minute, 0 or more; 0 when no time has elapsed on the source's clock (the window then stays open).</returns>
        /// <exception cref="InvalidOperationException">The reading was implausible twice in a row (<see cref="MaximumLitresPerMinute"/>).</exception>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double SampleLitresPerMinute() => SampleLitresPerMinute(out _, out _);

        /// <summary>
        /// Returns the flow rate in L/min over the window since the previous sample (or since creation or
        /// <see cref="Reset"/>) and starts the next window, in one atomic step: every pulse lands in exactly one window.
        /// The rate is (pulses / K) / elapsed minutes, with the elapsed time measured by the source's clock (PCNT
        /// relative time, 1 µs on the ESP32; or <c>Environment.TickCount64</c>, 1 ms), never assumed.
        /// </summary>
        /// <param name="pulses">Pulses in the window that just closed, 0 or more.</param>
        /// <param name="elapsedMicroseconds">Length of that window in microseconds.</param>
        /// <returns>Litres per minute, 0 or more; 0 with 0 pulses and 0 µs when no time has elapsed (the window then stays open).</returns>
        /// <exception cref="InvalidOperationException">
        /// The reading was implausible twice in a row (<see cref="MaximumLitresPerMinute"/>); the window stays open and
        /// the implausible stretch is not counted.
        /// </exception>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds)
        {
            lock (_sync)
            {
                CheckDisposed();
                Advance();
                long elapsedTicks = _lastTicks - _windowStartTicks;
                if (elapsedTicks <= 0)
                {
                    pulses = 0;
                    elapsedMicroseconds = 0;
                    return 0;
                }

                pulses = _total - _windowStartTotal;
                elapsedMicroseconds = elapsedTicks / TicksPerMicrosecond;
                _windowStartTotal = _total;
                _windowStartTicks = _lastTicks;
                return pulses * TicksPerMinute / (_pulsesPerLitre * elapsedTicks);
            }
        }

        /// <summary>Zeroes the totals, restarts the sampling window and moves the calibration mark to now.</summary>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public void Reset()
        {
            lock (_sync)
            {
                CheckDisposed();

                // An implausible reading is skipped either way: the totals start again from it.
                TryAdvance();
                _total = 0;
                _windowStartTotal = 0;
                _windowStartTicks = _lastTicks;
                _calibrationMark = 0;
            }
        }

        /// <summary>Marks the start of a calibration run: <see cref="Calibrate"/> uses the pulses counted from here.</summary>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public void StartCalibration()
        {
            lock (_sync)
            {
                CheckDisposed();
                TryAdvance();
                _calibrationMark = _total;
            }
        }

        /// <summary>
        /// Sets <see cref="PulsesPerLitre"/> from a volume measured independently (e.g. a measuring jug) since
        /// <see cref="StartCalibration"/> (or creation, or <see cref="Reset"/>): K = pulses / litres. The mark stays, so
        /// a later call refines the factor with the larger volume.
        /// </summary>
        /// <param name="measuredLitres">The volume that really flowed, in litres; finite, above 0.</param>
        /// <returns>The new K-factor in pulses per litre.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="measuredLitres"/> is not a finite number above 0.</exception>
        /// <exception cref="InvalidOperationException">No pulse was counted since the mark, or the reading was implausible twice in a row.</exception>
        /// <exception cref="NotSupportedException">On the pulse counter: the firmware's <c>RelativeTime</c> runs 1000 times too fast (README, Firmware).</exception>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double Calibrate(double measuredLitres)
        {
            lock (_sync)
            {
                CheckDisposed();
                if (!IsPositiveFinite(measuredLitres))
                {
                    throw new ArgumentOutOfRangeException(nameof(measuredLitres), VolumeRange);
                }

                Advance();
                long pulses = _total - _calibrationMark;
                if (pulses <= 0)
                {
                    throw new InvalidOperationException(NoCalibrationPulses);
                }

                _pulsesPerLitre = pulses / measuredLitres;
                return _pulsesPerLitre;
            }
        }

        /// <summary>Stops counting and releases the pulse counter or the GPIO pin. Further calls do nothing.</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _source.Dispose();
            }
        }

        private static void CheckPinAndKFactor(int pin, double pulsesPerLitre)
        {
            if (pin < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(pin), PinRange);
            }

            if (!IsPositiveFinite(pulsesPerLitre))
            {
                throw new ArgumentOutOfRangeException(nameof(pulsesPerLitre), KFactorRange);
            }
        }

        // nanoCLR compares NaN unlike IEEE (NaN > 0 is true there), so NaN is ruled out first.
        private static bool IsPositiveFinite(double value) => !double.IsNaN(value) && value > 0 && !double.IsPositiveInfinity(value);

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FlowMeter));
            }
        }
    }
}
