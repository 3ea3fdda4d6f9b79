using System;

namespace Drivers.VL6180X
{
    public sealed partial class Vl6180X
    {
        /// <summary>
        /// Tells whether the sensor has been reset since the driver initialised it: reads SYSTEM__FRESH_OUT_OF_RESET (one
        /// I2C transfer, WriteRead). The device sets it to 1 at every power-up or GPIO0/CE reset (DocID026171 §6.2.6);
        /// the driver's initialisation clears it, so 1 means the sensor lost every setting (AN4545 private settings, range
        /// scaling, offset, ALS gain) and is measuring with its power-on values, if at all.
        /// </summary>
        /// <returns>True if the sensor is fresh out of reset.</returns>
        /// <exception cref="Vl6180XTransferException">The transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool WasReset()
        {
            CheckNotDisposed();
            return ReadRegister8(SYSTEM__FRESH_OUT_OF_RESET) == 1;
        }

        /// <summary>
        /// Initialises the sensor again after a reset, keeping what the driver had set: the initialisation of the
        /// constructor (model-ID check, AN4545 settings, SYSTEM__FRESH_OUT_OF_RESET cleared), then the range scaling, the
        /// part-to-part offset the driver held (the factory value read at construction, or one set or calibrated
        /// since), the ALS gain and integration period, the interrupt modes and the GPIO1 polarity. Continuous and
        /// interleaved measurements are left stopped (a reset stops them); interrupt thresholds are not restored:
        /// configure them again if you use them.
        /// </summary>
        /// <remarks>
        /// Cost: the constructor's transfers (about 40 writes and 4 reads when the sensor is fresh) plus up to 10 for the
        /// settings, and the initialisation's temporary arrays (AN4545 private settings); meant for the rare reset, not a
        /// hot path.
        /// </remarks>
        /// <exception cref="Vl6180XException">The model ID is not 0xB4.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed; call again once the sensor answers.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public void Reinitialize()
        {
            CheckNotDisposed();
            int scaling = _scaling;
            int offset = _offsetMillimeters;
            AlsGain gain = _alsGain;
            int integration = _alsIntegrationMilliseconds;
            InterruptMode rangeMode = _rangeInterruptMode;
            InterruptMode alsMode = _alsInterruptMode;
            InterruptPolarity polarity = _polarity;

            // Whatever ran before the reset has stopped, and no result is known to be waiting.
            _rangeContinuous = false;
            _interleaved = false;
            _rangeDeviceReady = false;
            _alsDeviceReady = false;
            Initialize();

            if (_scaling != scaling)
            {
                RangeScaling = scaling;
            }

            if (_offsetMillimeters != offset)
            {
                PartToPartOffsetMillimeters = offset;
            }

            if (_alsGain != gain)
            {
                AlsGain = gain;
            }

            if (_alsIntegrationMilliseconds != integration)
            {
                AlsIntegrationPeriodMilliseconds = integration;
            }

            if (_rangeInterruptMode != rangeMode || _alsInterruptMode != alsMode)
            {
                WriteRegister8(SYSTEM__INTERRUPT_CONFIG_GPIO, ((int)alsMode << AlsFieldShift) | (int)rangeMode);
                _rangeInterruptMode = rangeMode;
                _alsInterruptMode = alsMode;
            }

            if (_polarity != polarity)
            {
                Gpio1Polarity = polarity;
            }
        }

        /// <summary>
        /// Checks for a reset (<see cref="WasReset"/>) and, if the sensor was reset, initialises it again
        /// (<see cref="Reinitialize"/>). Call it when a reading timed out or failed, then retry the reading once; or before
        /// readings that must not silently use power-on settings.
        /// </summary>
        /// <remarks>Cost: 1 I2C transfer (WriteRead) when the sensor was not reset; that of <see cref="Reinitialize"/> on top when it was.</remarks>
        /// <returns>True if the sensor had been reset and is initialised again.</returns>
        /// <exception cref="Vl6180XException">After a reset, the model ID is not 0xB4.</exception>
        /// <exception cref="Vl6180XTransferException">A transfer failed.</exception>
        /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
        public bool RecoverIfReset()
        {
            if (!WasReset())
            {
                return false;
            }

            Reinitialize();
            return true;
        }
    }
}
