namespace Samples.Irrigation
{
    /// <summary>
    /// Builds one log line in a reused character buffer: numbers are written digit by digit, with no boxing, no
    /// <c>ToString</c> and no intermediate strings, so the only allocation per line is the finished string handed to
    /// the sink. With no sink (logging off) nothing is built and nothing is allocated.
    /// </summary>
    public sealed class LogLine
    {
        private const int Capacity = 160;

        private readonly char[] _chars = new char[Capacity];
        private readonly ILogSink _sink;
        private int _length;

        /// <summary>Creates a line builder that writes to <paramref name="sink"/>, or to nothing when it is null.</summary>
        /// <param name="sink">Where finished lines go; null turns logging off.</param>
        public LogLine(ILogSink sink)
        {
            _sink = sink;
        }

        /// <summary>Whether lines go anywhere; callers skip building a line when this is false.</summary>
        public bool Enabled => _sink != null;

        /// <summary>Appends text; what does not fit in the line is cut.</summary>
        /// <param name="text">The text.</param>
        /// <returns>This builder.</returns>
        public LogLine Append(string text)
        {
            for (int i = 0; i < text.Length && _length < Capacity; i++)
            {
                _chars[_length++] = text[i];
            }

            return this;
        }

        /// <summary>Appends a sentence (an exception message) without its final full stop, to continue the line after it.</summary>
        /// <param name="text">The text.</param>
        /// <returns>This builder.</returns>
        public LogLine AppendClause(string text)
        {
            int end = text.Length > 0 && text[text.Length - 1] == '.' ? text.Length - 1 : text.Length;
            for (int i = 0; i < end && _length < Capacity; i++)
            {
                _chars[_length++] = text[i];
            }

            return this;
        }

        /// <summary>Appends an integer in decimal.</summary>
        /// <param name="value">The number.</param>
        /// <returns>This builder.</returns>
        public LogLine Append(long value)
        {
            if (value < 0)
            {
                AppendChar('-');
                value = -value;
            }

            int digits = 1;
            for (long rest = value / 10; rest > 0; rest /= 10)
            {
                digits++;
            }

            if (_length + digits > Capacity)
            {
                return this;
            }

            _length += digits;
            for (int i = _length - 1; digits > 0; i--, digits--)
            {
                _chars[i] = (char)('0' + (int)(value % 10));
                value /= 10;
            }

            return this;
        }

        /// <summary>Appends a number rounded to a fixed number of decimals.</summary>
        /// <param name="value">The number.</param>
        /// <param name="decimals">Digits after the point, 0..3.</param>
        /// <returns>This builder.</returns>
        public LogLine AppendFixed(double value, int decimals)
        {
            if (double.IsNaN(value))
            {
                return Append("NaN");
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            bool negative = value < 0;
            long scaled = (long)((negative ? -value : value) * scale + 0.5);
            if (negative && scaled != 0)
            {
                AppendChar('-');
            }

            Append(scaled / scale);
            if (decimals > 0)
            {
                AppendChar('.');
                long fraction = scaled % scale;
                for (long digit = scale / 10; digit > 0; digit /= 10)
                {
                    AppendChar((char)('0' + (int)(fraction / digit % 10)));
                }
            }

            return this;
        }

        /// <summary>Appends a time of day as hh:mm:ss.</summary>
        /// <param name="milliseconds">Milliseconds since midnight (wrapped into 0..24 h).</param>
        /// <returns>This builder.</returns>
        public LogLine AppendTimeOfDay(long milliseconds)
        {
            long seconds = (milliseconds / 1000) % 86400;
            if (seconds < 0)
            {
                seconds += 86400;
            }

            AppendTwoDigits(seconds / 3600).AppendChar(':');
            AppendTwoDigits(seconds / 60 % 60).AppendChar(':');
            return AppendTwoDigits(seconds % 60);
        }

        private LogLine AppendTwoDigits(long value)
        {
            AppendChar((char)('0' + (int)(value / 10 % 10)));
            return AppendChar((char)('0' + (int)(value % 10)));
        }

        /// <summary>Appends one character.</summary>
        /// <param name="value">The character.</param>
        /// <returns>This builder.</returns>
        public LogLine AppendChar(char value)
        {
            if (_length < Capacity)
            {
                _chars[_length++] = value;
            }

            return this;
        }

        /// <summary>Hands the finished line to the sink (one string allocation) and starts an empty one.</summary>
        public void Emit()
        {
            if (_sink != null)
            {
                _sink.WriteLine(new string(_chars, 0, _length));
            }

            _length = 0;
        }
    }
}
