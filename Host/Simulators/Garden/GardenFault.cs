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

        /// <summary>
        /// The MCP23008's supply dips below its brown-out level: every register returns to its power-on value (DS21919
        /// §1.6: IODIR 0xFF, OLAT 0x00), so every valve output becomes an input and the valves close. With a duration,
        /// the chip does not answer while its supply is down and resets again when it comes back.
        /// </summary>
        Mcp23008Brownout,

        /// <summary>
        /// A power glitch on the VL6180X: every register back to its power-on value, SYSTEM__FRESH_OUT_OF_RESET = 1
        /// (DocID026171 §6.2.6). With a duration, it does not answer while unpowered and resets again at power-up.
        /// </summary>
        Vl6180XReset,

        /// <summary>
        /// The ESP32 pulse-counter read race: the next read of the count is off by +32,767 once (the 16-bit hardware
        /// counter overflowed between the native read of the count and of its overflow accumulator).
        /// </summary>
        PcntGlitch,
    }
}
