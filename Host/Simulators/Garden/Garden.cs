using System;
using System.Collections.Generic;
using Simulators.FlowSensor;
using Simulators.Vl6180X;
using VirtualBoard;

namespace Simulators.Garden
{
    /// <summary>
    /// The simulated garden around the irrigation controller, on the bench wiring: an MCP23008 at 0x20 whose outputs
    /// drive the zone valves, a VL6180X at 0x29 reading the tank's float gauge (and the ambient light), a YF-S201
    /// flow sensor on GPIO4 in the main line, and a soil-moisture probe per zone on the ADC. Every
    /// <see cref="StepMilliseconds"/> of simulated time it reads the valve outputs from the MCP23008 model, lets the
    /// water flow (tank → meter → open valve → bed), dries the beds by evaporation, and sets the chips' physical
    /// inputs: flow rate, distance to the water, lux of the day curve, probe readings.
    /// </summary>
    public sealed partial class Garden
    {
        /// <summary>Simulated time between two steps of the garden.</summary>
        public const int StepMilliseconds = 1000;

        /// <summary>I2C bus of both chips.</summary>
        public const int I2cBusId = 1;

        /// <summary>MCP23008 address (A2..A0 to GND).</summary>
        public const int ExpanderAddress = 0x20;

        /// <summary>ESP32 GPIO the MCP23008's INT output is wired to.</summary>
        public const int ExpanderInterruptGpio = 27;

        /// <summary>ESP32 GPIO the VL6180X's GPIO1 output is wired to.</summary>
        public const int TankSensorGpio1 = 26;

        /// <summary>Transfers the MCP23008 leaves unacknowledged in <see cref="GardenFault.Mcp23008Nack"/>.</summary>
        public const int NackedTransfers = 3;

        /// <summary>Extra flow of a line with a burst pipe, in L/min (<see cref="GardenFault.BurstPipe"/>).</summary>
        public const double BurstExtraLitresPerMinute = 12.0;

        /// <summary>How many times the true flow an over-reading sensor reports (<see cref="GardenFault.FlowOverRead"/>).</summary>
        public const double OverReadFactor = 10.0;

        /// <summary>Reflectance of the float gauge's target, a matte white disc, in % (the simulator's white card).</summary>
        public const double FloatTargetReflectancePercent = 88;

        /// <summary>
        /// Diffuse-equivalent reflectance of a bare water surface, in % [unverified]. Water reflects about 2 % at normal
        /// incidence (Fresnel, n = 1.33), all of it specularly: only a calm surface square under the sensor sends it back,
        /// and ripples, a tilted mount or condensation send it elsewhere. 0.2 % is the assumption for a tank in use; with
        /// it the chip's convergence runs past SYSRANGE__MAX_CONVERGENCE_TIME beyond about 43 mm (49 ms) and reports range error 7
        /// (no target) instead of a distance. ST's characterisation gives no figure for water. The firmware does not
        /// depend on it: its gauge never shows the sensor the water.
        /// </summary>
        public const double WaterSurfaceReflectancePercent = 0.2;

        private const double TicksPerMinute = TimeSpan.TicksPerMinute;
        private const double TicksPerHour = TimeSpan.TicksPerHour;

        private readonly GardenZone[] _zones;
        private readonly double[] _zoneFlows;
        private long _lastTicks;
        private double _lineFlow;

        /// <summary>
        /// Attaches the chips to the (freshly reset) board and starts the garden: four beds as the bench configures
        /// them (valves GP0..GP3, probes on ADC1 channels 0, 3, 6, 7; 25, 45, 52 and 38 % moist; 12, 10, 8 and
        /// 6 L/min), a 600 L tank 90 % full read through the float gauge, 07:00 in the morning.
        /// </summary>
        public Garden()
            : this(new[]
            {
                new GardenZone(0, 0, 25, 12),
                new GardenZone(1, 3, 45, 10),
                new GardenZone(2, 6, 52, 8),
                new GardenZone(3, 7, 38, 6),
            })
        {
        }

        /// <summary>Attaches the chips to the (freshly reset) board and starts a garden with the given beds.</summary>
        /// <param name="zones">The beds.</param>
        public Garden(GardenZone[] zones)
        {
            _zones = zones ?? throw new ArgumentNullException(nameof(zones));
            _zoneFlows = new double[zones.Length];
            using (AllocationLedger.Platform())
            {
                Expander = new Mcp23008Simulator(ExpanderInterruptGpio);
                Board.I2cBus(I2cBusId).Attach(ExpanderAddress, Expander);
                TankSensor = new Vl6180XSimulator(0, TankSensorGpio1);
                Board.I2cBus(I2cBusId).Attach(Vl6180XSimulator.DefaultAddress, TankSensor);
                FlowSensor = new FlowSensorSimulator(Board.Pin(FlowSensorSimulator.BenchGpio)) { PulsesPerLitre = 450 };
                _lastTicks = Board.Clock.NowTicks;
                Refresh();
                Board.Clock.ScheduleAt(_lastTicks + (StepMilliseconds * TimeSpan.TicksPerMillisecond), Step);
            }
        }

        /// <summary>The valve expander's model.</summary>
        public Mcp23008Simulator Expander { get; }

        /// <summary>The tank sensor's model.</summary>
        public Vl6180XSimulator TankSensor { get; }

        /// <summary>The flow sensor's model.</summary>
        public FlowSensorSimulator FlowSensor { get; }

        /// <summary>The beds.</summary>
        public IReadOnlyList<GardenZone> Zones => _zones;

        /// <summary>Water between the empty and the full level, in litres.</summary>
        public double TankCapacityLitres { get; set; } = 600;

        /// <summary>Water in the tank now, in litres.</summary>
        public double TankLitres { get; set; } = 540;

        /// <summary>What the tank's VL6180X looks at.</summary>
        public TankTarget TankTarget { get; set; } = TankTarget.FloatGauge;

        /// <summary>
        /// Distance from the tank sensor to its target with the tank full, in mm: 15 for the float gauge (its
        /// counterweight at the bottom of its travel). For <see cref="TankTarget.WaterSurface"/>, the distance to the water.
        /// </summary>
        public double TankFullDistanceMillimeters { get; set; } = 15;

        /// <summary>
        /// Distance from the tank sensor to its target with the tank empty, in mm: 98 for the float gauge (500 mm of water
        /// level through a 6:1 pulley is 83 mm of counterweight travel).
        /// </summary>
        public double TankEmptyDistanceMillimeters { get; set; } = 98;

        /// <summary>Time of day, in hours, when the simulated clock reads 0.</summary>
        public double StartHour { get; set; } = 7.0;

        /// <summary>Light at the sensor at solar noon, in lux (sunrise 06:00, sunset 18:00).</summary>
        public double PeakLux { get; set; } = 30000;

        /// <summary>While true the flow sensor gives no pulses, whatever flows.</summary>
        public bool FlowSensorDead { get; set; }

        /// <summary>Water lost through a leak between the flow sensor and the valves, in L/min (0: none).</summary>
        public double LeakLitresPerMinute { get; set; }

        /// <summary>Extra flow of every open line through a burst pipe after its valve, in L/min (0: none); it never reaches the bed.</summary>
        public double BurstLitresPerMinute { get; set; }

        /// <summary>What the flow sensor reports as a multiple of the true flow (1: a sound sensor).</summary>
        public double FlowSensorFactor { get; set; } = 1.0;

        /// <summary>The valves open now: bit n for output GPn (an output pin driven high).</summary>
        public int OpenValves => Expander.Peek(Mcp23008Simulator.OLAT) & ~Expander.Peek(Mcp23008Simulator.IODIR) & 0xFF;

        /// <summary>The true flow through the main line (and the meter) now, in L/min.</summary>
        public double LineFlowLitresPerMinute => _lineFlow;

        /// <summary>Litres that really went through the main line since the garden was built.</summary>
        public double LineLitres { get; private set; }

        /// <summary>Time of day now, in hours (0..24).</summary>
        public double HourOfDay => (StartHour + (Board.Clock.NowTicks / TicksPerHour)) % 24.0;

        /// <summary>Light at the sensor now, in lux.</summary>
        public double Lux => LuxAt(HourOfDay);

        /// <summary>The day curve: 0 at night, a half sine from 06:00 to 18:00 peaking at <see cref="PeakLux"/>.</summary>
        /// <param name="hour">Time of day in hours.</param>
        /// <returns>Lux.</returns>
        public double LuxAt(double hour) => hour <= 6 || hour >= 18 ? 0 : PeakLux * Math.Sin(Math.PI * (hour - 6) / 12);

        /// <summary>Injects a fault now.</summary>
        /// <param name="fault">The fault.</param>
        public void Inject(GardenFault fault)
        {
            using (AllocationLedger.Platform())
            {
                switch (fault)
                {
                    case GardenFault.DeadFlowSensor:
                        FlowSensorDead = true;
                        break;
                    case GardenFault.Leak:
                        LeakLitresPerMinute = 3.0;
                        break;
                    case GardenFault.Vl6180XMissing:
                        Board.I2cBus(I2cBusId).InjectFault(Vl6180XSimulator.DefaultAddress, new I2cFault(I2cFaultKind.StopsAnswering));
                        break;
                    case GardenFault.Mcp23008Nack:
                        Board.I2cBus(I2cBusId).InjectFault(ExpanderAddress, new I2cFault(I2cFaultKind.AddressNack) { Times = NackedTransfers });
                        break;
                    case GardenFault.BurstPipe:
                        BurstLitresPerMinute = BurstExtraLitresPerMinute;
                        break;
                    case GardenFault.FlowOverRead:
                        FlowSensorFactor = OverReadFactor;
                        break;
                    default:
                        InjectEvent(fault);
                        break;
                }

                Refresh();
            }
        }

        /// <summary>Injects a fault when the simulated clock reaches a time.</summary>
        /// <param name="fault">The fault.</param>
        /// <param name="atMilliseconds">Simulated time of the fault, in ms since the board's reset.</param>
        public void InjectAt(GardenFault fault, long atMilliseconds)
        {
            Board.Clock.ScheduleAt(atMilliseconds * TimeSpan.TicksPerMillisecond, () => Inject(fault));
        }

        /// <summary>Catches up to the clock and sets every physical input from the garden's state now.</summary>
        public void Refresh()
        {
            using (AllocationLedger.Platform())
            {
                Integrate();
                int open = OpenValves;
                bool water = TankLitres > 0;
                double line = 0;
                for (int i = 0; i < _zones.Length; i++)
                {
                    bool flowing = water && (open & (1 << _zones[i].ValvePin)) != 0;
                    _zoneFlows[i] = flowing ? _zones[i].FlowLitresPerMinute : 0;
                    line += _zoneFlows[i] + (flowing ? BurstLitresPerMinute : 0);
                    Board.Adc(_zones[i].ProbeChannel).Raw = _zones[i].ProbeRaw;
                }

                line += water ? LeakLitresPerMinute : 0;
                _lineFlow = line;
                double sensed = FlowSensorDead ? 0 : line * FlowSensorFactor;
                if (FlowSensor.FlowLitresPerMinute != sensed)
                {
                    FlowSensor.FlowLitresPerMinute = sensed;
                }

                double fill = Math.Clamp(TankLitres / TankCapacityLitres, 0, 1);
                TankSensor.TargetDistanceMillimeters = TankEmptyDistanceMillimeters - ((TankEmptyDistanceMillimeters - TankFullDistanceMillimeters) * fill);
                double reflectance = TankTarget == TankTarget.FloatGauge ? FloatTargetReflectancePercent : WaterSurfaceReflectancePercent;
                if (TankSensor.TargetReflectancePercent != reflectance)
                {
                    TankSensor.TargetReflectancePercent = reflectance;
                }
                TankSensor.AmbientLux = Lux;
            }
        }

        // Water flows at the rates set by the last refresh until now; the beds dry in the meantime.
        private void Integrate()
        {
            long now = Board.Clock.NowTicks;
            double minutes = (now - _lastTicks) / TicksPerMinute;
            _lastTicks = now;
            if (minutes <= 0)
            {
                return;
            }

            double sun = PeakLux > 0 ? Lux / PeakLux : 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                double litres = _zoneFlows[i] * minutes;
                _zones[i].Advance(litres, minutes / 60.0, sun);
            }

            double lineLitres = _lineFlow * minutes;
            LineLitres += lineLitres;
            TankLitres = Math.Max(0, TankLitres - lineLitres);
        }

        private void Step()
        {
            using (AllocationLedger.Platform())
            {
                Refresh();
                Board.Clock.ScheduleAt(Board.Clock.NowTicks + (StepMilliseconds * TimeSpan.TicksPerMillisecond), Step);
            }
        }
    }
}
