namespace HostTests.FlowMeter
{
    using HostTests.Foundation;
    using Simulators.FlowSensor;
    using VirtualBoard;

    /// <summary>
    /// The bench's flow sensor: a YF-S201 on GPIO4 (behind the 5 V → 3.3 V divider) with water running steadily at
    /// <see cref="FlowLitresPerMinute"/>, so device tests that sleep see real pulses (75 Hz).
    /// </summary>
    public sealed class FlowSensorBenchPart : IBenchPart
    {
        /// <summary>The bench's steady flow.</summary>
        public const double FlowLitresPerMinute = 10.0;

        /// <summary>YF-S201: 450 pulses per litre (hardware.md §3.1).</summary>
        public const double PulsesPerLitre = 450.0;

        public void Install()
        {
            _ = new FlowSensorSimulator(Board.Pin(FlowSensorSimulator.BenchGpio))
            {
                PulsesPerLitre = PulsesPerLitre,
                FlowLitresPerMinute = FlowLitresPerMinute,
            };
        }
    }
}
