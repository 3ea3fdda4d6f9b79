namespace Samples.Irrigation
{
    /// <summary>Where the controller's log lines go: the serial console on the device, a list in host tests.</summary>
    public interface ILogSink
    {
        /// <summary>Writes one finished line.</summary>
        /// <param name="line">The line, without a line break.</param>
        void WriteLine(string line);
    }
}
