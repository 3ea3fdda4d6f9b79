namespace HostTests.FlowMeter
{
    using System;
    using System.Device.Gpio;
    using Drivers.FlowMeter;
    using Simulators.FlowSensor;
    using VirtualBoard;

    /// <summary>Which pulse source a test puts behind the meter.</summary>
    public enum Source
    {
        PulseCounter,
        GpioInterrupt,
    }

    /// <summary>One host test's bench: a fresh board, a flow sensor on GPIO4 and a meter on the chosen source.</summary>
    internal sealed class MeterRig : IDisposable
    {
        public MeterRig(
            Source source,
            double sensorPulsesPerLitre,
            double meterPulsesPerLitre,
            int filterNanoseconds = FlowMeter.DefaultFilterNanoseconds,
            int minimumPulseIntervalMilliseconds = 0)
        {
            Board.Reset();
            Sensor = new FlowSensorSimulator(Board.Pin(FlowSensorSimulator.BenchGpio)) { PulsesPerLitre = sensorPulsesPerLitre };
            Controller = new GpioController();
            Meter = source == Source.PulseCounter
                ? FlowMeter.OnPulseCounter(FlowSensorSimulator.BenchGpio, meterPulsesPerLitre, filterNanoseconds)
                : FlowMeter.OnGpioInterrupt(Controller, FlowSensorSimulator.BenchGpio, meterPulsesPerLitre, minimumPulseIntervalMilliseconds);
        }

        /// <summary>A YF-S201 (450 pulses per litre) read with its preset, water running at <paramref name="litresPerMinute"/>.</summary>
        public static MeterRig YfS201(Source source, double litresPerMinute)
        {
            var rig = new MeterRig(source, 450, FlowSensorPulsesPerLitre.YfS201);
            rig.Sensor.FlowLitresPerMinute = litresPerMinute;
            return rig;
        }

        public FlowSensorSimulator Sensor { get; }

        public GpioController Controller { get; }

        public FlowMeter Meter { get; }

        /// <summary>Lets simulated time pass, then waits until every GPIO handler has run (what a device Sleep does).</summary>
        public void Run(TimeSpan span) => Run(span.Ticks);

        public void Run(long ticks)
        {
            Board.Clock.Advance(ticks);
            Board.Events.WaitUntilIdle();
        }

        public void Dispose()
        {
            Meter.Dispose();
            Controller.Dispose();
        }
    }
}
