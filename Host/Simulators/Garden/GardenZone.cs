using System;

namespace Simulators.Garden
{
    /// <summary>
    /// One bed of the simulated garden: a valve on an MCP23008 output, a soil-moisture probe on an ADC channel, soil
    /// that gets wetter with the water delivered and drier with evaporation.
    /// </summary>
    public sealed class GardenZone
    {
        private double _moisturePercent;

        /// <summary>Creates a zone.</summary>
        /// <param name="valvePin">MCP23008 output of its valve (GP0..GP7).</param>
        /// <param name="probeChannel">ADC channel of its probe.</param>
        /// <param name="moisturePercent">Soil moisture at the start, 0..100 %.</param>
        /// <param name="flowLitresPerMinute">Flow through its open valve with water in the tank.</param>
        public GardenZone(int valvePin, int probeChannel, double moisturePercent, double flowLitresPerMinute)
        {
            ValvePin = valvePin;
            ProbeChannel = probeChannel;
            MoisturePercent = moisturePercent;
            FlowLitresPerMinute = flowLitresPerMinute;
        }

        /// <summary>MCP23008 output of the valve; high opens it.</summary>
        public int ValvePin { get; }

        /// <summary>ADC channel of the probe.</summary>
        public int ProbeChannel { get; }

        /// <summary>Flow through the open valve, in L/min (emitters and pipe).</summary>
        public double FlowLitresPerMinute { get; set; }

        /// <summary>Moisture gained per litre delivered, in % (bed size and soil).</summary>
        public double PercentPerLitre { get; set; } = 0.25;

        /// <summary>Moisture lost per hour in full sun, in % (a fifth of it in the dark).</summary>
        public double EvaporationPercentPerHour { get; set; } = 1.0;

        /// <summary>Probe reading in dry soil (0 %), raw 12-bit.</summary>
        public int ProbeDryRaw { get; set; } = 3000;

        /// <summary>Probe reading in saturated soil (100 %), raw 12-bit.</summary>
        public int ProbeWetRaw { get; set; } = 1200;

        /// <summary>Soil moisture now, 0..100 %.</summary>
        public double MoisturePercent
        {
            get => _moisturePercent;
            set => _moisturePercent = Math.Clamp(value, 0, 100);
        }

        /// <summary>Litres delivered to the bed since the garden was built.</summary>
        public double DeliveredLitres { get; private set; }

        /// <summary>What the probe reads now: linear between the dry and the wet reading.</summary>
        public int ProbeRaw => (int)Math.Round(ProbeDryRaw + ((ProbeWetRaw - ProbeDryRaw) * _moisturePercent / 100.0), MidpointRounding.AwayFromZero);

        internal void Advance(double litres, double hours, double sunFraction)
        {
            DeliveredLitres += litres;
            MoisturePercent = _moisturePercent + (litres * PercentPerLitre) - (EvaporationPercentPerHour * hours * (0.2 + (0.8 * sunFraction)));
        }
    }
}
