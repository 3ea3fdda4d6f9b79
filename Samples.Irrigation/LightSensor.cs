using System;
using Drivers.VL6180X;

namespace Samples.Irrigation
{
    /// <summary>Ambient light from the VL6180X's ambient-light sensor. The only class that reads the VL6180X ALS.</summary>
    public sealed class LightSensor
    {
        private readonly Vl6180X _sensor;

        /// <summary>Uses the tank's VL6180X (one chip does both).</summary>
        /// <param name="sensor">The VL6180X, or null if it did not answer at start (every <see cref="Measure"/> then throws).</param>
        public LightSensor(Vl6180X sensor)
        {
            _sensor = sensor;
        }

        /// <summary>Illuminance at the last <see cref="Measure"/>, in lux (0 when <see cref="Saturated"/>).</summary>
        public int Lux { get; private set; }

        /// <summary>Whether the last reading overflowed: more light than the sensor measures at its gain (very bright).</summary>
        public bool Saturated { get; private set; }

        /// <summary>Measures once (single-shot ALS, 100 ms integration: three I2C transfers when the sample is ready at the first poll).</summary>
        /// <exception cref="InvalidOperationException">The sensor did not answer at start.</exception>
        /// <exception cref="System.IO.IOException">The sensor did not answer or timed out (driver exceptions).</exception>
        public void Measure()
        {
            if (_sensor == null)
            {
                throw new InvalidOperationException("The VL6180X light sensor did not answer at start (I2C1, 0x29).");
            }

            if (_sensor.TryReadLux(out double lux, out AlsStatus status))
            {
                Lux = (int)(lux + 0.5);
                Saturated = false;
            }
            else
            {
                Lux = 0;
                Saturated = status == AlsStatus.Overflow;
            }
        }
    }
}
