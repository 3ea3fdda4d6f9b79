using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HostIrrigation
{
    /// <summary>Passes console output through and keeps a copy of every finished line.</summary>
    public sealed class LineRecorder : TextWriter
    {
        private readonly TextWriter _inner;
        private readonly StringBuilder _current = new StringBuilder();
        private readonly List<string> _lines = new List<string>();

        public LineRecorder(TextWriter inner)
        {
            _inner = inner;
        }

        public override Encoding Encoding => _inner.Encoding;

        /// <summary>The lines written so far.</summary>
        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        public override void Write(char value)
        {
            _inner.Write(value);
            lock (_lines)
            {
                if (value == '\n')
                {
                    _lines.Add(_current.ToString().TrimEnd('\r'));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public override void Flush() => _inner.Flush();
    }
}
