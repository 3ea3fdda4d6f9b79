using System;

namespace Samples.Irrigation
{
    /// <summary>What the controller raises when something is wrong. Alarms latch until <see cref="IrrigationController.ClearAlarms"/>.</summary>
    [Flags]
    public enum Alarm
    {
        /// <summary>No alarm.</summary>
        None = 0,

        /// <summary>A valve was open but no water flowed: a dry line, an empty tank or a dead flow sensor. Holds the schedule.</summary>
        NoFlow = 1,

        /// <summary>Water flowed while every valve was closed: a leak or a valve stuck open. Holds the schedule.</summary>
        Leak = 2,

        /// <summary>The VL6180X tank sensor failed or is missing: the tank level is unknown.</summary>
        TankSensorFault = 4,

        /// <summary>The MCP23008 valve expander failed a transfer or lost its settings.</summary>
        ValveDriverFault = 8,

        /// <summary>The valves could not be confirmed closed after a run. Holds the schedule.</summary>
        ValveCloseFailed = 16,

        /// <summary>A soil-moisture probe read failed.</summary>
        ProbeFault = 32,

        /// <summary>The flow meter failed.</summary>
        FlowSensorFault = 64,

        /// <summary>The VL6180X light sensor failed or is missing (the schedule then ignores the light).</summary>
        LightSensorFault = 128,

        /// <summary>An open zone drew more than its expected flow: a burst pipe after the valve. Holds the schedule.</summary>
        BurstPipe = 256,

        /// <summary>An open zone drew less than its expected flow, but some: a blocked filter, pipe or emitters. Holds the schedule.</summary>
        BlockedLine = 512,

        /// <summary>
        /// A flow reading could not be true (the count went backwards, or the rate is above the sensor's rating) and was
        /// rejected; the flow can no longer be trusted to supervise the water. Holds the schedule.
        /// </summary>
        FlowImplausible = 1024,
    }
}
