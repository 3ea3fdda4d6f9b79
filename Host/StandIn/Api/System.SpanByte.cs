namespace System
{
    /// <summary>Stand-in of nanoFramework 1.x <c>System.SpanByte</c>: a bytes-only span over a managed array.</summary>
    [Serializable, CLSCompliant(false)]
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(start));
                }
            }
            else if (start < 0 || length < 0 || start + length > array.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            _array = array;
            _start = start;
            _length = length;
        }

        public byte this[int index]
        {
            // As on the device: an index at or past Length throws ArgumentOutOfRangeException; a negative one is not checked.
            get
            {
                if (index >= _length) throw new ArgumentOutOfRangeException(nameof(index));
                return _array[_start + index];
            }
            set
            {
                if (index >= _length) throw new ArgumentOutOfRangeException(nameof(index));
                _array[_start + index] = value;
            }
        }

        public static SpanByte Empty => default;

        public int Length => _length;

        public bool IsEmpty => _length == 0;

        public void CopyTo(SpanByte destination)
        {
            if (destination._length < _length) throw new ArgumentException(nameof(destination));
            if (_length > 0) Array.Copy(_array, _start, destination._array, destination._start, _length);
        }

        public SpanByte Slice(int start) => Slice(start, _length - start);

        public SpanByte Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > _length) throw new ArgumentOutOfRangeException(nameof(start));
            return new SpanByte(_array, _start + start, length);
        }

        public byte[] ToArray()
        {
            var copy = new byte[_length];
            if (_length > 0) Array.Copy(_array, _start, copy, 0, _length);
            return copy;
        }

        public static implicit operator SpanByte(byte[] array) => new SpanByte(array);

        // Host-only access for the virtual board (internal: not part of the device API).
        internal byte[] HostArray => _array;
        internal int HostStart => _start;
    }
}
