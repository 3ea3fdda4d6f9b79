using System;
using Drivers.VL6180X;

namespace Samples.Irrigation
{
    /// <summary>
    /// The water tank's level from a float gauge read by the VL6180X at 1× scaling, within the sensor's specified
    /// 100 mm: the float's cord turns a 6:1 stepped pulley whose counterweight, a matte white disc, hangs in a dry
    /// guide tube above the sensor. The distance to the disc moves linearly between the configured full and empty
    /// distances (straight tank walls assumed). The sensor never looks at the water, which returns too little light to
    /// range on. The only class that reads the VL6180X range.
    /// </summary>
    public sealed class Reservoir
    {
        /// <summary>How far, in mm, a reading may lie beyond the configured full or empty distance before it counts as a gauge fault.</summary>
        public const int TravelToleranceMillimeters = 5;

        private readonly Vl6180X _sensor;
        private readonly int _fullMillimeters;
        private readonly int _emptyMillimeters;
        private readonly int _capacityLitres;

        /// <summary>Uses the sensor at the driver's 1× range scaling, which this class never changes.</summary>
        /// <param name="sensor">The VL6180X, or null if it did not answer at start (every <see cref="Measure"/> then throws).</param>
        /// <param name="settings">Validated settings: the gauge's full and empty distances and the tank's capacity.</param>
        public Reservoir(Vl6180X sensor, IrrigationSettings settings)
        {
            _sensor = sensor;
            _fullMillimeters = settings.TankFullDistanceMillimeters;
            _emptyMillimeters = settings.TankEmptyDistanceMillimeters;
            _capacityLitres = settings.TankCapacityLitres;
        }

        /// <summary>Distance to the gauge's target at the last successful <see cref="Measure"/>, in mm.</summary>
        public int DistanceMillimeters { get; private set; }

        /// <summary>Water in the tank at the last successful <see cref="Measure"/>, in litres (0..capacity).</summary>
        public int Litres { get; private set; }

        /// <summary>Water in the tank at the last successful <see cref="Measure"/>, in % of capacity (0..100).</summary>
        public int Percent { get; private set; }

        /// <summary>
        /// Measures the level: one single-shot range at 1× (two I2C transfers when the sample is ready at the first poll).
        /// A range error or a distance outside the gauge's travel throws: the level is then unknown, and the previous
        /// figures stay.
        /// </summary>
        /// <exception cref="InvalidOperationException">The sensor did not answer at start, or its range scaling is not 1×.</exception>
        /// <exception cref="TankGaugeException">A range error, or a distance outside the gauge's travel.</exception>
        /// <exception cref="System.IO.IOException">The sensor did not answer or timed out (driver exceptions).</exception>
        public void Measure()
        {
            if (_sensor == null)
            {
                throw new InvalidOperationException("The VL6180X tank sensor did not answer at start (I2C1, 0x29).");
            }

            if (_sensor.RangeScaling != 1)
            {
                throw new InvalidOperationException("The VL6180X tank sensor ranges at " + _sensor.RangeScaling.ToString() + "x; the tank gauge needs 1x (specified to 100 mm).");
            }

            if (!_sensor.TryReadRange(out int millimeters, out RangeStatus status))
            {
                throw new TankGaugeException("VL6180X range error " + ((int)status).ToString() + " (" + Describe(status) + "), tank level unknown: check the gauge's target");
            }

            if (millimeters < _fullMillimeters - TravelToleranceMillimeters || millimeters > _emptyMillimeters + TravelToleranceMillimeters)
            {
                throw new TankGaugeException("tank gauge reads " + millimeters.ToString() + " mm, outside its travel " + _fullMillimeters.ToString() + ".." + _emptyMillimeters.ToString() + " mm; tank level unknown: check the float, the cord and the counterweight");
            }

            DistanceMillimeters = millimeters;
            Litres = LitresAt(millimeters);
            Percent = (int)(((long)Litres * 100) / _capacityLitres);
        }

        private static string Describe(RangeStatus status)
        {
            switch (status)
            {
                case RangeStatus.EarlyConvergenceEstimate:
                case RangeStatus.MaxConvergence:
                case RangeStatus.NoTargetIgnore:
                    return "too little signal: no target";
                case RangeStatus.MaxSignalToNoiseRatio:
                    return "too much ambient light";
                case RangeStatus.RawRangingAlgoOverflow:
                case RangeStatus.RangingAlgoOverflow:
                    return "target out of range";
                case RangeStatus.RawRangingAlgoUnderflow:
                case RangeStatus.RangingAlgoUnderflow:
                    return "target too close";
                default:
                    return "system error";
            }
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
