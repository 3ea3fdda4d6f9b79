using System;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// A tiny object shaped like a driver, used to prove the memory-test pattern: a buffer allocated once in the
    /// constructor, a counter, and a hot operation that allocates nothing. 12·(1 + 2) + byte[8] 36 = 72 bytes on nanoCLR.
    /// </summary>
    public sealed class ExampleSensor : IDisposable
    {
        private byte[] _buffer;
        private int _samples;

        /// <summary>Creates the sensor and its 8-byte buffer.</summary>
        public ExampleSensor()
        {
            _buffer = new byte[8];
        }

        /// <summary>Samples taken so far.</summary>
        public int Samples
        {
            get { return _samples; }
        }

        /// <summary>Takes one sample into the buffer.</summary>
        /// <exception cref="ObjectDisposedException">The sensor has been disposed.</exception>
        public void Sample()
        {
            if (_buffer == null)
            {
                throw new ObjectDisposedException(nameof(ExampleSensor));
            }

            _buffer[_samples & 7] = (byte)_samples;
            _samples++;
        }

        /// <summary>Releases the buffer.</summary>
        public void Dispose()
        {
            _buffer = null;
        }
    }
}
