using System.Collections.Generic;
using System.Linq;
using Samples.Irrigation;

namespace HostTests.Irrigation
{
    /// <summary>Keeps every log line of the firmware.</summary>
    internal sealed class ListLogSink : ILogSink
    {
        private readonly List<string> _lines = new List<string>();

        public IReadOnlyList<string> Lines => _lines;

        public string Text => string.Join("\n", _lines);

        public void WriteLine(string line) => _lines.Add(line);

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
