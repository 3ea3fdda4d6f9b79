using System;
using System.Collections;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace TestFrameworkShared
{
    /// <summary>Thrown when an assertion fails.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException()
        {
        }

        public AssertFailedException(string message)
            : base(message)
        {
        }

        public AssertFailedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) => testMethodAttribute;
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException(nameof(methodParameters));
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException(nameof(methodParameters));
            }

            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }

    public static class Helper
    {
        public static bool RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            foreach (object attribute in attribs)
            {
                if (attribute is DataRowAttribute)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public static class OutputHelper
    {
        public static void Write(string message) => Console.Write(message);

        public static void WriteLine(string message) => Console.WriteLine(message);
    }

    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return a == b;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!Equals(a.GetValue(i), b.GetValue(i)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, [CallerArgumentExpression("collection")] string message = "") => Assert.Empty(collection, message);

        public static void NotEmpty(ICollection collection, [CallerArgumentExpression("collection")] string message = "") => Assert.NotEmpty(collection, message);

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!Assert.SameElements(expected, actual))
            {
                Assert.Fail("CollectionAssert.AreEqual", "Collections differ.", message);
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Assert.SameElements(notExpected, actual))
            {
                Assert.Fail("CollectionAssert.AreNotEqual", "Collections are equal.", message);
            }
        }
    }

    /// <summary>Assertions with nanoFramework.TestFramework semantics: exact equality, exact exception types.</summary>
    public sealed partial class Assert
    {
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition) Fail("Assert.IsTrue", "Expected true.", message);
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition) Fail("Assert.IsFalse", "Expected false.", message);
        }

        public static void True(bool condition, [CallerArgumentExpression("condition")] string message = "") => IsTrue(condition, message);

        public static void False(bool condition, [CallerArgumentExpression("condition")] string message = "") => IsFalse(condition, message);

        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null) Fail("Assert.IsNull", "Expected null.", message);
        }

        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null) Fail("Assert.IsNotNull", "Expected not null.", message);
        }

        public static void Null(object value, [CallerArgumentExpression("value")] string message = "") => IsNull(value, message);

        public static void NotNull(object value, [CallerArgumentExpression("value")] string message = "") => IsNotNull(value, message);

        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!ReferenceEquals(expected, actual)) Fail("Assert.AreSame", "Not the same object.", message);
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(notExpected, actual)) Fail("Assert.AreNotSame", "The same object.", message);
        }

        public static void Same(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => AreSame(expected, actual, message);

        public static void NotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => AreNotSame(notExpected, actual, message);

        public static void IsInstanceOfType(object value, Type expectedType, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || value.GetType() != expectedType) Fail("Assert.IsInstanceOfType", $"Expected type:<{expectedType}>. Actual type:<{value?.GetType()}>.", message);
        }

        public static void IsNotInstanceOfType(object value, Type wrongType, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && value.GetType() == wrongType) Fail("Assert.IsNotInstanceOfType", $"Wrong type:<{wrongType}>.", message);
        }

        public static void IsType(Type expectedType, object value, [CallerArgumentExpression("value")] string message = "") => IsInstanceOfType(value, expectedType, message);

        public static void IsNotType(Type wrongType, object value, [CallerArgumentExpression("value")] string message = "") => IsNotInstanceOfType(value, wrongType, message);

        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || value.IndexOf(expected, StringComparison.Ordinal) < 0) Fail("Assert.Contains", $"<{expected}> not found in <{value}>.", message);
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && notExpected != null && value.IndexOf(notExpected, StringComparison.Ordinal) >= 0) Fail("Assert.DoesNotContains", $"<{notExpected}> found in <{value}>.", message);
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.StartsWith(expected, StringComparison.Ordinal)) Fail("Assert.StartsWith", $"<{value}> does not start with <{expected}>.", message);
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.EndsWith(expected, StringComparison.Ordinal)) Fail("Assert.EndsWith", $"<{value}> does not end with <{expected}>.", message);
        }

        public static void Empty(ICollection collection, [CallerArgumentExpression("collection")] string message = "")
        {
            if (collection == null || collection.Count != 0) Fail("Assert.Empty", "Collection is not empty.", message);
        }

        public static void NotEmpty(ICollection collection, [CallerArgumentExpression("collection")] string message = "")
        {
            if (collection == null || collection.Count == 0) Fail("Assert.NotEmpty", "Collection is empty.", message);
        }

        /// <summary>Passes only if <paramref name="action"/> throws exactly <paramref name="exception"/> (a derived type fails).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }

                Fail("Assert.ThrowsException", $"Expected exception:<{exception}>. Actual exception:<{ex.GetType()}: {ex.Message}>.", message);
            }

            Fail("Assert.ThrowsException", $"Expected exception:<{exception}>. No exception was thrown.", message);
        }

        public static void Throws(Type exception, Action action, [CallerArgumentExpression("action")] string message = "") => ThrowsException(exception, action, message);

        public static void SkipTest(string message = null) => throw new SkipTestException(message);

        internal static bool SameElements(ICollection a, ICollection b)
        {
            if (a == null || b == null) return a == b;
            if (a.Count != b.Count) return false;
            IEnumerator ea = a.GetEnumerator(), eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!Equals(ea.Current, eb.Current)) return false;
            }

            return true;
        }

        internal static void Fail(string assertion, string detail, string message)
        {
            throw new AssertFailedException($"{assertion} failed. {detail} {message}".TrimEnd());
        }

        private static void CheckEqual(string name, object expected, object actual, string message)
        {
            if (!Equals(expected, actual)) Fail("Assert." + name, $"Expected:<{expected}>. Actual:<{actual}>.", message);
        }

        private static void CheckNotEqual(string name, object notExpected, object actual, string message)
        {
            if (Equals(notExpected, actual)) Fail("Assert." + name, $"Expected any value except:<{notExpected}>. Actual:<{actual}>.", message);
        }

        private static void CheckEqualArrays(string name, Array expected, Array actual, string message)
        {
            if (!expected.SequenceEqual(actual)) Fail("Assert." + name, "Arrays differ.", message);
        }

        private static void CheckNotEqualArrays(string name, Array notExpected, Array actual, string message)
        {
            if (notExpected.SequenceEqual(actual)) Fail("Assert." + name, "Arrays are equal.", message);
        }
    }
}
