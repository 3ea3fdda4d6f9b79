using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Reflection;
using Drivers.FlowMeter;
using Harness.Footprint;
using Simulators.FlowSensor;
using VirtualBoard;

namespace Footprint.Subjects
{
    /// <summary>
    /// The flow meter on its <b>GPIO-interrupt</b> source (<c>FlowMeter.OnGpioInterrupt</c>), the counterpart of the MicroPython
    /// driver's <c>Pin.irq</c> handler: a YF-S201 on GPIO4 with water running at 10 L/min (75 Hz). The pulse-counter source
    /// is <see cref="FlowMeterPulseCounterSubject"/>.
    /// </summary>
    public sealed class FlowMeterSubject : IFootprintSubject
    {
        private FlowSensorSimulator _sensor;

        public string Name => "FlowMeter";

        public Assembly DeviceAssembly => typeof(FlowMeter).Assembly;

        /// <summary>
        /// PulseHandler: one pulse of the sensor, its rising and its falling edge delivered to the handler. Sample:
        /// <c>SampleLitresPerMinute()</c> after 1 ms in which no edge comes (edges belong to PulseHandler).
        /// </summary>
        public IReadOnlyList<string> Operations { get; } = new[] { "PulseHandler", "Sample" };

        public object Construct()
        {
            _sensor = FlowBench.AttachSensor();
            return FlowMeter.OnGpioInterrupt(new GpioController(), FlowSensorSimulator.BenchGpio, FlowSensorPulsesPerLitre.YfS201);
        }

        public void Run(object instance, string operation)
        {
            var meter = (FlowMeter)instance;
            switch (operation)
            {
                case "PulseHandler":
                    FlowBench.RunOnePulse(_sensor);
                    break;
                case "Sample":
                    long edges = _sensor.LineEdges;
                    Board.Clock.Advance(TimeSpan.TicksPerMillisecond);
                    meter.SampleLitresPerMinute();
                    if (_sensor.LineEdges != edges)
                    {
                        throw new InvalidOperationException("An edge came during Sample: its cost would be charged to the wrong operation.");
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a FlowMeter operation.");
            }
        }
    }

    /// <summary>
    /// The flow meter on the ESP32 <b>pulse counter</b> (<c>FlowMeter.OnPulseCounter</c>, the default on ESP32): same sensor
    /// and flow as <see cref="FlowMeterSubject"/>. Pulses cost nothing; each sample reads the counter once.
    /// </summary>
    public sealed class FlowMeterPulseCounterSubject : IFootprintSubject
    {
        public string Name => "FlowMeterPulseCounter";

        public Assembly DeviceAssembly => typeof(FlowMeter).Assembly;

        /// <summary>Sample: 1 s of water (75 pulses counted by the hardware), then <c>SampleLitresPerMinute()</c>.</summary>
        public IReadOnlyList<string> Operations { get; } = new[] { "Sample" };

        public object Construct()
        {
            FlowBench.AttachSensor();
            return FlowMeter.OnPulseCounter(FlowSensorSimulator.BenchGpio, FlowSensorPulsesPerLitre.YfS201);
        }

        public void Run(object instance, string operation)
        {
            if (operation != "Sample")
            {
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a FlowMeterPulseCounter operation.");
            }

            Board.Clock.Advance(TimeSpan.TicksPerSecond);
            ((FlowMeter)instance).SampleLitresPerMinute();
        }
    }

    /// <summary>The bench's flow sensor: a YF-S201 (450 pulses per litre) on GPIO4 with water running at 10 L/min.</summary>
    internal static class FlowBench
    {
        public static FlowSensorSimulator AttachSensor()
        {
            Board.Reset();
            return new FlowSensorSimulator(Board.Pin(FlowSensorSimulator.BenchGpio))
            {
                PulsesPerLitre = 450.0,
                FlowLitresPerMinute = 10.0,
            };
        }

        // Steps the clock until the line has risen and fallen once. Edges are 6.7 ms apart at 75 Hz, so 1 ms steps
        // never run past the falling edge.
        public static void RunOnePulse(FlowSensorSimulator sensor)
        {
            long target = sensor.LineEdges + 2;
            while (sensor.LineEdges < target)
            {
                Board.Clock.Advance(TimeSpan.TicksPerMillisecond);
            }
        }
    }
}
