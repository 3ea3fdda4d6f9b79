// The field-layout types below are only sized by the heap model, never written: CS0649 says nothing useful here.
#pragma warning disable CS0649
using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Harness.HeapModel;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The heap model against the sizes measured on a real 32-bit nanoCLR (nanoclr-heap.md §3): every figure exactly.
    /// </summary>
    public class HeapModelCalibrationTests
    {
        [Fact]
        public void Object_Measured12() => Assert.Equal(12, Bytes(new object()));

        [Fact]
        public void ClassWithNoFields_Measured12() => Assert.Equal(12, Bytes(new NoFields()));

        [Fact]
        public void ClassWithOneIntLongDouble_Measured24Each()
        {
            Assert.Equal(24, Bytes(new OneInt()));
            Assert.Equal(24, Bytes(new OneLong()));
            Assert.Equal(24, Bytes(new OneDouble()));
        }

        [Fact]
        public void ClassWith2_3_8Ints_Measured36_48_108()
        {
            Assert.Equal(36, Bytes(new TwoInts()));
            Assert.Equal(48, Bytes(new ThreeInts()));
            Assert.Equal(108, Bytes(new EightInts()));
        }

        [Fact]
        public void ClassWithTwoObjectReferences_Measured36() => Assert.Equal(36, Bytes(new TwoReferences()));

        [Fact]
        public void DerivedClass_TwoInheritedOneOwnInt_Measured48() => Assert.Equal(48, Bytes(new Derived()));

        [Fact]
        public void BoxedInt_Measured24() => Assert.Equal(24, Bytes((object)12345));

        [Fact]
        public void BoxedStructOfThreeInts_Measured48() => Assert.Equal(48, Bytes((object)new ThreeIntStruct()));

        [Theory]
        [InlineData(0, 24)]
        [InlineData(1, 24)]
        [InlineData(8, 36)]
        [InlineData(9, 36)]
        [InlineData(100, 120)]
        [InlineData(1000, 1020)]
        public void ByteArray_MeasuredSizes(int length, int expected) => Assert.Equal(expected, Bytes(new byte[length]));

        [Fact]
        public void ArraysOfTen_Int60_Long108_Char48_Object144()
        {
            Assert.Equal(60, Bytes(new int[10]));
            Assert.Equal(108, Bytes(new long[10]));
            Assert.Equal(48, Bytes(new char[10]));
            Assert.Equal(144, Bytes(new object[10]));
        }

        [Theory]
        [InlineData(0, 24)]
        [InlineData(1, 24)]
        [InlineData(10, 24)]
        [InlineData(11, 24)]
        [InlineData(100, 120)]
        public void AsciiString_MeasuredSizes(int length, int expected) => Assert.Equal(expected, Bytes(new string('a', length)));

        [Fact]
        public void StringOfTenEAcute_TwentyUtf8Bytes_Measured36() => Assert.Equal(36, Bytes(new string('é', 10)));

        [Fact]
        public void IntToString_Measured24() => Assert.Equal(24, Bytes(12345.ToString()));

        [Fact]
        public void DelegateToStaticAndInstanceMethod_Measured36()
        {
            var target = new NoFields();
            Action toStatic = NoFields.Static;
            Action toInstance = target.Instance;

            Assert.Equal(36, Bytes(toStatic));
            Assert.Equal(36, Measure(toInstance, existing: target).TotalBytes);
            Assert.Equal(36 + 12, Bytes(toInstance));
        }

        [Fact]
        public void MulticastDelegate_ListPlusEachDelegate()
        {
            Action both = (Action)Delegate.Combine((Action)NoFields.Static, (Action)NoFields.Other);

            // List of 2: ceil((24 + 24) / 12) blocks = 48, plus two delegates of 36.
            Assert.Equal(48 + 36 + 36, Bytes(both));
        }

        [Fact]
        public void ArrayList_Measured120() => Assert.Equal(120, Bytes(new ArrayList()));

        [Fact]
        public void ObjectWithFinalizer_Plus24() => Assert.Equal(12 + 24, Bytes(new WithFinalizer()));

        [Fact]
        public void StructField_IsASeparateObject()
        {
            // Slot 12 + header 12, plus the struct object 12·(1 + 2) = 36.
            Assert.Equal(24 + 36, Bytes(new HoldsStruct()));
        }

        [Fact]
        public void SharedObject_IsCountedOnce()
        {
            var shared = new byte[9];
            var holder = new TwoReferences { A = shared, B = shared };

            Assert.Equal(36 + 36, Bytes(holder));
        }

        [Fact]
        public void StaticFields_TwelveEachPlusWhatTheyReference()
        {
            byte[] image = TestCompiler.Compile(@"
                public static class Table
                {
                    public static readonly byte[] Lookup = new byte[16];
                    public static int Counter;
                    public const int Free = 5;
                }");
            Assembly probe = Assembly.Load(image);

            AssemblyLoadEstimate load = AssemblyLoadModel.FromImage(image);
            HeapReport referenced = HeapWalker.Measure(HeapWalker.StaticRoots(probe), null);

            // Two static fields (the const is not one): 12 each in the assembly record; the byte[16] they reference: 36.
            Assert.Equal(2, load.Counts.StaticFields);
            Assert.Equal(36, referenced.TotalBytes);
            Assert.Equal(12 + 12 + 36, NanoClr.StaticField * load.Counts.StaticFields + referenced.TotalBytes);
        }

        [Fact]
        public void HostOnlyObjects_AreLeftOutAndListed()
        {
            var holder = new TwoReferences { A = VirtualBoard.Board.Clock, B = new byte[1] };

            HeapReport report = HeapWalker.Measure("holder", holder);

            Assert.Equal(36 + 24, report.TotalBytes);
            Assert.Contains(report.LeftOut, l => l.Path == "holder.A" && l.Reason.StartsWith("host-only", StringComparison.Ordinal));
        }

        private static int Bytes(object root) => Measure(root).TotalBytes;

        private static HeapReport Measure(object root, object existing = null)
        {
            HeapReport report = HeapWalker.Measure(new[] { new HeapRoot("root", root) },
                existing == null ? null : new System.Collections.Generic.HashSet<object>(new[] { existing }, System.Collections.Generic.ReferenceEqualityComparer.Instance));
            Assert.Empty(report.LeftOut);
            return report;
        }

        private sealed class NoFields
        {
            public static void Static()
            {
            }

            public static void Other()
            {
            }

            public void Instance()
            {
            }
        }

        private sealed class OneInt
        {
            public int A;
        }

        private sealed class OneLong
        {
            public long A;
        }

        private sealed class OneDouble
        {
            public double A;
        }

        private class TwoInts
        {
            public int A;
            public int B;
        }

        private sealed class ThreeInts
        {
            public int A;
            public int B;
            public int C;
        }

        private sealed class EightInts
        {
            public int A, B, C, D, E, F, G, H;
        }

        private sealed class Derived : TwoInts
        {
            public int C;
        }

        private sealed class TwoReferences
        {
            public object A;
            public object B;
        }

        private struct ThreeIntStruct
        {
            public int A;
            public int B;
            public int C;
        }

        private struct TwoIntStruct
        {
            public int A;
            public int B;
        }

        private sealed class HoldsStruct
        {
            public TwoIntStruct Value;
        }

        private sealed class WithFinalizer
        {
            ~WithFinalizer()
            {
            }
        }
    }
}
