namespace Samples.Irrigation
{
    /// <summary>
    /// The idle leak check's sliding window: the flow with every valve closed, averaged over the last
    /// <see cref="IrrigationSettings.LeakWindowMinutes"/> of samples, so a leak that starts late in a long idle period
    /// is not diluted by the quiet time before it. Samples of any length are kept in a ring allocated once; a sample that
    /// reaches back beyond the window counts with its share inside it (its flow assumed steady). Allocates nothing after
    /// construction.
    /// </summary>
    public sealed class LeakWatch
    {
        private const double MillisecondsPerMinute = 60000.0;

        private readonly double[] _litres;
        private readonly long[] _milliseconds;
        private readonly long _windowMilliseconds;
        private int _newest = -1;
        private int _count;

        /// <summary>Creates an empty window.</summary>
        /// <param name="windowMinutes">Window length in minutes, 1 or more.</param>
        public LeakWatch(int windowMinutes)
        {
            // Samples normally come a minute apart; room for twice as many covers shorter ones in between (after a run).
            int capacity = (2 * windowMinutes) + 2;
            _litres = new double[capacity];
            _milliseconds = new long[capacity];
            _windowMilliseconds = (long)windowMinutes * 60000;
        }

        /// <summary>
        /// Adds one sample taken with every valve closed and returns the flow over the window. A sample of 0 ms adds
        /// nothing. With fewer samples than the window holds, the average is over the time they cover.
        /// </summary>
        /// <param name="litresPerMinute">The sample's flow.</param>
        /// <param name="milliseconds">The sample's length.</param>
        /// <returns>The flow over the window, in L/min.</returns>
        public double Add(double litresPerMinute, long milliseconds)
        {
            if (milliseconds > 0)
            {
                _newest = (_newest + 1) % _litres.Length;
                _litres[_newest] = litresPerMinute * milliseconds / MillisecondsPerMinute;
                _milliseconds[_newest] = milliseconds;
                if (_count < _litres.Length)
                {
                    _count++;
                }
            }

            return LitresPerMinute;
        }

        /// <summary>The flow over the window, newest samples first, in L/min (0 with no sample).</summary>
        public double LitresPerMinute
        {
            get
            {
                double litres = 0;
                long covered = 0;
                int index = _newest;
                for (int i = 0; i < _count && covered < _windowMilliseconds; i++)
                {
                    long length = _milliseconds[index];
                    long inside = length < _windowMilliseconds - covered ? length : _windowMilliseconds - covered;
                    litres += _litres[index] * inside / length;
                    covered += inside;
                    index = index == 0 ? _litres.Length - 1 : index - 1;
                }

                return covered > 0 ? litres * MillisecondsPerMinute / covered : 0;
            }
        }
    }
}
