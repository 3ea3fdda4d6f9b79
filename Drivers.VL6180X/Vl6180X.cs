using System;
using System.Device.I2c;
using System.Threading;

namespace Drivers.VL6180X
{
    /// <summary>
    /// ST VL6180X time-of-flight range (0 to ≈ 200 mm) and ambient-light sensor on I2C (datasheet DocID026171 Rev 6,
    /// application note AN4545). Every wait is bounded, every transfer is checked, and no read or write path allocates.
    /// Not thread-safe: use one instance from one thread.
    /// </summary>
    public sealed partial class Vl6180X : IDisposable
    {
        /// <summary>Default 7-bit I2C address, restored at every power-up (DocID026171 §5).</summary>
        public const byte DefaultI2cAddress = 0x29;

        // Register map (DocID026171 §6.2): 16-bit index, multi-byte registers big-endian. Width in bits after each.
        private const int IDENTIFICATION__MODEL_ID = 0x000;                // 8
        private const int SYSTEM__MODE_GPIO1 = 0x011;                      // 8
        private const int SYSTEM__INTERRUPT_CONFIG_GPIO = 0x014;           // 8
        private const int SYSTEM__INTERRUPT_CLEAR = 0x015;                 // 8
        private const int SYSTEM__FRESH_OUT_OF_RESET = 0x016;              // 8
        private const int SYSTEM__GROUPED_PARAMETER_HOLD = 0x017;          // 8
        private const int SYSRANGE__START = 0x018;                         // 8
        private const int SYSRANGE__THRESH_HIGH = 0x019;                   // 8
        private const int SYSRANGE__THRESH_LOW = 0x01A;                    // 8
        private const int SYSRANGE__INTERMEASUREMENT_PERIOD = 0x01B;       // 8
        private const int SYSRANGE__MAX_CONVERGENCE_TIME = 0x01C;          // 8
        private const int SYSRANGE__CROSSTALK_VALID_HEIGHT = 0x021;        // 8
        private const int SYSRANGE__PART_TO_PART_RANGE_OFFSET = 0x024;     // 8, signed
        private const int SYSRANGE__RANGE_CHECK_ENABLES = 0x02D;           // 8
        private const int SYSRANGE__VHV_RECALIBRATE = 0x02E;               // 8
        private const int SYSRANGE__VHV_REPEAT_RATE = 0x031;               // 8
        private const int SYSALS__START = 0x038;                           // 8
        private const int SYSALS__THRESH_HIGH = 0x03A;                     // 16
        private const int SYSALS__THRESH_LOW = 0x03C;                      // 16
        private const int SYSALS__INTERMEASUREMENT_PERIOD = 0x03E;         // 8
        private const int SYSALS__ANALOGUE_GAIN = 0x03F;                   // 8
        private const int SYSALS__INTEGRATION_PERIOD = 0x040;              // 16
        private const int RESULT__RANGE_STATUS = 0x04D;                    // 8
        private const int RESULT__ALS_STATUS = 0x04E;                      // 8
        private const int RESULT__INTERRUPT_STATUS_GPIO = 0x04F;           // 8
        private const int RESULT__ALS_VAL = 0x050;                         // 16
        private const int RESULT__RANGE_VAL = 0x062;                       // 8
        private const int RANGE_SCALER = 0x096;                            // 16
        private const int READOUT__AVERAGING_SAMPLE_PERIOD = 0x10A;        // 8
        private const int I2C_SLAVE__DEVICE_ADDRESS = 0x212;               // 8
        private const int INTERLEAVED_MODE__ENABLE = 0x2A3;                // 8

        // Field values.
        private const int ExpectedModelId = 0xB4;
        private const int StartStop = 0x01;                 // SYS*__START bit 0
        private const int StartContinuous = 0x03;           // bit 1 (continuous) + bit 0
        private const int ClearRange = 0x01;                // SYSTEM__INTERRUPT_CLEAR bits
        private const int ClearAls = 0x02;
        private const int ClearError = 0x04;
        private const int DeviceReady = 0x01;               // RESULT__RANGE_STATUS / RESULT__ALS_STATUS bit 0
        private const int RangeField = 0x07;                // interrupt config/status bits [2:0]
        private const int AlsField = 0x38;                  // bits [5:3]
        private const int AlsFieldShift = 3;
        private const int ErrorField = 0xC0;                // RESULT__INTERRUPT_STATUS_GPIO bits [7:6]
        private const int ErrorFieldShift = 6;
        private const int Gpio1InterruptOutput = 0x10;      // SYSTEM__MODE_GPIO1: function 0b1000 in bits [4:1]
        private const int Gpio1ActiveHigh = 0x20;           // bit 5
        private const int AlsDarkGain = 0x40;               // SYSALS__ANALOGUE_GAIN upper nibble must be 4

        // One read from RESULT__RANGE_STATUS to RESULT__RANGE_VAL (0x04D..0x062) returns statuses and results together.
        private const int ResultsLength = 22;
        private const int ResultRangeStatus = 0;
        private const int ResultAlsStatus = 1;
        private const int ResultInterruptStatus = 2;
        private const int ResultAlsValue = 3;
        private const int ResultRangeValue = 21;

        // Expected single-shot range time (DocID026171 §2.7.1): 3.2 ms pre-calibration + convergence + readout averaging
        // (1.3 ms + 64.5 µs × 48 ≈ 4.4 ms at READOUT__AVERAGING_SAMPLE_PERIOD = 0x30). 13 ms leaves ≈ 5 ms of convergence,
        // enough for most targets within 100 mm; with no target the device gives up after ≈ 57 ms (max convergence 49 ms).
        private const int RangeMeasurementMilliseconds = 13;

        // An ALS measurement takes its integration period plus a readout the datasheet does not quantify.
        private const int AlsReadoutMilliseconds = 2;
        private const int AlsPollIntervalMilliseconds = 10;

        private const int DefaultTimeoutMilliseconds = 100;
        private const int MaximumTimeoutMilliseconds = 60000;

        private readonly byte[] _index = new byte[2];                  // register index of a read
        private readonly byte[] _write8 = new byte[3];                 // index + 1 data byte
        private readonly byte[] _write16 = new byte[4];                // index + 2 data bytes
        private readonly byte[] _write32 = new byte[6];                // index + 4 data bytes
        private readonly byte[] _read8 = new byte[1];
        private readonly byte[] _read16 = new byte[2];
        private readonly byte[] _results = new byte[ResultsLength];    // 0x04D..0x062

        private I2cDevice _device;
        private bool _shouldDispose;
        private int _rangeTimeoutMilliseconds = DefaultTimeoutMilliseconds;
        private int _alsTimeoutMilliseconds = DefaultTimeoutMilliseconds;

        /// <summary>
        /// Creates the driver and initialises the sensor: checks IDENTIFICATION__MODEL_ID, and if
        /// SYSTEM__FRESH_OUT_OF_RESET is 1 loads the AN4545 private settings and the recommended public settings, then
        /// clears the flag (41 transfers). The factory part-to-part offset is kept. If the sensor was already initialised
        /// (a warm restart of the MCU), it may still be measuring: the constructor stops both channels, waits until they
        /// report device ready (at most the ALS integration period plus both timeouts), clears every interrupt and reads
        /// the settings back; with nothing running this costs one single-shot range and one ALS measurement.
        /// </summary>
        /// <param name="device">The sensor on its bus; <see cref="DefaultI2cAddress"/> unless changed since power-up.</param>
        /// <param name="shouldDispose">True to dispose <paramref name="device"/> with this driver (or if this constructor throws).</param>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        /// <exception cref="Vl6180XException">The model ID is not 0xB4 (the message names the ID found).</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed; names the register and the status.</exception>
        /// <exception cref="Vl6180XTimeoutException">An already initialised sensor did not report device ready after the stop.</exception>
        public Vl6180X(I2cDevice device, bool shouldDispose = true)
        {
            if (device == null)
            {
                throw new ArgumentNullException(nameof(device));
            }

            _device = device;
            _shouldDispose = shouldDispose;
            try
            {
                Initialize();
            }
            catch
            {
                if (shouldDispose)
                {
                    device.Dispose();
                }

                _device = null;
                throw;
            }
        }

        /// <summary>
        /// Longest wait for a single-shot range, in milliseconds (device ready, then the sample); in continuous mode it is
        /// added to the inter-measurement period. 1 to 60 000, default 100 (the device needs ≈ 57 ms at most).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 1..60 000.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int RangeTimeoutMilliseconds
        {
            get
            {
                CheckNotDisposed();
                return _rangeTimeoutMilliseconds;
            }

            set
            {
                CheckNotDisposed();
                CheckTimeout(value, nameof(RangeTimeoutMilliseconds));
                _rangeTimeoutMilliseconds = value;
            }
        }

        /// <summary>
        /// How much longer than the ALS integration period (in interleaved mode: than the measurement period) the driver
        /// waits for an ambient-light sample, in milliseconds. 1 to 60 000, default 100.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 1..60 000.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int AlsTimeoutMilliseconds
        {
            get
            {
                CheckNotDisposed();
                return _alsTimeoutMilliseconds;
            }

            set
            {
                CheckNotDisposed();
                CheckTimeout(value, nameof(AlsTimeoutMilliseconds));
                _alsTimeoutMilliseconds = value;
            }
        }

        /// <summary>
        /// Disposes the I2C device if this driver owns it. The sensor keeps running whatever it was doing (a continuous
        /// mode included). Every later call throws <see cref="ObjectDisposedException"/>.
        /// </summary>
        public void Dispose()
        {
            if (_device == null)
            {
                return;
            }

            if (_shouldDispose)
            {
                _device.Dispose();
            }

            _device = null;
        }

        private static void CheckTimeout(int value, string name)
        {
            if (value < 1 || value > MaximumTimeoutMilliseconds)
            {
                throw new ArgumentOutOfRangeException(name, "Timeouts are 1 to 60000 ms.");
            }
        }

        private void CheckNotDisposed()
        {
            if (_device == null)
            {
                throw new ObjectDisposedException(nameof(Vl6180X));
            }
        }

        // Brings the sensor and the driver's state to a known idle state; callable again to re-initialise a sensor that
        // was reset behind the driver's back.
        private void Initialize()
        {
            _rangeContinuous = false;
            _interleaved = false;
            _rangeDeviceReady = false;
            _alsDeviceReady = false;
            int modelId = ReadRegister8(IDENTIFICATION__MODEL_ID);
            if (modelId != ExpectedModelId)
            {
                throw new Vl6180XException(
                    IDENTIFICATION__MODEL_ID,
                    "VL6180X: IDENTIFICATION__MODEL_ID (0x000) reads 0x" + modelId.ToString("X2")
                    + ", expected 0xB4. Is a VL6180X connected and powered at this address?");
            }

            bool fresh = ReadRegister8(SYSTEM__FRESH_OUT_OF_RESET) == 1;
            int offset = ToSigned(ReadRegister8(SYSRANGE__PART_TO_PART_RANGE_OFFSET));
            if (fresh)
            {
                LoadPrivateSettings();
                LoadRecommendedSettings();
                _scaling = 1;
                _offsetMillimeters = offset;
                _alsGain = AlsGain.Gain1;
                _alsIntegrationMilliseconds = RecommendedAlsIntegrationMilliseconds;
                _rangeInterruptMode = InterruptMode.NewSampleReady;
                _alsInterruptMode = InterruptMode.NewSampleReady;
                _polarity = InterruptPolarity.ActiveLow;
                return;
            }

            _alsIntegrationMilliseconds = ReadRegister16(SYSALS__INTEGRATION_PERIOD) + 1;
            StopMeasurements();
            _scaling = ScalingOf(ReadRegister16(RANGE_SCALER));
            _offsetMillimeters = offset * _scaling;
            int interruptConfig = ReadRegister8(SYSTEM__INTERRUPT_CONFIG_GPIO);
            _rangeInterruptMode = (InterruptMode)(interruptConfig & RangeField);
            _alsInterruptMode = (InterruptMode)((interruptConfig & AlsField) >> AlsFieldShift);
            _alsGain = (AlsGain)(ReadRegister8(SYSALS__ANALOGUE_GAIN) & 0x07);
            _polarity = (ReadRegister8(SYSTEM__MODE_GPIO1) & Gpio1ActiveHigh) != 0
                ? InterruptPolarity.ActiveHigh
                : InterruptPolarity.ActiveLow;
        }

        // A sensor that is not fresh out of reset keeps whatever it was doing across a warm restart of the MCU, a
        // continuous or interleaved mode included; the first single-shot start would then only halt that mode and wait
        // for a sample that never comes (DocID026171 §6.2, SYSRANGE__START: in continuous mode the start/stop bit
        // toggles between running and halted). Whether bit 1 of SYSRANGE__START / SYSALS__START reads back the running mode is not
        // stated, so the mode is not read: both channels get the stop command 0x01, which halts a continuous or
        // interleaved mode and otherwise starts one single shot (as Pololu's stopContinuous), interleaved mode is
        // switched off after the ALS stop, and the driver waits until both channels report device ready, then clears
        // every interrupt. The range command goes in the write from SYSTEM__INTERRUPT_CLEAR, which also releases a
        // grouped-parameter hold a previous program left set.
        private void StopMeasurements()
        {
            int timeout = _alsIntegrationMilliseconds + AlsReadoutMilliseconds + _alsTimeoutMilliseconds + _rangeTimeoutMilliseconds;
            long deadline = Environment.TickCount64 + timeout;
            WriteRegister8(SYSALS__START, StartStop);
            WriteRegister8(INTERLEAVED_MODE__ENABLE, 0x00);
            WriteRangeStart(StartStop);
            SleepBefore(deadline, _alsIntegrationMilliseconds + AlsReadoutMilliseconds);
            while (true)
            {
                ReadResults();
                bool rangeReady = (_results[ResultRangeStatus] & DeviceReady) != 0;
                bool alsReady = (_results[ResultAlsStatus] & DeviceReady) != 0;
                if (rangeReady && alsReady)
                {
                    break;
                }

                if (Environment.TickCount64 >= deadline)
                {
                    int register = rangeReady ? RESULT__ALS_STATUS : RESULT__RANGE_STATUS;
                    throw new Vl6180XTimeoutException(
                        register,
                        timeout,
                        "VL6180X: " + Describe(register) + " did not report device ready (bit 0) within "
                        + timeout.ToString() + " ms of stopping the measurements left running.");
                }

                SleepBefore(deadline, AlsPollIntervalMilliseconds);
            }

            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearAls | ClearError);
            _rangeDeviceReady = true;
            _alsDeviceReady = true;
        }

        private static int ToSigned(int value) => value > 127 ? value - 256 : value;

        // Register access. Buffers are fields passed straight to the I2cDevice; each result goes straight to Check.
        private void WriteRegister8(int register, int value)
        {
            _write8[0] = (byte)(register >> 8);
            _write8[1] = (byte)register;
            _write8[2] = (byte)value;
            Check(_device.Write(_write8), register);
        }

        private void WriteRegister16(int register, int value)
        {
            _write16[0] = (byte)(register >> 8);
            _write16[1] = (byte)register;
            _write16[2] = (byte)(value >> 8);
            _write16[3] = (byte)value;
            Check(_device.Write(_write16), register);
        }

        private void WriteRegisters4(int register, int first, int second, int third, int fourth)
        {
            _write32[0] = (byte)(register >> 8);
            _write32[1] = (byte)register;
            _write32[2] = (byte)first;
            _write32[3] = (byte)second;
            _write32[4] = (byte)third;
            _write32[5] = (byte)fourth;
            Check(_device.Write(_write32), register);
        }

        private int ReadRegister8(int register)
        {
            _index[0] = (byte)(register >> 8);
            _index[1] = (byte)register;
            Check(_device.WriteRead(_index, _read8), register);
            return _read8[0];
        }

        private int ReadRegister16(int register)
        {
            _index[0] = (byte)(register >> 8);
            _index[1] = (byte)register;
            Check(_device.WriteRead(_index, _read16), register);
            return (_read16[0] << 8) | _read16[1];
        }

        private void ReadResults()
        {
            _index[0] = 0;
            _index[1] = RESULT__RANGE_STATUS;
            Check(_device.WriteRead(_index, _results), RESULT__RANGE_STATUS);
        }

        private static void Check(I2cTransferResult result, int register)
        {
            if (result.Status != I2cTransferStatus.FullTransfer)
            {
                throw new Vl6180XTransferException(
                    register,
                    result.Status,
                    "VL6180X: the transfer at " + Describe(register) + " ended with " + Describe(result.Status) + ".");
            }
        }

        // Polls the results block until the interrupt status matches, sleeping between polls; the last poll happens at
        // the deadline at the latest.
        private void AwaitInterrupt(
            int field,
            int expected,
            int delayMilliseconds,
            int intervalMilliseconds,
            long deadline,
            int timeoutMilliseconds)
        {
            while (true)
            {
                SleepBefore(deadline, delayMilliseconds);
                ReadResults();
                ThrowIfDeviceError();
                if ((_results[ResultInterruptStatus] & field) == expected)
                {
                    return;
                }

                if (Environment.TickCount64 >= deadline)
                {
                    throw new Vl6180XTimeoutException(
                        RESULT__INTERRUPT_STATUS_GPIO,
                        timeoutMilliseconds,
                        "VL6180X: RESULT__INTERRUPT_STATUS_GPIO (0x04F) did not report " + DescribeInterrupt(field, expected)
                        + " within " + timeoutMilliseconds.ToString() + " ms.");
                }

                delayMilliseconds = intervalMilliseconds;
            }
        }

        // RESULT__INTERRUPT_STATUS_GPIO bits [7:6] of the last results read. With an error the new-sample flag never
        // appears, so waiting for it would end in a timeout that hides the cause; ST's VL6180x_RangePollMeasurement
        // checks the error field first and gives up. The flag is cleared (best effort) so that the next measurement can
        // be tried.
        private void ThrowIfDeviceError()
        {
            int error = (_results[ResultInterruptStatus] & ErrorField) >> ErrorFieldShift;
            if (error == 0)
            {
                return;
            }

            try
            {
                WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearError);
            }
            catch (Vl6180XException)
            {
            }

            throw new Vl6180XDeviceErrorException(
                (DeviceError)error,
                "VL6180X: RESULT__INTERRUPT_STATUS_GPIO (0x04F) reports " + DescribeDeviceError(error)
                + " (bits [7:6] = " + error.ToString() + "); the measurement produced no sample.");
        }

        private static string DescribeDeviceError(int error)
        {
            switch (error)
            {
                case (int)DeviceError.LaserSafety:
                    return "a laser safety error";
                case (int)DeviceError.Pll:
                    return "a PLL error";
                default:
                    return "an error the datasheet does not define";
            }
        }

        // Polls until the device-ready bit of RESULT__RANGE_STATUS or RESULT__ALS_STATUS is set.
        private void AwaitDeviceReady(int resultOffset, int intervalMilliseconds, long deadline, int timeoutMilliseconds)
        {
            while (true)
            {
                ReadResults();
                if ((_results[resultOffset] & DeviceReady) != 0)
                {
                    return;
                }

                if (Environment.TickCount64 >= deadline)
                {
                    int register = resultOffset == ResultRangeStatus ? RESULT__RANGE_STATUS : RESULT__ALS_STATUS;
                    throw new Vl6180XTimeoutException(
                        register,
                        timeoutMilliseconds,
                        "VL6180X: " + Describe(register) + " did not report device ready (bit 0) within "
                        + timeoutMilliseconds.ToString() + " ms.");
                }

                SleepBefore(deadline, intervalMilliseconds);
            }
        }

        private static void SleepBefore(long deadline, int milliseconds)
        {
            long left = deadline - Environment.TickCount64;
            if (left < milliseconds)
            {
                milliseconds = left > 0 ? (int)left : 0;
            }

            if (milliseconds > 0)
            {
                Thread.Sleep(milliseconds);
            }
        }

        private static string DescribeInterrupt(int field, int expected)
        {
            if (field == RangeField)
            {
                return expected == (int)InterruptMode.NewSampleReady ? "a new range sample" : "the range threshold event";
            }

            if (field == AlsField)
            {
                return expected == (int)InterruptMode.NewSampleReady << AlsFieldShift ? "a new ALS sample" : "the ALS threshold event";
            }

            return "new range and ALS samples";
        }

        private static string Describe(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.ClockStretchTimeout:
                    return "ClockStretchTimeout";
                case I2cTransferStatus.PartialTransfer:
                    return "PartialTransfer";
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return "SlaveAddressNotAcknowledged";
                case I2cTransferStatus.FullTransfer:
                    return "FullTransfer";
                default:
                    return "UnknownError";
            }
        }

        private static string Describe(int register)
        {
            string hex = "0x" + register.ToString("X3");
            switch (register)
            {
                case IDENTIFICATION__MODEL_ID: return "IDENTIFICATION__MODEL_ID (" + hex + ")";
                case SYSTEM__MODE_GPIO1: return "SYSTEM__MODE_GPIO1 (" + hex + ")";
                case SYSTEM__INTERRUPT_CONFIG_GPIO: return "SYSTEM__INTERRUPT_CONFIG_GPIO (" + hex + ")";
                case SYSTEM__INTERRUPT_CLEAR: return "SYSTEM__INTERRUPT_CLEAR (" + hex + ")";
                case SYSTEM__FRESH_OUT_OF_RESET: return "SYSTEM__FRESH_OUT_OF_RESET (" + hex + ")";
                case SYSTEM__GROUPED_PARAMETER_HOLD: return "SYSTEM__GROUPED_PARAMETER_HOLD (" + hex + ")";
                case SYSRANGE__START: return "SYSRANGE__START (" + hex + ")";
                case SYSRANGE__THRESH_HIGH: return "SYSRANGE__THRESH_HIGH (" + hex + ")";
                case SYSRANGE__THRESH_LOW: return "SYSRANGE__THRESH_LOW (" + hex + ")";
                case SYSRANGE__INTERMEASUREMENT_PERIOD: return "SYSRANGE__INTERMEASUREMENT_PERIOD (" + hex + ")";
                case SYSRANGE__MAX_CONVERGENCE_TIME: return "SYSRANGE__MAX_CONVERGENCE_TIME (" + hex + ")";
                case SYSRANGE__CROSSTALK_VALID_HEIGHT: return "SYSRANGE__CROSSTALK_VALID_HEIGHT (" + hex + ")";
                case SYSRANGE__PART_TO_PART_RANGE_OFFSET: return "SYSRANGE__PART_TO_PART_RANGE_OFFSET (" + hex + ")";
                case SYSRANGE__RANGE_CHECK_ENABLES: return "SYSRANGE__RANGE_CHECK_ENABLES (" + hex + ")";
                case SYSRANGE__VHV_RECALIBRATE: return "SYSRANGE__VHV_RECALIBRATE (" + hex + ")";
                case SYSRANGE__VHV_REPEAT_RATE: return "SYSRANGE__VHV_REPEAT_RATE (" + hex + ")";
                case SYSALS__START: return "SYSALS__START (" + hex + ")";
                case SYSALS__THRESH_HIGH: return "SYSALS__THRESH_HIGH (" + hex + ")";
                case SYSALS__THRESH_LOW: return "SYSALS__THRESH_LOW (" + hex + ")";
                case SYSALS__INTERMEASUREMENT_PERIOD: return "SYSALS__INTERMEASUREMENT_PERIOD (" + hex + ")";
                case SYSALS__ANALOGUE_GAIN: return "SYSALS__ANALOGUE_GAIN (" + hex + ")";
                case SYSALS__INTEGRATION_PERIOD: return "SYSALS__INTEGRATION_PERIOD (" + hex + ")";
                case RESULT__RANGE_STATUS: return "RESULT__RANGE_STATUS (" + hex + ")";
                case RESULT__ALS_STATUS: return "RESULT__ALS_STATUS (" + hex + ")";
                case RESULT__INTERRUPT_STATUS_GPIO: return "RESULT__INTERRUPT_STATUS_GPIO (" + hex + ")";
                case RESULT__ALS_VAL: return "RESULT__ALS_VAL (" + hex + ")";
                case RESULT__RANGE_VAL: return "RESULT__RANGE_VAL (" + hex + ")";
                case RANGE_SCALER: return "RANGE_SCALER (" + hex + ")";
                case READOUT__AVERAGING_SAMPLE_PERIOD: return "READOUT__AVERAGING_SAMPLE_PERIOD (" + hex + ")";
                case I2C_SLAVE__DEVICE_ADDRESS: return "I2C_SLAVE__DEVICE_ADDRESS (" + hex + ")";
                case INTERLEAVED_MODE__ENABLE: return "INTERLEAVED_MODE__ENABLE (" + hex + ")";
                default: return "private register " + hex + " (AN4545)";
            }
        }
    }
}
