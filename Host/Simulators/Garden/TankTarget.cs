namespace Simulators.Garden
{
    /// <summary>What the tank's VL6180X sees.</summary>
    public enum TankTarget
    {
        /// <summary>
        /// The bench geometry: a float-and-pulley gauge whose counterweight, a matte white disc, hangs in a dry guide tube
        /// above the sensor and moves one sixth of the water level's travel (within the sensor's 100 mm at 1×).
        /// </summary>
        FloatGauge,

        /// <summary>The sensor in the lid looks straight at the bare water surface.</summary>
        WaterSurface,
    }
}
