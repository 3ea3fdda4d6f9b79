// AreEqual / AreNotEqual / Equal / NotEqual overloads, generated from the nanoFramework.TestFramework 3.0.77 API listing.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("AreEqual", expected, actual, message);
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("AreNotEqual", notExpected, actual, message);
        public static void Equal(Array expected, Array actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqualArrays("Equal", expected, actual, message);
        public static void Equal(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void Equal(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => CheckEqual("Equal", expected, actual, message);
        public static void NotEqual(Array notExpected, Array actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqualArrays("NotEqual", notExpected, actual, message);
        public static void NotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
        public static void NotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => CheckNotEqual("NotEqual", notExpected, actual, message);
    }
}
