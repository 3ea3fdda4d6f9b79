using System;

namespace Samples.Irrigation
{
    /// <summary>Writes log lines to the console (the device's debug/serial output).</summary>
    public sealed class ConsoleLogSink : ILogSink
    {
        /// <inheritdoc />
        public void WriteLine(string line)
        {
            Console.WriteLine(line);
        }
    }
}
