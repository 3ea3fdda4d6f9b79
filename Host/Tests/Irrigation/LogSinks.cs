using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Samples.Irrigation;

namespace HostTests.Irrigation
{
    /// <summary>
    /// Keeps every log line of the firmware: <see cref="RawLines"/> as written, <see cref="Lines"/> without the time of
    /// day that schedule lines start with ("[07:30:00] "), so assertions can name the text.
    /// </summary>
    internal sealed class ListLogSink : ILogSink
    {
        private static readonly Regex TimeOfDay = new Regex(@"^\[\d\d:\d\d:\d\d\] ");
        private readonly List<string> _lines = new List<string>();
        private readonly List<string> _raw = new List<string>();

        public IReadOnlyList<string> Lines => _lines;

        public IReadOnlyList<string> RawLines => _raw;

        public string Text => string.Join("\n", _lines);

        public void WriteLine(string line)
        {
            _raw.Add(line);
            _lines.Add(TimeOfDay.Replace(line, string.Empty));
        }

        public string[] StartingWith(string prefix) => _lines.Where(l => l.StartsWith(prefix, System.StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Counts log lines and their characters without allocating, for exact allocation measurements.</summary>
    internal sealed class CountingLogSink : ILogSink
    {
        private readonly long[] _lengthHistogram = new long[512];

        public int Lines { get; private set; }

        /// <summary>How many lines had each length.</summary>
        public long[] LengthHistogram => _lengthHistogram;

        public void WriteLine(string line)
        {
            Lines++;
            _lengthHistogram[line.Length]++;
        }
    }
}
