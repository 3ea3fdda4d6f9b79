using System;
using Drivers.FlowMeter;

namespace Samples.Irrigation
{
    /// <summary>
    /// The main line's flow sensor, counted by the ESP32 pulse counter, with every reading checked for sense: a window
    /// whose count went backwards, or whose rate is above the sensor's rated maximum, is rejected (its litres are not
    /// counted) and reported with a <see cref="FlowImplausibleException"/>. The ESP32's pulse-counter read can be off
    /// by ±32,767 pulses when a counter overflow lands between its two halves; with windows of at most a minute
    /// (72.8 L at 450 pulses per litre, far above 30 L/min), such a jump always exceeds the rated maximum, and the
    /// reading after it goes backwards. The only class that talks to the flow meter.
    /// </summary>
    public sealed class WaterFlow : IDisposable
    {
        private readonly FlowMeter _meter;
        private readonly double _maximumLitresPerMinute;
        private double _acceptedLitres;

        /// <summary>Wraps a started meter, owned by this object from now on.</summary>
        /// <param name="meter">The flow meter.</param>
        /// <param name="settings">Validated settings: the sensor's rated maximum.</param>
        public WaterFlow(FlowMeter meter, IrrigationSettings settings)
        {
            _meter = meter;
            _maximumLitresPerMinute = settings.FlowSensorMaximumLitresPerMinute;
        }

        /// <summary>Litres of every accepted window since start (rejected windows are not counted). Reads no hardware.</summary>
        public double TotalLitres => _acceptedLitres;

        /// <summary>Length of the last accepted or rejected window, in ms.</summary>
        public long LastWindowMilliseconds { get; private set; }

        /// <summary>
        /// Flow in L/min since the previous call, over the time that really elapsed; starts the next window (one
        /// pulse-counter read).
        /// </summary>
        /// <returns>Litres per minute, 0 .. the sensor's rated maximum.</returns>
        /// <exception cref="FlowImplausibleException">The count went backwards, or the rate is above the sensor's rated maximum, or the meter refused its reading twice.</exception>
        public double SampleLitresPerMinute()
        {
            double rate;
            long pulses;
            long elapsedMicroseconds;
            try
            {
                rate = _meter.SampleLitresPerMinute(out pulses, out elapsedMicroseconds);
            }
            catch (InvalidOperationException refused)
            {
                // The meter read again and still found the count impossible for its sensor (FlowMeter.MaximumLitresPerMinute).
                throw new FlowImplausibleException("flow meter: " + refused.Message);
            }

            LastWindowMilliseconds = elapsedMicroseconds / 1000;
            string rejection = RejectionOf(pulses, elapsedMicroseconds, rate, _maximumLitresPerMinute);
            if (rejection != null)
            {
                throw new FlowImplausibleException(rejection);
            }

            _acceptedLitres += pulses / _meter.PulsesPerLitre;
            return rate;
        }

        /// <summary>
        /// Judges one flow window: a count that went backwards, or a rate above the sensor's rated maximum (or not a
        /// number), cannot be true. Allocates only the message of a rejection.
        /// </summary>
        /// <param name="pulses">Pulses counted in the window (the difference of two pulse-counter reads).</param>
        /// <param name="elapsedMicroseconds">The window's length.</param>
        /// <param name="litresPerMinute">The window's rate.</param>
        /// <param name="maximumLitresPerMinute">The sensor's rated maximum.</param>
        /// <returns>Why the window is rejected, or null when it is plausible.</returns>
        public static string RejectionOf(long pulses, long elapsedMicroseconds, double litresPerMinute, double maximumLitresPerMinute)
        {
            if (pulses < 0)
            {
                return "flow count went back " + (-pulses).ToString() + " pulses in " + (elapsedMicroseconds / 1000).ToString() + " ms; reading rejected";
            }

            if (double.IsNaN(litresPerMinute) || double.IsNaN(maximumLitresPerMinute) || !(litresPerMinute <= maximumLitresPerMinute))
            {
                return "flow reads " + Tenths(litresPerMinute) + " L/min (" + pulses.ToString() + " pulses in " + (elapsedMicroseconds / 1000).ToString() + " ms), above the sensor's rated " + Tenths(maximumLitresPerMinute) + " L/min; reading rejected";
            }

            return null;
        }

        /// <summary>Stops counting.</summary>
        public void Dispose()
        {
            _meter.Dispose();
        }

        // One decimal, for rejection messages only.
        private static string Tenths(double value)
        {
            if (double.IsNaN(value) || !(value < 1e15))
            {
                return value.ToString();
            }

            long tenths = (long)((value * 10) + 0.5);
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
