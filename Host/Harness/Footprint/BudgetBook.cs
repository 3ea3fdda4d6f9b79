using System;
using System.Linq;
using System.Reflection;

namespace Harness.Footprint
{
    /// <summary>
    /// Reads the budget file (Tests/Memory/MemoryBudgets.cs, compiled into the host NFUnitTest) by reflection: a nested
    /// class per subject, in it a nested class per hot operation, constants in bytes; <c>Unset</c> (-1) is no figure yet.
    /// </summary>
    public sealed class BudgetBook
    {
        private const BindingFlags Constants = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;

        private readonly Type _budgets;

        public BudgetBook(Type budgets)
        {
            _budgets = budgets ?? throw new ArgumentNullException(nameof(budgets));
        }

        /// <summary>A subject-level budget (<c>InstanceBytes</c>, …), or null when absent or unset.</summary>
        public int? Get(string subject, string name) => Read(Subject(subject), name);

        /// <summary>An operation-level budget (<c>GarbageBytes</c>, …), or null when absent or unset.</summary>
        public int? Get(string subject, string operation, string name) => Read(Operation(subject, operation), name);

        /// <summary>The hot-path entry of an operation, or null when it is not marked yet.</summary>
        public string Entry(string subject, string operation)
        {
            FieldInfo field = Operation(subject, operation)?.GetField("Entry", Constants);
            string entry = field?.GetRawConstantValue() as string;
            return string.IsNullOrEmpty(entry) ? null : entry;
        }

        private Type Subject(string subject) =>
            _budgets.GetNestedTypes().FirstOrDefault(t => string.Equals(t.Name, subject, StringComparison.OrdinalIgnoreCase));

        private Type Operation(string subject, string operation) =>
            Subject(subject)?.GetNestedTypes().FirstOrDefault(t => string.Equals(t.Name, operation, StringComparison.OrdinalIgnoreCase));

        private static int? Read(Type holder, string name)
        {
            FieldInfo field = holder?.GetField(name, Constants);
            if (field == null || !field.IsLiteral || field.FieldType != typeof(int))
            {
                return null;
            }

            int value = (int)field.GetRawConstantValue();
            return value < 0 ? (int?)null : value;
        }
    }
}
