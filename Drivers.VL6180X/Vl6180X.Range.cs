using System;

namespace Drivers.VL6180X
{
    public sealed partial class Vl6180X
    {
        private const int MinimumPeriodMilliseconds = 10;
        private const int MaximumPeriodMilliseconds = 2550;
        private const int MinimumOffsetMillimeters = -128;
        private const int MaximumOffsetMillimeters = 127;
        private const int CrosstalkValidHeightMillimeters = 20;   // SYSRANGE__CROSSTALK_VALID_HEIGHT at 1×
        private const int EarlyConvergenceEstimateEnable = 0x01;  // SYSRANGE__RANGE_CHECK_ENABLES bit 0

        private int _scaling;
        private int _offsetMillimeters;            // part-to-part offset at 1× scaling
        private bool _rangeContinuous;
        private bool _rangeDeviceReady;            // known from the last results read; false when unknown
        private int _rangePeriodMilliseconds;
        private long _nextRangeSampleDue;          // Environment.TickCount64 when the next continuous sample is expected

        /// <summary>
        /// Measures one distance (single-shot, DocID026171 §2.7). Waits for device ready (unless the previous read
        /// reported it), starts the measurement in the same write that clears the previous interrupt, then polls for the
        /// new sample every 13 ms, for at most <see cref="RangeTimeoutMilliseconds"/>. Two I2C transfers when the
        /// sample is ready at the first poll. The new-sample interrupt stays pending (GPIO1 asserted) until the next
        /// measurement starts or <see cref="ClearInterrupts"/> is called.
        /// </summary>
        /// <param name="millimeters">The distance in mm (0 to 255 × <see cref="RangeScaling"/>) when the method returns true; 0 otherwise.</param>
        /// <param name="status">The device's range status; <see cref="RangeStatus.NoError"/> exactly when the method returns true.</param>
        /// <returns>True for a valid distance; false when the device reported an error code (no target, overflow…).</returns>
        /// <exception cref="InvalidOperationException">A continuous or interleaved measurement is running, or the range interrupt mode is not <see cref="InterruptMode.NewSampleReady"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">No device ready or no new sample within the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool TryReadRange(out int millimeters, out RangeStatus status)
        {
            CheckNotDisposed();
            CheckNoContinuousMeasurement();
            if (_rangeInterruptMode != InterruptMode.NewSampleReady)
            {
                throw new InvalidOperationException(
                    "Single-shot ranging learns of the sample through the new-sample-ready interrupt: set "
                    + "InterruptMode.NewSampleReady, or use continuous mode for threshold interrupts.");
            }

            int timeout = _rangeTimeoutMilliseconds;
            long deadline = Environment.TickCount64 + timeout;
            if (!_rangeDeviceReady)
            {
                AwaitDeviceReady(ResultRangeStatus, RangeMeasurementMilliseconds, deadline, timeout);
            }

            _rangeDeviceReady = false;
            WriteRangeStart(StartStop);
            AwaitInterrupt(
                RangeField,
                (int)InterruptMode.NewSampleReady,
                RangeMeasurementMilliseconds,
                RangeMeasurementMilliseconds,
                deadline,
                timeout);
            _rangeDeviceReady = (_results[ResultRangeStatus] & DeviceReady) != 0;
            return DecodeRange(out millimeters, out status);
        }

        /// <summary>Measures one distance, as <see cref="TryReadRange"/>, in mm.</summary>
        /// <returns>The distance in mm, 0 to 255 × <see cref="RangeScaling"/>.</returns>
        /// <exception cref="RangeErrorException">The device reported an error code instead of a distance (<see cref="RangeErrorException.Status"/>).</exception>
        /// <exception cref="InvalidOperationException">See <see cref="TryReadRange"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">No device ready or no new sample within the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int ReadRangeMillimeters()
        {
            if (!TryReadRange(out int millimeters, out RangeStatus status))
            {
                throw new RangeErrorException(status);
            }

            return millimeters;
        }

        /// <summary>Whether continuous ranging runs (started by <see cref="StartRangeContinuous"/>).</summary>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool IsRangeContinuous
        {
            get
            {
                CheckNotDisposed();
                return _rangeContinuous;
            }
        }

        /// <summary>
        /// Starts continuous ranging: one measurement every <paramref name="periodMilliseconds"/>
        /// (SYSRANGE__INTERMEASUREMENT_PERIOD = period / 10 − 1, then SYSRANGE__START = 0x03; DocID026171 §2.7.2).
        /// </summary>
        /// <param name="periodMilliseconds">10 to 2550 ms, in steps of 10 ms (rounded down).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodMilliseconds"/> outside 10..2550.</exception>
        /// <exception cref="InvalidOperationException">A continuous or interleaved measurement already runs.</exception>
        /// <exception cref="Vl6180XTimeoutException">The device did not become ready within <see cref="RangeTimeoutMilliseconds"/>.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void StartRangeContinuous(int periodMilliseconds)
        {
            CheckNotDisposed();
            CheckPeriod(periodMilliseconds, nameof(periodMilliseconds));
            CheckNoContinuousMeasurement();
            int timeout = _rangeTimeoutMilliseconds;
            if (!_rangeDeviceReady)
            {
                AwaitDeviceReady(ResultRangeStatus, RangeMeasurementMilliseconds, Environment.TickCount64 + timeout, timeout);
            }

            int code = (periodMilliseconds / 10) - 1;
            WriteRegister8(SYSRANGE__INTERMEASUREMENT_PERIOD, code);
            _rangeDeviceReady = false;
            WriteRangeStart(StartContinuous);
            _rangeContinuous = true;
            _rangePeriodMilliseconds = (code + 1) * 10;
            _nextRangeSampleDue = Environment.TickCount64 + RangeMeasurementMilliseconds;
        }

        /// <summary>
        /// Stops continuous ranging (one write: clear the range interrupt, SYSRANGE__START = 0x01). Does nothing when
        /// continuous ranging does not run, because the same command would start a single shot.
        /// </summary>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void StopRangeContinuous()
        {
            CheckNotDisposed();
            if (!_rangeContinuous)
            {
                return;
            }

            WriteRangeStart(StartStop);
            _rangeContinuous = false;
            _rangeDeviceReady = false;
        }

        /// <summary>
        /// Returns the latest continuous sample without restarting anything: waits until the range interrupt of the
        /// configured <see cref="InterruptMode"/> is pending (for at most the period plus
        /// <see cref="RangeTimeoutMilliseconds"/>), then clears it. Two transfers when a sample is waiting.
        /// </summary>
        /// <param name="millimeters">The distance in mm when the method returns true; 0 otherwise.</param>
        /// <param name="status">The device's range status; <see cref="RangeStatus.NoError"/> exactly when the method returns true.</param>
        /// <returns>True for a valid distance; false when the device reported an error code.</returns>
        /// <exception cref="InvalidOperationException">Continuous ranging does not run, or range interrupts are disabled.</exception>
        /// <exception cref="Vl6180XTimeoutException">No sample within the period plus the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool TryReadRangeContinuous(out int millimeters, out RangeStatus status)
        {
            CheckNotDisposed();
            if (!_rangeContinuous)
            {
                throw new InvalidOperationException("Continuous ranging does not run: call StartRangeContinuous first.");
            }

            int expected = (int)_rangeInterruptMode;
            if (expected == (int)InterruptMode.Disabled)
            {
                throw new InvalidOperationException(
                    "Range interrupts are disabled, so no sample can be awaited: call ConfigureRangeInterrupt.");
            }

            int timeout = _rangePeriodMilliseconds + _rangeTimeoutMilliseconds;
            long now = Environment.TickCount64;
            ReadResults();
            ThrowIfDeviceError();
            if ((_results[ResultInterruptStatus] & RangeField) != expected)
            {
                long untilDue = _nextRangeSampleDue - now;
                int delay = untilDue > 0 ? (int)untilDue : RangeMeasurementMilliseconds;
                AwaitInterrupt(RangeField, expected, delay, RangeMeasurementMilliseconds, now + timeout, timeout);
            }

            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearError);
            _nextRangeSampleDue = Environment.TickCount64 + _rangePeriodMilliseconds;
            return DecodeRange(out millimeters, out status);
        }

        /// <summary>Returns the latest continuous sample, as <see cref="TryReadRangeContinuous"/>, in mm.</summary>
        /// <returns>The distance in mm.</returns>
        /// <exception cref="RangeErrorException">The device reported an error code instead of a distance.</exception>
        /// <exception cref="InvalidOperationException">See <see cref="TryReadRangeContinuous"/>.</exception>
        /// <exception cref="Vl6180XTimeoutException">No sample within the period plus the timeout.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int ReadRangeContinuousMillimeters()
        {
            if (!TryReadRangeContinuous(out int millimeters, out RangeStatus status))
            {
                throw new RangeErrorException(status);
            }

            return millimeters;
        }

        /// <summary>
        /// Range scaling factor: 1 (0–255 mm in 1 mm steps), 2 (up to 510 mm in 2 mm steps) or 3 (up to 765 mm in 3 mm
        /// steps); ranges beyond ≈ 200 mm are not guaranteed by ST. Setting it writes RANGE_SCALER (253/127/84), the
        /// part-to-part offset divided by the factor, SYSRANGE__CROSSTALK_VALID_HEIGHT = 20 / factor, and enables the
        /// early-convergence check only at 1× (as ST's API). Set thresholds after changing it.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not 1, 2 or 3.</exception>
        /// <exception cref="InvalidOperationException">A continuous or interleaved measurement is running.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int RangeScaling
        {
            get
            {
                CheckNotDisposed();
                return _scaling;
            }

            set
            {
                CheckNotDisposed();
                if (value < 1 || value > 3)
                {
                    throw new ArgumentOutOfRangeException(nameof(RangeScaling), "Range scaling is 1, 2 or 3.");
                }

                CheckNoContinuousMeasurement();
                WriteRegister16(RANGE_SCALER, ScalerOf(value));
                _scaling = value;
                WriteRegister8(SYSRANGE__PART_TO_PART_RANGE_OFFSET, _offsetMillimeters / value);
                WriteRegister8(SYSRANGE__CROSSTALK_VALID_HEIGHT, CrosstalkValidHeightMillimeters / value);
                int enables = ReadRegister8(SYSRANGE__RANGE_CHECK_ENABLES);
                WriteRegister8(
                    SYSRANGE__RANGE_CHECK_ENABLES,
                    value == 1 ? enables | EarlyConvergenceEstimateEnable : enables & ~EarlyConvergenceEstimateEnable);
            }
        }

        /// <summary>
        /// Signed part-to-part range offset in mm at 1× scaling (SYSRANGE__PART_TO_PART_RANGE_OFFSET, two's complement;
        /// at 2×/3× the register holds the value divided by the factor). Starts as the factory calibration, which the
        /// driver never overwrites on its own.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside −128..127.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int PartToPartOffsetMillimeters
        {
            get
            {
                CheckNotDisposed();
                return _offsetMillimeters;
            }

            set
            {
                CheckNotDisposed();
                if (value < MinimumOffsetMillimeters || value > MaximumOffsetMillimeters)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(PartToPartOffsetMillimeters),
                        "The part-to-part offset is -128 to 127 mm.");
                }

                WriteRegister8(SYSRANGE__PART_TO_PART_RANGE_OFFSET, value / _scaling);
                _offsetMillimeters = value;
            }
        }

        /// <summary>
        /// Calibrates the part-to-part offset against a target at a known distance (AN4545 §"offset calibration": offset
        /// 0, average the readings, offset = distance − average, rounded to the nearest mm) and writes it. AN4545 uses a
        /// white (88 %) target at 50 mm and at least 10 readings. If the calibration fails, the previous offset is written
        /// back (best effort: if the bus itself failed, that may fail too).
        /// </summary>
        /// <param name="targetDistanceMillimeters">True distance to the target, 1 to 200 mm.</param>
        /// <param name="sampleCount">Readings to average, 1 to 100 (default 10).</param>
        /// <returns>The new offset in mm.</returns>
        /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
        /// <exception cref="InvalidOperationException">Scaling is not 1×, a continuous measurement runs, or the result is outside −128..127 mm.</exception>
        /// <exception cref="RangeErrorException">A reading failed (e.g. no target).</exception>
        /// <exception cref="Vl6180XTimeoutException">A reading timed out.</exception>
        /// <exception cref="Vl6180XDeviceErrorException">The device reported a laser-safety or PLL error instead of a sample.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int CalibratePartToPartOffset(int targetDistanceMillimeters, int sampleCount = 10)
        {
            CheckNotDisposed();
            if (targetDistanceMillimeters < 1 || targetDistanceMillimeters > 200)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(targetDistanceMillimeters),
                    "The calibration target is 1 to 200 mm away (AN4545: 50 mm).");
            }

            if (sampleCount < 1 || sampleCount > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount), "Average 1 to 100 readings (AN4545: at least 10).");
            }

            if (_scaling != 1)
            {
                throw new InvalidOperationException("Calibrate the part-to-part offset at 1x range scaling.");
            }

            CheckNoContinuousMeasurement();
            int previous = _offsetMillimeters;
            bool calibrated = false;
            try
            {
                PartToPartOffsetMillimeters = 0;
                int sum = 0;
                for (int i = 0; i < sampleCount; i++)
                {
                    if (!TryReadRange(out int millimeters, out RangeStatus status))
                    {
                        throw new RangeErrorException(status);
                    }

                    sum += millimeters;
                }

                int difference = (targetDistanceMillimeters * sampleCount) - sum;
                int offset = (difference + (difference >= 0 ? sampleCount / 2 : -(sampleCount / 2))) / sampleCount;
                if (offset < MinimumOffsetMillimeters || offset > MaximumOffsetMillimeters)
                {
                    throw new InvalidOperationException(
                        "The calibration gave " + offset.ToString() + " mm, outside -128..127: check the target distance.");
                }

                PartToPartOffsetMillimeters = offset;
                calibrated = true;
                return offset;
            }
            finally
            {
                if (!calibrated)
                {
                    RestoreOffset(previous);
                }
            }
        }

        // Best effort: the exception on its way out already says what failed.
        private void RestoreOffset(int millimeters)
        {
            try
            {
                PartToPartOffsetMillimeters = millimeters;
            }
            catch (Vl6180XException)
            {
            }
        }

        private static int ScalerOf(int scaling) => scaling == 1 ? 253 : scaling == 2 ? 127 : 84;

        private static int ScalingOf(int scaler) => scaler == 127 ? 2 : scaler == 84 ? 3 : 1;

        private static void CheckPeriod(int periodMilliseconds, string name)
        {
            if (periodMilliseconds < MinimumPeriodMilliseconds || periodMilliseconds > MaximumPeriodMilliseconds)
            {
                throw new ArgumentOutOfRangeException(name, "The inter-measurement period is 10 to 2550 ms.");
            }
        }

        private void CheckNoContinuousMeasurement()
        {
            if (_rangeContinuous || _interleaved)
            {
                throw new InvalidOperationException("A continuous measurement is running: stop it first.");
            }
        }

        // One write from SYSTEM__INTERRUPT_CLEAR to SYSRANGE__START: clear the range (and error) interrupt, keep
        // SYSTEM__FRESH_OUT_OF_RESET at 0 and SYSTEM__GROUPED_PARAMETER_HOLD at 0 (their values since initialisation),
        // then start or stop. SYSTEM__INTERRUPT_CONFIG_GPIO (0x014) is not touched.
        private void WriteRangeStart(int start)
        {
            WriteRegisters4(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearError, 0x00, 0x00, start);
        }

        private bool DecodeRange(out int millimeters, out RangeStatus status)
        {
            status = (RangeStatus)(_results[ResultRangeStatus] >> 4);
            if (status != RangeStatus.NoError)
            {
                millimeters = 0;
                return false;
            }

            millimeters = _results[ResultRangeValue] * _scaling;
            return true;
        }
    }
}
