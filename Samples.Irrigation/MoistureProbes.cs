using System;
using System.Device.Adc;

namespace Samples.Irrigation
{
    /// <summary>
    /// The zones' soil-moisture probes on ADC channels: each reading is the average of several samples, turned into
    /// percent from the probe's dry and wet calibration. The only class that talks to the ADC.
    /// </summary>
    public sealed class MoistureProbes : IDisposable
    {
        private readonly AdcChannel[] _channels;
        private readonly int[] _dryRaw;
        private readonly int[] _wetRaw;
        private readonly int _samples;

        /// <summary>Opens one ADC channel per zone.</summary>
        /// <param name="adc">The ADC controller.</param>
        /// <param name="settings">Validated settings: the zones' probe channels and calibration, and the sample count.</param>
        public MoistureProbes(AdcController adc, IrrigationSettings settings)
        {
            int count = settings.Zones.Length;
            _channels = new AdcChannel[count];
            _dryRaw = new int[count];
            _wetRaw = new int[count];
            _samples = settings.ProbeSamples;
            for (int i = 0; i < count; i++)
            {
                ZoneSettings zone = settings.Zones[i];
                _channels[i] = adc.OpenChannel(zone.ProbeChannel);
                _dryRaw[i] = zone.ProbeDryRaw;
                _wetRaw[i] = zone.ProbeWetRaw;
            }
        }

        /// <summary>
        /// The ESP32 GPIO behind a nanoFramework ADC1 channel: 0→36, 1→37, 2→38, 3→39, 4→32, 5→33, 6→34, 7→35
        /// (nf-interpreter <c>targets/ESP32/_nanoCLR/System.Device.Adc/sys_dev_adc_native_System_Device_Adc_AdcController.cpp</c>).
        /// </summary>
        /// <param name="channel">ADC1 channel, 0..7.</param>
        /// <returns>The GPIO number.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The channel is not 0..7.</exception>
        public static int GpioOfChannel(int channel)
        {
            if (channel < 0 || channel > 7)
            {
                throw new ArgumentOutOfRangeException("channel", "ADC1 channels are 0..7.");
            }

            return channel < 4 ? 36 + channel : 28 + channel;
        }

        /// <summary>Number of probes (one per zone).</summary>
        public int Count => _channels.Length;

        /// <summary>Reads one zone's moisture: the average raw value of the configured samples, in percent.</summary>
        /// <param name="zoneIndex">Zone index, 0 .. <see cref="Count"/> − 1.</param>
        /// <returns>Soil moisture, 0..100 %.</returns>
        public int ReadPercent(int zoneIndex)
        {
            AdcChannel channel = _channels[zoneIndex];
            int sum = 0;
            for (int i = 0; i < _samples; i++)
            {
                sum += channel.ReadValue();
            }

            return ToPercent((sum + (_samples / 2)) / _samples, _dryRaw[zoneIndex], _wetRaw[zoneIndex]);
        }

        /// <summary>
        /// Converts a raw reading to moisture percent by linear interpolation between the dry (0 %) and the wet (100 %)
        /// reading, rounded to the nearest percent and clamped to 0..100. Works whichever way the probe goes (capacitive
        /// probes read lower when wet, resistive ones higher).
        /// </summary>
        /// <param name="raw">The reading, 0..4095.</param>
        /// <param name="dryRaw">The reading in dry soil.</param>
        /// <param name="wetRaw">The reading in saturated soil; different from <paramref name="dryRaw"/>.</param>
        /// <returns>Moisture in percent, 0..100.</returns>
        public static int ToPercent(int raw, int dryRaw, int wetRaw)
        {
            int numerator = (dryRaw - raw) * 100;
            int denominator = dryRaw - wetRaw;
            if (denominator < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            if (numerator <= 0)
            {
                return 0;
            }

            if (numerator >= denominator * 100)
            {
                return 100;
            }

            return ((numerator * 2) + denominator) / (denominator * 2);
        }

        /// <summary>Closes the ADC channels.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                _channels[i].Dispose();
            }
        }
    }
}
