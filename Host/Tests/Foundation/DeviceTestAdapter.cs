using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using nanoFramework.TestFramework;
using VirtualBoard;

namespace HostTests.Foundation
{
    /// <summary>
    /// Runs the device test assembly (NFUnitTest) the way the nanoFramework test launcher does: per [TestClass], all
    /// [Setup] methods, then each [TestMethod] without DataRow, then each DataRow, then all [Cleanup] methods. The class
    /// is never constructed (instance methods run on an uninitialised object), so state must live in static fields.
    /// Before each class the board is powered up as the test bench (<see cref="Bench"/>). A case that leaves a register
    /// violation (a bus access outside a chip's register table) fails.
    /// </summary>
    public static class DeviceTestAdapter
    {
        private static readonly Dictionary<Type, Dictionary<string, string>> Outcomes = new Dictionary<Type, Dictionary<string, string>>();

        /// <summary>The device test assembly.</summary>
        public static Assembly DeviceTests { get; } = Assembly.Load("NFUnitTest");

        /// <summary>Every test case id, in run order: "Class.Method" or "Class.Method(row N)".</summary>
        public static IEnumerable<(Type Type, string Id)> Cases()
        {
            foreach (Type type in TestClasses())
            {
                foreach (MethodInfo method in Methods<TestMethodAttribute>(type).Where(m => !HasRows(m)))
                {
                    yield return (type, Id(type, method, -1));
                }

                foreach (MethodInfo method in Methods<TestMethodAttribute>(type).Where(HasRows))
                {
                    int rows = method.GetCustomAttributes<DataRowAttribute>().Count();
                    for (int i = 0; i < rows; i++)
                    {
                        yield return (type, Id(type, method, i));
                    }
                }
            }
        }

        /// <summary>Outcome of one case: null when it passed, otherwise the failure text.</summary>
        public static string Outcome(Type type, string id)
        {
            lock (Outcomes)
            {
                if (!Outcomes.TryGetValue(type, out Dictionary<string, string> results))
                {
                    results = RunClass(type);
                    Outcomes.Add(type, results);
                }

                return results.TryGetValue(id, out string outcome) ? outcome : $"{id} did not run.";
            }
        }

        /// <summary>Runs one test class with nanoFramework.TestFramework semantics.</summary>
        public static Dictionary<string, string> RunClass(Type type)
        {
            var results = new Dictionary<string, string>();
            object target = RuntimeHelpers.GetUninitializedObject(type);
            Bench.PowerUp();

            string setupFailure = null;
            foreach (MethodInfo setup in Methods<SetupAttribute>(type))
            {
                setupFailure ??= Invoke(target, setup, null);
            }

            foreach (MethodInfo method in Methods<TestMethodAttribute>(type).Where(m => !HasRows(m)))
            {
                results[Id(type, method, -1)] = setupFailure != null ? "Setup failed: " + setupFailure : Invoke(target, method, null);
            }

            foreach (MethodInfo method in Methods<TestMethodAttribute>(type).Where(HasRows))
            {
                DataRowAttribute[] rows = method.GetCustomAttributes<DataRowAttribute>().ToArray();
                for (int i = 0; i < rows.Length; i++)
                {
                    results[Id(type, method, i)] = setupFailure != null ? "Setup failed: " + setupFailure : Invoke(target, method, rows[i].MethodParameters);
                }
            }

            foreach (MethodInfo cleanup in Methods<CleanupAttribute>(type))
            {
                string failure = Invoke(target, cleanup, null);
                if (failure != null)
                {
                    foreach (string key in results.Keys.ToArray())
                    {
                        results[key] ??= "Cleanup failed: " + failure;
                    }
                }
            }

            return results;
        }

        public static IEnumerable<Type> TestClasses() =>
            DeviceTests.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() != null).OrderBy(t => t.FullName, StringComparer.Ordinal);

        private static string Invoke(object target, MethodInfo method, object[] arguments)
        {
            Board.RegisterViolations.TakeUnexpected();
            string failure = InvokeOnly(target, method, arguments);
            RegisterViolation[] violations = Board.RegisterViolations.TakeUnexpected().ToArray();
            return violations.Length == 0
                ? failure
                : (failure ?? string.Empty) + "Register violations (bus accesses outside a chip's register table):\n  " +
                  string.Join("\n  ", violations.Select(v => v.ToString()));
        }

        private static string InvokeOnly(object target, MethodInfo method, object[] arguments)
        {
            try
            {
                method.Invoke(method.IsStatic ? null : target, arguments);
                return null;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is SkipTestException skip)
            {
                // A skip is not a pass: on the host every device test must run.
                return "Skipped on the host: " + skip.Message;
            }
            catch (TargetInvocationException ex)
            {
                return $"{ex.InnerException.GetType().Name}: {ex.InnerException.Message}\n{ex.InnerException.StackTrace}";
            }
        }

        private static IEnumerable<MethodInfo> Methods<TAttribute>(Type type)
            where TAttribute : Attribute =>
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<TAttribute>() != null)
                .OrderBy(m => m.MetadataToken);

        private static bool HasRows(MethodInfo method) => method.GetCustomAttributes<DataRowAttribute>().Any();

        private static string Id(Type type, MethodInfo method, int row) =>
            row < 0 ? $"{type.FullName}.{method.Name}" : $"{type.FullName}.{method.Name}(row {row})";
    }
}
