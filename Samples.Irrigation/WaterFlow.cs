using System;
using Drivers.FlowMeter;

namespace Samples.Irrigation
{
    /// <summary>The main line's flow sensor, counted by the ESP32 pulse counter. The only class that talks to the flow meter.</summary>
    public sealed class WaterFlow : IDisposable
    {
        private readonly FlowMeter _meter;

        /// <summary>Wraps a started meter, owned by this object from now on.</summary>
        /// <param name="meter">The flow meter.</param>
        public WaterFlow(FlowMeter meter)
        {
            _meter = meter;
        }

        /// <summary>Litres through the sensor since start.</summary>
        public double TotalLitres => _meter.TotalLitres;

        /// <summary>Flow in L/min since the previous call, over the time that really elapsed; starts the next window.</summary>
        /// <returns>Litres per minute.</returns>
        public double SampleLitresPerMinute()
        {
            return _meter.SampleLitresPerMinute();
        }

        /// <summary>Stops counting.</summary>
        public void Dispose()
        {
            _meter.Dispose();
        }
    }
}
