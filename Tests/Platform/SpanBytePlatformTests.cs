using System;
using nanoFramework.TestFramework;

namespace NFUnitTest.Platform
{
    /// <summary>
    /// Facts about nanoFramework 1.x <c>SpanByte</c> that the drivers rely on. They run on the ESP32 and on the host
    /// stand-in alike, so they also hold the stand-in to the device's behaviour.
    /// </summary>
    [TestClass]
    public class SpanBytePlatformTests
    {
        [TestMethod]
        public void Slice_WithinBounds_SharesTheArray()
        {
            byte[] array = new byte[] { 1, 2, 3, 4 };
            SpanByte span = new SpanByte(array, 1, 3);

            span.Slice(1)[0] = 9;

            Assert.AreEqual((byte)9, array[2]);
            Assert.AreEqual(2, span.Slice(1).Length);
        }

        [TestMethod]
        public void Indexer_AtLength_ThrowsArgumentOutOfRange()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () =>
            {
                SpanByte span = new byte[2];
                span[2] = 0;
            });
        }

        [TestMethod]
        public void Constructor_RangePastTheArray_ThrowsArgumentOutOfRange()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SpanByte(new byte[2], 1, 2));
        }

        [TestMethod]
        public void CopyTo_ShorterDestination_ThrowsArgumentException()
        {
            Assert.ThrowsException(typeof(ArgumentException), () =>
            {
                SpanByte source = new byte[3];
                source.CopyTo(new byte[2]);
            });
        }

        [TestMethod]
        public void ImplicitConversion_NullArray_GivesAnEmptySpan()
        {
            byte[] none = null;
            SpanByte span = none;

            Assert.IsTrue(span.IsEmpty);
            Assert.AreEqual(0, span.ToArray().Length);
        }

        [TestMethod]
        [DataRow(0, 4)]
        [DataRow(2, 2)]
        [DataRow(4, 0)]
        public void Slice_FromStart_LeavesTheRest(int start, int expectedLength)
        {
            SpanByte span = new byte[4];

            Assert.AreEqual(expectedLength, span.Slice(start).Length);
        }
    }
}
