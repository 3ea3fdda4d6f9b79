using System;
using System.Device.I2c;

namespace Drivers.VL6180X
{
    public sealed partial class Vl6180X
    {
        private const int MaximumAlsThresholdCounts = 0xFFFF;
        private const int MinimumI2cAddress = 0x08;
        private const int MaximumI2cAddress = 0x77;

        private InterruptMode _rangeInterruptMode;
        private InterruptMode _alsInterruptMode;
        private InterruptPolarity _polarity;

        /// <summary>What raises the range interrupt (SYSTEM__INTERRUPT_CONFIG_GPIO bits [2:0]).</summary>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public InterruptMode RangeInterruptMode
        {
            get
            {
                CheckNotDisposed();
                return _rangeInterruptMode;
            }
        }

        /// <summary>What raises the ALS interrupt (SYSTEM__INTERRUPT_CONFIG_GPIO bits [5:3]).</summary>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public InterruptMode AlsInterruptMode
        {
            get
            {
                CheckNotDisposed();
                return _alsInterruptMode;
            }
        }

        /// <summary>
        /// Level of GPIO1 while an interrupt is pending (SYSTEM__MODE_GPIO1 = 0x10 active low, 0x30 active high; GPIO1
        /// is the interrupt output). GPIO1 is open drain: give it a pull-up. Default <see cref="InterruptPolarity.ActiveLow"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Not a defined polarity.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public InterruptPolarity Gpio1Polarity
        {
            get
            {
                CheckNotDisposed();
                return _polarity;
            }

            set
            {
                CheckNotDisposed();
                if (value != InterruptPolarity.ActiveLow && value != InterruptPolarity.ActiveHigh)
                {
                    throw new ArgumentOutOfRangeException(nameof(Gpio1Polarity), "The polarity is ActiveLow or ActiveHigh.");
                }

                WriteRegister8(SYSTEM__MODE_GPIO1, Gpio1InterruptOutput | (value == InterruptPolarity.ActiveHigh ? Gpio1ActiveHigh : 0));
                _polarity = value;
            }
        }

        /// <summary>
        /// Sets what raises the range interrupt, keeping the thresholds as they are (one write; during a continuous
        /// measurement inside a grouped-parameter hold, two more).
        /// </summary>
        /// <param name="mode">The interrupt condition.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not defined.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ConfigureRangeInterrupt(InterruptMode mode)
        {
            CheckNotDisposed();
            CheckMode(mode);
            bool held = HoldIfMeasuring();
            try
            {
                WriteInterruptConfig(mode, _alsInterruptMode);
            }
            finally
            {
                Release(held);
            }

            _rangeInterruptMode = mode;
        }

        /// <summary>
        /// Sets what raises the range interrupt and the thresholds (SYSRANGE__THRESH_HIGH/LOW, in units of the current
        /// scaling: configure after <see cref="RangeScaling"/>). Two writes; during a continuous measurement inside a
        /// grouped-parameter hold, two more.
        /// </summary>
        /// <param name="mode">The interrupt condition.</param>
        /// <param name="lowThresholdMillimeters">Low threshold, 0 to 255 × <see cref="RangeScaling"/> mm.</param>
        /// <param name="highThresholdMillimeters">High threshold, from the low threshold to 255 × <see cref="RangeScaling"/> mm.</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ConfigureRangeInterrupt(InterruptMode mode, int lowThresholdMillimeters, int highThresholdMillimeters)
        {
            CheckNotDisposed();
            CheckMode(mode);
            int maximum = 255 * _scaling;
            if (lowThresholdMillimeters < 0 || lowThresholdMillimeters > maximum)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(lowThresholdMillimeters),
                    "The low threshold is 0 to " + maximum.ToString() + " mm at the current scaling.");
            }

            if (highThresholdMillimeters < lowThresholdMillimeters || highThresholdMillimeters > maximum)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(highThresholdMillimeters),
                    "The high threshold is the low threshold to " + maximum.ToString() + " mm at the current scaling.");
            }

            bool held = HoldIfMeasuring();
            try
            {
                // SYSRANGE__THRESH_HIGH (0x019) and SYSRANGE__THRESH_LOW (0x01A) in one write.
                WriteRegister16(SYSRANGE__THRESH_HIGH, ((highThresholdMillimeters / _scaling) << 8) | (lowThresholdMillimeters / _scaling));
                WriteInterruptConfig(mode, _alsInterruptMode);
            }
            finally
            {
                Release(held);
            }

            _rangeInterruptMode = mode;
        }

        /// <summary>
        /// Sets what raises the ALS interrupt, keeping the thresholds as they are (one write; during a continuous
        /// measurement inside a grouped-parameter hold, two more).
        /// </summary>
        /// <param name="mode">The interrupt condition.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not defined.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ConfigureAlsInterrupt(InterruptMode mode)
        {
            CheckNotDisposed();
            CheckMode(mode);
            bool held = HoldIfMeasuring();
            try
            {
                WriteInterruptConfig(_rangeInterruptMode, mode);
            }
            finally
            {
                Release(held);
            }

            _alsInterruptMode = mode;
        }

        /// <summary>
        /// Sets what raises the ALS interrupt and the thresholds, given in lux and converted to counts
        /// (SYSALS__THRESH_HIGH/LOW, 16-bit) with the current gain and integration period: configure after those. Two
        /// writes; during a continuous measurement inside a grouped-parameter hold, two more.
        /// </summary>
        /// <param name="mode">The interrupt condition.</param>
        /// <param name="lowThresholdLux">Low threshold in lux, 0 up to what 65 535 counts mean at the current gain and integration period.</param>
        /// <param name="highThresholdLux">High threshold in lux, from the low threshold up to the same limit.</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ConfigureAlsInterrupt(InterruptMode mode, double lowThresholdLux, double highThresholdLux)
        {
            CheckNotDisposed();
            CheckMode(mode);
            if (double.IsNaN(lowThresholdLux) || double.IsNaN(highThresholdLux))
            {
                throw new ArgumentOutOfRangeException(double.IsNaN(lowThresholdLux) ? nameof(lowThresholdLux) : nameof(highThresholdLux), "A threshold is a number of lux, not NaN.");
            }

            int low = LuxToCounts(lowThresholdLux);
            if (low < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(lowThresholdLux),
                    "The low threshold is 0 lux up to 65535 counts at the current gain and integration period.");
            }

            int high = LuxToCounts(highThresholdLux);
            if (high < 0 || highThresholdLux < lowThresholdLux)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(highThresholdLux),
                    "The high threshold is the low threshold up to 65535 counts at the current gain and integration period.");
            }

            bool held = HoldIfMeasuring();
            try
            {
                WriteRegisters4(SYSALS__THRESH_HIGH, high >> 8, high, low >> 8, low);
                WriteInterruptConfig(_rangeInterruptMode, mode);
            }
            finally
            {
                Release(held);
            }

            _alsInterruptMode = mode;
        }

        /// <summary>
        /// Clears every pending interrupt (SYSTEM__INTERRUPT_CLEAR = 0x07: range, ALS and error), which releases GPIO1.
        /// Results stay readable.
        /// </summary>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ClearInterrupts()
        {
            CheckNotDisposed();
            WriteRegister8(SYSTEM__INTERRUPT_CLEAR, ClearRange | ClearAls | ClearError);
        }

        /// <summary>The 7-bit I2C address the driver talks to.</summary>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public int I2cAddress
        {
            get
            {
                CheckNotDisposed();
                return _device.ConnectionSettings.DeviceAddress;
            }
        }

        /// <summary>
        /// Changes the sensor's I2C address (I2C_SLAVE__DEVICE_ADDRESS); it takes effect at once and the driver moves to
        /// it on the same bus and speed, with an I2C device it creates and owns. The address is volatile: after a
        /// power-down or a GPIO0/CE reset the sensor answers at 0x29 again. To put several sensors on one bus, hold the
        /// others in reset through GPIO0/CE and re-address them one at a time.
        /// </summary>
        /// <param name="address">New 7-bit address, 0x08 to 0x77.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="address"/> outside 0x08..0x77.</exception>
        /// <exception cref="Vl6180XTransferException">The write to the current address failed; the driver stays there.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void ChangeI2cAddress(int address)
        {
            CheckNotDisposed();
            if (address < MinimumI2cAddress || address > MaximumI2cAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address), "7-bit I2C addresses are 0x08 to 0x77.");
            }

            I2cConnectionSettings settings = _device.ConnectionSettings;
            if (address == settings.DeviceAddress)
            {
                return;
            }

            WriteRegister8(I2C_SLAVE__DEVICE_ADDRESS, address);
            I2cDevice moved = I2cDevice.Create(new I2cConnectionSettings(settings.BusId, address, settings.BusSpeed));
            if (_shouldDispose)
            {
                _device.Dispose();
            }

            _device = moved;
            _shouldDispose = true;
        }

        private static void CheckMode(InterruptMode mode)
        {
            if (mode < InterruptMode.Disabled || mode > InterruptMode.NewSampleReady)
            {
                throw new ArgumentOutOfRangeException(nameof(mode), "Interrupt modes are 0 (disabled) to 4 (new sample ready).");
            }
        }

        private void WriteInterruptConfig(InterruptMode range, InterruptMode als)
        {
            WriteRegister8(SYSTEM__INTERRUPT_CONFIG_GPIO, ((int)als << AlsFieldShift) | (int)range);
        }

        // SYSTEM__GROUPED_PARAMETER_HOLD (DocID026171 §6.2): while it is 1 the device does not take up new values of
        // SYSTEM__INTERRUPT_CONFIG_GPIO, the range and ALS thresholds, SYSALS__ANALOGUE_GAIN and
        // SYSALS__INTEGRATION_PERIOD; at 0 the next measurement starts with all of them. A measurement that starts in
        // the middle of an update could otherwise run with half of it. ST's VL6180x_RangeSetThresholds (UseSafeParamHold)
        // and Linux vl6180.c (vl6180_hold) bracket such writes the same way. Only needed while the device measures on
        // its own; returns whether the hold was set.
        private bool HoldIfMeasuring()
        {
            if (!_rangeContinuous && !_interleaved)
            {
                return false;
            }

            WriteRegister8(SYSTEM__GROUPED_PARAMETER_HOLD, 0x01);
            return true;
        }

        private void Release(bool held)
        {
            if (held)
            {
                WriteRegister8(SYSTEM__GROUPED_PARAMETER_HOLD, 0x00);
            }
        }

        // Counts for a lux value at the current gain and integration period; −1 when outside 0..65535 counts.
        private int LuxToCounts(double lux)
        {
            if (double.IsNaN(lux))
            {
                return -1;
            }

            double counts = (lux * GainHundredths(_alsGain) * _alsIntegrationMilliseconds / LuxNumerator) + 0.5;
            if (!(lux >= 0) || counts >= MaximumAlsThresholdCounts + 1)
            {
                return -1;
            }

            return (int)counts;
        }
    }
}
