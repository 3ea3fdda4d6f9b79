using System;
using Drivers.Vl6180X;

namespace Samples.Irrigation
{
    /// <summary>
    /// The water tank's level from the VL6180X range sensor mounted above the water, looking down: the distance to the
    /// surface gives the level between the configured full and empty distances (straight walls assumed). The only
    /// class that reads the VL6180X range.
    /// </summary>
    public sealed class Reservoir
    {
        private readonly Vl6180X _sensor;
        private readonly int _fullMillimeters;
        private readonly int _emptyMillimeters;
        private readonly int _capacityLitres;

        /// <summary>Sets the sensor's range scaling for the tank depth.</summary>
        /// <param name="sensor">The VL6180X, or null if it did not answer at start (every <see cref="Measure"/> then throws).</param>
        /// <param name="settings">Validated settings: tank geometry and range scaling.</param>
        public Reservoir(Vl6180X sensor, IrrigationSettings settings)
        {
            _sensor = sensor;
            _fullMillimeters = settings.TankFullDistanceMillimeters;
            _emptyMillimeters = settings.TankEmptyDistanceMillimeters;
            _capacityLitres = settings.TankCapacityLitres;
            if (sensor != null)
            {
                sensor.RangeScaling = settings.TankRangeScaling;
            }
        }

        /// <summary>Distance to the water at the last <see cref="Measure"/>, in mm; −1 when the water was beyond the sensor's reach.</summary>
        public int DistanceMillimeters { get; private set; }

        /// <summary>Water in the tank at the last <see cref="Measure"/>, in litres (0..capacity).</summary>
        public int Litres { get; private set; }

        /// <summary>Water in the tank at the last <see cref="Measure"/>, in % of capacity (0..100).</summary>
        public int Percent { get; private set; }

        /// <summary>
        /// Measures the level (one single-shot range: two I2C transfers when the sample is ready at the first poll).
        /// No target or a range overflow means the surface is beyond the sensor's reach: counted as empty.
        /// </summary>
        /// <exception cref="InvalidOperationException">The sensor did not answer at start.</exception>
        /// <exception cref="RangeErrorException">The sensor reported a system or signal error.</exception>
        /// <exception cref="System.IO.IOException">The sensor did not answer or timed out (driver exceptions).</exception>
        public void Measure()
        {
            if (_sensor == null)
            {
                throw new InvalidOperationException("The VL6180X tank sensor did not answer at start (I2C1, 0x29).");
            }

            if (_sensor.TryReadRange(out int millimeters, out RangeStatus status))
            {
                DistanceMillimeters = millimeters;
                Litres = LitresAt(millimeters);
            }
            else if (status == RangeStatus.MaxConvergence || status == RangeStatus.RawRangingAlgoOverflow || status == RangeStatus.RangingAlgoOverflow)
            {
                DistanceMillimeters = -1;
                Litres = 0;
            }
            else
            {
                throw new RangeErrorException(status);
            }

            Percent = (int)(((long)Litres * 100) / _capacityLitres);
        }

        private int LitresAt(int millimeters)
        {
            if (millimeters <= _fullMillimeters)
            {
                return _capacityLitres;
            }

            if (millimeters >= _emptyMillimeters)
            {
                return 0;
            }

            return (int)(((long)_capacityLitres * (_emptyMillimeters - millimeters)) / (_emptyMillimeters - _fullMillimeters));
        }
    }
}
