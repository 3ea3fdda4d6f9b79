using System;
using System.Device.Adc;
using System.Device.I2c;
using Drivers.FlowMeter;
using Drivers.Mcp23008;
using Drivers.VL6180X;
using nanoFramework.Hardware.Esp32;

namespace Samples.Irrigation
{
    /// <summary>
    /// The controller's hardware, built once at start and kept for the life of the program: the drivers and the thin
    /// classes over them that the controller uses. Bench wiring: I2C1 on GPIO21 (SDA) / GPIO22 (SCL) with the MCP23008
    /// at 0x20 and the VL6180X at 0x29; the flow sensor on GPIO4 (ESP32 pulse counter); probes on ADC channels.
    /// </summary>
    public sealed class IrrigationHardware : IDisposable
    {
        /// <summary>ESP32 GPIO of I2C1's SDA line.</summary>
        public const int I2cDataPin = 21;

        /// <summary>ESP32 GPIO of I2C1's SCL line.</summary>
        public const int I2cClockPin = 22;

        /// <summary>I2C bus of both chips.</summary>
        public const int I2cBusId = 1;

        /// <summary>MCP23008 address (A2..A0 to GND).</summary>
        public const int ExpanderAddress = 0x20;

        /// <summary>ESP32 GPIO of the flow sensor's (level-shifted) signal.</summary>
        public const int FlowSensorPin = 4;

        private IrrigationHardware(Mcp23008 expander, ValveBank valves, Vl6180X rangeSensor, FlowMeter flowMeter, AdcController adc, IrrigationSettings settings)
        {
            Expander = expander;
            RangeSensor = rangeSensor;
            FlowMeter = flowMeter;
            Valves = valves;
            Probes = new MoistureProbes(adc, settings);
            Flow = new WaterFlow(flowMeter, settings);
            Tank = new Reservoir(rangeSensor, settings);
            Light = new LightSensor(rangeSensor);
        }

        /// <summary>The valves (MCP23008).</summary>
        public ValveBank Valves { get; }

        /// <summary>The soil-moisture probes (ADC).</summary>
        public MoistureProbes Probes { get; }

        /// <summary>The flow sensor (pulse counter).</summary>
        public WaterFlow Flow { get; }

        /// <summary>The tank level (VL6180X range).</summary>
        public Reservoir Tank { get; }

        /// <summary>Ambient light (VL6180X ALS).</summary>
        public LightSensor Light { get; }

        /// <summary>The MCP23008 driver.</summary>
        public Mcp23008 Expander { get; }

        /// <summary>The VL6180X driver, or null if the sensor did not answer at start.</summary>
        public Vl6180X RangeSensor { get; }

        /// <summary>The flow meter driver.</summary>
        public FlowMeter FlowMeter { get; }

        /// <summary>
        /// Routes I2C1 to the bench pins and creates every driver once. A VL6180X that does not answer is reported on
        /// <paramref name="log"/> and left out (the tank and light readings then fail, and the schedule does not water);
        /// without the MCP23008 no valve can be driven, so that throws, after releasing what it opened: call it again
        /// (<see cref="IrrigationFirmware.OpenHardware"/> does, with backoff).
        /// </summary>
        /// <param name="settings">Validated settings.</param>
        /// <param name="log">Where the start-up warning goes; may be null.</param>
        /// <returns>The hardware.</returns>
        /// <exception cref="System.IO.IOException">The MCP23008 did not answer.</exception>
        public static IrrigationHardware Open(IrrigationSettings settings, ILogSink log)
        {
            Configuration.SetPinFunction(I2cDataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(I2cClockPin, DeviceFunction.I2C1_CLOCK);

            ValveBank valves = OpenValves(settings);
            Vl6180X rangeSensor = null;
            try
            {
                rangeSensor = new Vl6180X(I2cDevice.Create(new I2cConnectionSettings(I2cBusId, Vl6180X.DefaultI2cAddress)));
            }
            catch (Exception ex)
            {
                if (log != null)
                {
                    log.WriteLine("WARNING VL6180X tank/light sensor not found at 0x29: " + ex.Message);
                }
            }

            FlowMeter flowMeter = FlowMeter.OnPulseCounter(FlowSensorPin, settings.FlowPulsesPerLitre);
            return new IrrigationHardware(valves.Expander, valves, rangeSensor, flowMeter, new AdcController(), settings);
        }

        // The expander and the valve bank (every valve closed, valve pins outputs), or nothing left open if either fails.
        private static ValveBank OpenValves(IrrigationSettings settings)
        {
            I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(I2cBusId, ExpanderAddress));
            Mcp23008 expander;
            try
            {
                expander = new Mcp23008(device);
            }
            catch (Exception)
            {
                device.Dispose();
                throw;
            }

            try
            {
                return new ValveBank(expander, settings);
            }
            catch (Exception)
            {
                expander.Dispose();
                throw;
            }
        }

        /// <summary>Closes the valves and releases every driver.</summary>
        public void Dispose()
        {
            try
            {
                Valves.CloseAll();
            }
            finally
            {
                Valves.Dispose();
                Probes.Dispose();
                Flow.Dispose();
                if (RangeSensor != null)
                {
                    RangeSensor.Dispose();
                }
            }
        }
    }
}
