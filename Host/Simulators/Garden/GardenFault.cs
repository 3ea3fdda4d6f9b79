namespace Simulators.Garden
{
    /// <summary>Faults the simulated garden can inject, to watch the controller's safety logic work.</summary>
    public enum GardenFault
    {
        /// <summary>Everything works.</summary>
        None,

        /// <summary>The flow sensor's rotor stops: water still flows, but no pulse reaches GPIO4.</summary>
        DeadFlowSensor,

        /// <summary>A burst pipe between the flow sensor and the valves: water flows through the meter whatever the valves do.</summary>
        Leak,

        /// <summary>The VL6180X stops answering on I2C (a loose cable): every later transfer to 0x29 is not acknowledged.</summary>
        Vl6180XMissing,

        /// <summary>A bus glitch: the MCP23008 does not acknowledge its next few transfers, then answers again.</summary>
        Mcp23008Nack,

        /// <summary>
        /// A pipe bursts after the valve: the open zone's line draws <see cref="Garden.BurstExtraLitresPerMinute"/> more
        /// (12 L/min: 24 instead of 12 in zone 1), and the extra water never reaches the bed.
        /// </summary>
        BurstPipe,

        /// <summary>The flow sensor over-reads tenfold (a wrong K-factor, or a sensor of another type): 120 L/min for 12.</summary>
        FlowOverRead,
    }
}
