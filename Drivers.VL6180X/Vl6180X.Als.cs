using System;

namespace Drivers.VL6180X
{
    public sealed partial class Vl6180X
    {
        private const int MaximumAlsIntegrationMilliseconds = 464;

        // SYSALS__INTEGRATION_PERIOD value ST's API never writes because it locks the device out; its
        // VL6180x_AlsSetIntegrationPeriod writes 256 instead.
        private const int IntegrationLockOutCode = 255;

        // lux = 0.32 × counts × 100 / (gain × t_int) (DocID026171 §2.13.4) = 3200 × counts / (gain × 100 × t_int).
        private const double LuxNumerator = 3200.0;

        private AlsGain _alsGain;
        private int _alsIntegrationMilliseconds;
        private bool _alsDeviceReady;              // known from the last results read; false when unknown
        private bool _interleaved;
        private int _interleavedPeriodMilliseconds;
        private long _nextInterleavedSampleDue;

        /// <summary>
        /// ALS analogue gain (SYSALS__ANALOGUE_GAIN = 0x40 | code; the upper nibble must be 4). Lux use the datasheet's
        /// actual gain of each code. Default <see cref="AlsGain.Gain1"/>. During continuous ranging the write goes
        /// inside a grouped-parameter hold.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not one of the eight codes.</exception>
        /// <exception cref="InvalidOperationException">Interleaved mode is running.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public AlsGain AlsGain
        {
            get
            {
                CheckNotDisposed();
                return _alsGain;
            }

            set
            {
                CheckNotDisposed();
                if (value < AlsGain.Gain20 || value > AlsGain.Gain40)
                {
                    throw new ArgumentOutOfRangeException(nameof(AlsGain), "ALS gain codes are 0 to 7.");
                }

                CheckNotInterleaved();
                bool held = HoldIfMeasuring();
                try
                {
                    WriteRegister8(SYSALS__ANALOGUE_GAIN, AlsDarkGain | (int)value);
                }
                finally
                {
                    Release(held);
                }

                _alsGain = value;
            }
        }

        /// <summary>
        /// ALS integration period in ms, 1 to 464 (SYSALS__INTEGRATION_PERIOD, 16-bit, holds the value − 1). Default
        /// 100 ms, for which the 0.32 lux/count calibration is given. The register value 255 locks the device out, so
        /// 256 ms is set as 257 ms (register value 256), as ST's <c>VL6180x_AlsSetIntegrationPeriod</c> does; the
        /// property then reads 257 and lux use it. During continuous ranging the write goes inside a grouped-parameter hold.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 1..464.</exception>
        /// <exception cref="InvalidOperationException">Interleaved mode is running.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int AlsIntegrationPeriodMilliseconds
        {
            get
            {
                CheckNotDisposed();
                return _alsIntegrationMilliseconds;
            }

            set
            {
                CheckNotDisposed();
                if (value < 1 || value > MaximumAlsIntegrationMilliseconds)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(AlsIntegrationPeriodMilliseconds),
                        "The ALS integration period is 1 to 464 ms.");
                }

                CheckNotInterleaved();
                int code = value - 1;
                if (code == IntegrationLockOutCode)
                {
                    code++;
                }

                bool held = HoldIfMeasuring();
                try
                {
                    WriteRegister16(SYSALS__INTEGRATION_PERIOD, code);
                }
                finally
                {
                    Release(held);
                }

                _alsIntegrationMilliseconds = code + 1;
            }
        }

        /// <summary>
        /// Measures ambient light once (single-shot ALS, DocID026171 §2.13): clears the ALS interrupt, starts, waits the
        /// integration period, then polls every 10 ms for the new sample, for at most the integration period plus
        /// <see cref="AlsTimeoutMilliseconds"/>. Three I2C transfers when the sample is ready at the first poll.
        /// </summary>
        /// <param name="lux">Illuminance in lux without cover glass when the method returns true; 0 otherwise.</param>
        /// <param name="status">The ALS status; <see cref="AlsStatus.NoError"/> exactly when the method returns true.</param>
        /// <returns>True for a valid reading; false on overflow (too much light for the gain) or underflow.</returns>
        /// <exception cref="InvalidOperationException">Interleaved mode is running, or the ALS interrupt mode is not <see cref="InterruptMode.NewSampleReady"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">No device ready or no new sample within the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool TryReadLux(out double lux, out AlsStatus status)
        {
            CheckNotDisposed();
            CheckNotInterleaved();
            if (_alsInterruptMode != InterruptMode.NewSampleReady)
            {
                throw new InvalidOperationException(
                    "Single-shot ALS learns of the sample through the new-sample-ready interrupt: set InterruptMode.NewSampleReady.");
            }

            int integration = _alsIntegrationMilliseconds;
            int timeout = integration + _alsTimeoutMilliseconds;
            long deadline = Environment.TickCount64 + timeout;
            if (!_alsDeviceReady)
            {
                AwaitDeviceReady(ResultAlsStatus, AlsPollIntervalMilliseconds, deadline, timeout);
            }

            _alsDeviceReady = false;
            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearAls | ClearError);
            WriteRegister8(SYSALS__START, StartStop);
            AwaitInterrupt(
                AlsField,
                (int)InterruptMode.NewSampleReady << AlsFieldShift,
                integration + AlsReadoutMilliseconds,
                AlsPollIntervalMilliseconds,
                deadline,
                timeout);
            _alsDeviceReady = (_results[ResultAlsStatus] & DeviceReady) != 0;
            return DecodeAls(out lux, out status);
        }

        /// <summary>Measures ambient light once, as <see cref="TryReadLux"/>.</summary>
        /// <returns>Illuminance in lux (without cover glass).</returns>
        /// <exception cref="AlsErrorException">The device reported an overflow or underflow.</exception>
        /// <exception cref="InvalidOperationException">See <see cref="TryReadLux"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">No device ready or no new sample within the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public double ReadLux()
        {
            if (!TryReadLux(out double lux, out AlsStatus status))
            {
                throw new AlsErrorException(status);
            }

            return lux;
        }

        /// <summary>Whether interleaved mode runs (started by <see cref="StartInterleavedContinuous"/>).</summary>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool IsInterleavedContinuous
        {
            get
            {
                CheckNotDisposed();
                return _interleaved;
            }
        }

        /// <summary>
        /// Starts interleaved mode, ST's recommended way to measure light and distance continuously: every
        /// <paramref name="periodMilliseconds"/> an ALS measurement is followed by a range measurement
        /// (INTERLEAVED_MODE__ENABLE = 1, SYSALS__INTERMEASUREMENT_PERIOD, SYSALS__START = 0x03; DocID026171 §2.10). The
        /// period should exceed the integration period plus ≈ 60 ms of ranging.
        /// </summary>
        /// <param name="periodMilliseconds">10 to 2550 ms, in steps of 10 ms (rounded down).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodMilliseconds"/> outside 10..2550.</exception>
        /// <exception cref="InvalidOperationException">A continuous measurement already runs, or an interrupt mode is not <see cref="InterruptMode.NewSampleReady"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">The device did not become ready within <see cref="RangeTimeoutMilliseconds"/>.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void StartInterleavedContinuous(int periodMilliseconds)
        {
            CheckNotDisposed();
            CheckPeriod(periodMilliseconds, nameof(periodMilliseconds));
            CheckNoContinuousMeasurement();
            if (_rangeInterruptMode != InterruptMode.NewSampleReady || _alsInterruptMode != InterruptMode.NewSampleReady)
            {
                throw new InvalidOperationException(
                    "Interleaved reads wait for both new-sample-ready interrupts: set InterruptMode.NewSampleReady for range and ALS.");
            }

            int timeout = _rangeTimeoutMilliseconds;
            long deadline = Environment.TickCount64 + timeout;
            if (!_rangeDeviceReady)
            {
                AwaitDeviceReady(ResultRangeStatus, RangeMeasurementMilliseconds, deadline, timeout);
            }

            if (!_alsDeviceReady)
            {
                AwaitDeviceReady(ResultAlsStatus, AlsPollIntervalMilliseconds, deadline, timeout);
            }

            int code = (periodMilliseconds / 10) - 1;
            WriteRegister8(INTERLEAVED_MODE__ENABLE, 0x01);
            WriteRegister8(SYSALS__INTERMEASUREMENT_PERIOD, code);
            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearAls | ClearError);
            _rangeDeviceReady = false;
            _alsDeviceReady = false;
            WriteRegister8(SYSALS__START, StartContinuous);
            _interleaved = true;
            _interleavedPeriodMilliseconds = (code + 1) * 10;
            _nextInterleavedSampleDue = Environment.TickCount64 + InterleavedCycleMilliseconds();
        }

        /// <summary>
        /// Stops interleaved mode (SYSALS__START = 0x01, INTERLEAVED_MODE__ENABLE = 0). Does nothing when it does not
        /// run, because the same command would start a single-shot ALS measurement.
        /// </summary>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void StopInterleavedContinuous()
        {
            CheckNotDisposed();
            if (!_interleaved)
            {
                return;
            }

            WriteRegister8(SYSALS__START, StartStop);
            _interleaved = false;
            _rangeDeviceReady = false;
            _alsDeviceReady = false;
            WriteRegister8(INTERLEAVED_MODE__ENABLE, 0x00);
        }

        /// <summary>
        /// Returns the latest interleaved pair: waits until both new-sample interrupts are pending (for at most the
        /// period plus <see cref="AlsTimeoutMilliseconds"/>), then clears them. Two transfers when the pair is waiting.
        /// </summary>
        /// <param name="millimeters">The distance in mm when <paramref name="rangeStatus"/> is NoError; 0 otherwise.</param>
        /// <param name="rangeStatus">The device's range status.</param>
        /// <param name="lux">Illuminance in lux when <paramref name="alsStatus"/> is NoError; 0 otherwise.</param>
        /// <param name="alsStatus">The ALS status.</param>
        /// <returns>True when both readings are valid.</returns>
        /// <exception cref="InvalidOperationException">Interleaved mode does not run.</exception>
        /// <exception cref="Vl6180XTimeoutException">No pair within the period plus the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool TryReadInterleaved(out int millimeters, out RangeStatus rangeStatus, out double lux, out AlsStatus alsStatus)
        {
            CheckNotDisposed();
            if (!_interleaved)
            {
                throw new InvalidOperationException("Interleaved mode does not run: call StartInterleavedContinuous first.");
            }

            int cycle = InterleavedCycleMilliseconds();
            int timeout = (_interleavedPeriodMilliseconds > cycle ? _interleavedPeriodMilliseconds : cycle) + _alsTimeoutMilliseconds;
            const int Both = RangeField | AlsField;
            const int BothReady = ((int)InterruptMode.NewSampleReady << AlsFieldShift) | (int)InterruptMode.NewSampleReady;
            long now = Environment.TickCount64;
            ReadResults();
            ThrowIfDeviceError();
            if ((_results[ResultInterruptStatus] & Both) != BothReady)
            {
                long untilDue = _nextInterleavedSampleDue - now;
                int delay = untilDue > 0 ? (int)untilDue : AlsPollIntervalMilliseconds;
                AwaitInterrupt(Both, BothReady, delay, AlsPollIntervalMilliseconds, now + timeout, timeout);
            }

            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearAls | ClearError);
            _nextInterleavedSampleDue = Environment.TickCount64 + _interleavedPeriodMilliseconds;
            bool rangeValid = DecodeRange(out millimeters, out rangeStatus);
            bool alsValid = DecodeAls(out lux, out alsStatus);
            return rangeValid && alsValid;
        }

        private int InterleavedCycleMilliseconds() => _alsIntegrationMilliseconds + AlsReadoutMilliseconds + RangeMeasurementMilliseconds;

        private void CheckNotInterleaved()
        {
            if (_interleaved)
            {
                throw new InvalidOperationException("Interleaved mode is running: stop it first.");
            }
        }

        private bool DecodeAls(out double lux, out AlsStatus status)
        {
            status = (AlsStatus)(_results[ResultAlsStatus] >> 4);
            if (status != AlsStatus.NoError)
            {
                lux = 0;
                return false;
            }

            int counts = (_results[ResultAlsValue] << 8) | _results[ResultAlsValue + 1];
            lux = LuxNumerator * counts / (GainHundredths(_alsGain) * _alsIntegrationMilliseconds);
            return true;
        }

        // Actual gains of DocID026171 Table 13, in hundredths.
        private static int GainHundredths(AlsGain gain)
        {
            switch (gain)
            {
                case AlsGain.Gain20: return 2000;
                case AlsGain.Gain10: return 1032;
                case AlsGain.Gain5: return 521;
                case AlsGain.Gain2_5: return 260;
                case AlsGain.Gain1_67: return 172;
                case AlsGain.Gain1_25: return 128;
                case AlsGain.Gain40: return 4000;
                default: return 101;
            }
        }
    }
}
