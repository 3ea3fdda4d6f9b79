using System;
using System.Device.Gpio;

namespace Drivers.FlowMeter
{
    /// <summary>
    /// A hall-effect turbine flow meter (YF-S201, YF-S401, FS300A, FS400A or any sensor with a known K-factor) whose
    /// pulses are counted by the ESP32 hardware pulse counter (<see cref="OnPulseCounter"/>, the default on ESP32) or by
    /// a GPIO interrupt handler (<see cref="OnGpioInterrupt"/>, any target). Totals are 64-bit and never wrap in
    /// practice; rates are computed over the time that actually elapsed between two readings. Reading and sampling
    /// allocate nothing of their own. All members are thread-safe. Formulas: hardware.md §3.2 (Q = (N/Δt)/k).
    /// </summary>
    public sealed class FlowMeter : IDisposable
    {
        /// <summary>Largest ESP32 PCNT glitch filter: 1023 APB cycles of 12.5 ns = 12.79 µs.</summary>
        public const int MaxFilterPulses = 1023;

        /// <summary>
        /// Default PCNT glitch filter: the maximum, 12.79 µs. The shortest real half-period of the supported sensors is
        /// ≈ 850 µs (YF-S401 at 588 Hz), so the filter never touches a real pulse.
        /// </summary>
        public const int DefaultFilterPulses = MaxFilterPulses;

        /// <summary>Largest minimum-pulse interval of the GPIO interrupt source, in milliseconds.</summary>
        public const int MaxMinimumPulseIntervalMilliseconds = 1000;

        private const double TicksPerMinute = 600000000.0;
        private const long TicksPerMicrosecond = 10;
        private const string PinRange = "GPIO number must be 0 or more.";
        private const string KFactorRange = "K-factor must be a finite number of pulses per litre above 0.";
        private const string FilterRange = "PCNT glitch filter must be 0..1023 APB cycles (12.5 ns each).";
        private const string IntervalRange = "Minimum pulse interval must be 0..1000 ms.";
        private const string VolumeRange = "Measured volume must be a finite number of litres above 0.";
        private const string NoCalibrationPulses = "No pulses counted since StartCalibration: run the measured volume through the sensor first.";

        private readonly object _sync = new object();
        private readonly IPulseSource _source;
        private double _pulsesPerLitre;
        private long _originPulses;
        private long _windowPulses;
        private long _windowTicks;
        private long _calibrationPulses;
        private bool _disposed;

        private FlowMeter(IPulseSource source, double pulsesPerLitre)
        {
            _source = source;
            _pulsesPerLitre = pulsesPerLitre;
            _originPulses = source.Read(out _windowTicks);
            _windowPulses = _originPulses;
            _calibrationPulses = _originPulses;
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

        /// <summary>Pulses counted since the meter was created or last <see cref="Reset"/> (64-bit).</summary>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public long TotalPulses
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return _source.Read(out _) - _originPulses;
                }
            }
        }

        /// <summary>Litres since the meter was created or last <see cref="Reset"/>: <see cref="TotalPulses"/> / <see cref="PulsesPerLitre"/>.</summary>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double TotalLitres
        {
            get
            {
                lock (_sync)
                {
                    CheckDisposed();
                    return (_source.Read(out _) - _originPulses) / _pulsesPerLitre;
                }
            }
        }

        /// <summary>
        /// Counts pulses with the ESP32 hardware pulse counter (PCNT): no CPU and no heap per pulse. Not available on
        /// the ESP32-C3 (no PCNT); the ESP32 has 8 units, the S2/S3/C6/H2 have 4.
        /// </summary>
        /// <param name="pin">GPIO the sensor signal is wired to (the bench uses GPIO4); 0 or more.</param>
        /// <param name="pulsesPerLitre">K-factor, e.g. <see cref="FlowSensorPulsesPerLitre.YfS201"/>; finite, above 0.</param>
        /// <param name="filterPulses">Glitch filter: pulses narrower than this many APB cycles (12.5 ns) are ignored; 0..1023.</param>
        /// <returns>A started meter that owns the pulse counter.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the range given above.</exception>
        public static FlowMeter OnPulseCounter(int pin, double pulsesPerLitre, int filterPulses = DefaultFilterPulses)
        {
            CheckPinAndKFactor(pin, pulsesPerLitre);
            if (filterPulses < 0 || filterPulses > MaxFilterPulses)
            {
                throw new ArgumentOutOfRangeException(nameof(filterPulses), FilterRange);
            }

            return new FlowMeter(new PulseCounterSource(pin, (ushort)filterPulses), pulsesPerLitre);
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
        /// <returns>Litres per minute; 0 when no time has elapsed on the source's clock (the window then stays open).</returns>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double SampleLitresPerMinute() => SampleLitresPerMinute(out _, out _);

        /// <summary>
        /// Returns the flow rate in L/min over the window since the previous sample (or since creation or
        /// <see cref="Reset"/>) and starts the next window, in one atomic step: every pulse lands in exactly one window.
        /// The rate is (pulses / K) / elapsed minutes, with the elapsed time measured by the source's clock (PCNT
        /// relative time, 100 ns; or <c>Environment.TickCount64</c>, 1 ms), never assumed.
        /// </summary>
        /// <param name="pulses">Pulses in the window that just closed.</param>
        /// <param name="elapsedMicroseconds">Length of that window in microseconds.</param>
        /// <returns>Litres per minute; 0 with 0 pulses and 0 µs when no time has elapsed (the window then stays open).</returns>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public double SampleLitresPerMinute(out long pulses, out long elapsedMicroseconds)
        {
            lock (_sync)
            {
                CheckDisposed();
                long count = _source.Read(out long nowTicks);
                long elapsedTicks = nowTicks - _windowTicks;
                if (elapsedTicks <= 0)
                {
                    pulses = 0;
                    elapsedMicroseconds = 0;
                    return 0;
                }

                pulses = count - _windowPulses;
                elapsedMicroseconds = elapsedTicks / TicksPerMicrosecond;
                _windowPulses = count;
                _windowTicks = nowTicks;
                return pulses * TicksPerMinute / (_pulsesPerLitre * elapsedTicks);
            }
        }

        /// <summary>Zeroes the totals, restarts the sampling window and moves the calibration mark to now.</summary>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public void Reset()
        {
            lock (_sync)
            {
                CheckDisposed();
                _originPulses = _source.Read(out _windowTicks);
                _windowPulses = _originPulses;
                _calibrationPulses = _originPulses;
            }
        }

        /// <summary>Marks the start of a calibration run: <see cref="Calibrate"/> uses the pulses counted from here.</summary>
        /// <exception cref="ObjectDisposedException">The meter has been disposed.</exception>
        public void StartCalibration()
        {
            lock (_sync)
            {
                CheckDisposed();
                _calibrationPulses = _source.Read(out _);
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
        /// <exception cref="InvalidOperationException">No pulse was counted since the mark.</exception>
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

                long pulses = _source.Read(out _) - _calibrationPulses;
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

        private static bool IsPositiveFinite(double value) => value > 0 && !double.IsPositiveInfinity(value);

        private void CheckDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(FlowMeter));
            }
        }
    }
}
