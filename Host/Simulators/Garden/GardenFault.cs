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
    }
}
