using System;

namespace Samples.Irrigation
{
    /// <summary>A setting of <see cref="IrrigationSettings"/> is outside its allowed range; the message names both.</summary>
    public sealed class ConfigurationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="setting">The setting's name as written in code, e.g. <c>Zones[0].ProbeWetRaw</c>.</param>
        /// <param name="message">What is wrong and what is allowed.</param>
        public ConfigurationException(string setting, string message)
            : base("Invalid irrigation configuration: " + message)
        {
            Setting = setting;
        }

        /// <summary>The setting at fault, e.g. <c>Zones[0].ProbeWetRaw</c> or <c>MaxRunMinutes</c>.</summary>
        public string Setting { get; }
    }
}
