using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Harness.HeapModel;
using Harness.Il;
using VirtualBoard;

namespace Harness.Footprint
{
    /// <summary>Measures registered subjects on the virtual board and builds the report data.</summary>
    public static class FootprintRunner
    {
        /// <summary>Every <see cref="IFootprintSubject"/> implemented in the given assemblies, ordered by name.</summary>
        public static IReadOnlyList<IFootprintSubject> Discover(params Assembly[] assemblies) =>
            assemblies.SelectMany(a => a.GetTypes())
                .Where(t => typeof(IFootprintSubject).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (IFootprintSubject)Activator.CreateInstance(t))
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ToList();

        /// <summary>Measures one subject: load RAM, static and instance bytes, and per operation the log, host bytes and garbage.</summary>
        public static DriverFootprint Measure(IFootprintSubject subject, BudgetBook budgets)
        {
            var result = new DriverFootprint { Name = subject.Name };
            Assembly assembly = subject.DeviceAssembly;

            AssemblyLoadEstimate load = AssemblyLoadModel.FromAssembly(assembly);
            result.AssemblyLoadBytes = load.TotalBytes;

            HeapReport statics = HeapWalker.Measure(HeapWalker.StaticRoots(assembly), null);
            result.StaticBytes = statics.TotalBytes;
            result.Issues.AddRange(statics.LeftOut.Select(l => $"static: {l}"));

            object root = subject.Construct();
            try
            {
                HeapReport instance = HeapWalker.Measure(subject.Name, root);
                result.InstanceBytes = instance.TotalBytes;
                result.Issues.AddRange(instance.LeftOut.Select(l => $"instance: {l}"));
                Type[] liveTypes = instance.Reached.Select(o => o.GetType()).Distinct().ToArray();

                foreach (string operation in subject.Operations)
                {
                    result.Operations.Add(MeasureOperation(subject, root, operation, budgets, result.Issues, liveTypes));
                }
            }
            finally
            {
                (root as IDisposable)?.Dispose();
            }

            CheckBudgets(result, budgets);
            return result;
        }

        private static OperationFootprint MeasureOperation(
            IFootprintSubject subject, object root, string operation, BudgetBook budgets, List<string> issues, IReadOnlyCollection<Type> liveTypes)
        {
            // Warm up once: first calls may initialise the runtime or the driver.
            subject.Run(root, operation);
            Board.Events.WaitUntilIdle();

            Board.I2cLog.Clear();
            long edgesBefore = Board.Events.Delivered;
            long pulseCounterReadsBefore = Board.PulseCounterReads;
            long handlerBefore = Board.Events.HandlerAllocatedBytes;
            Action run = () => subject.Run(root, operation);
            long hostBytes = AllocationLedger.DriverBytes(run);
            Board.Events.WaitUntilIdle();
            hostBytes += Board.Events.HandlerAllocatedBytes - handlerBefore;
            IReadOnlyList<I2cTransaction> log = Board.I2cLog.Entries;
            long edges = Board.Events.Delivered - edgesBefore;
            long pulseCounterReads = Board.PulseCounterReads - pulseCounterReadsBefore;

            LintResult lint = null;
            string entry = budgets?.Entry(subject.Name, operation);
            if (entry == null)
            {
                issues.Add($"{operation}: no hot-path entry in the budget file, so the driver's own garbage is not linted");
            }
            else
            {
                // An interface call is followed into the implementations the constructed driver holds (its pulse source).
                lint = HotPathLint.Run(subject.DeviceAssembly, entry, liveTypes);
                issues.AddRange(lint.Findings.Select(f => $"{operation}: {f}"));
            }

            OperationGarbage garbage = OperationGarbage.FromLog(log, edges, lint?.Bytes ?? 0, pulseCounterReads);
            return new OperationFootprint
            {
                Name = operation,
                Transfers = garbage.Transfers,
                WireBytes = garbage.WireBytes,
                HostBytes = hostBytes,
                PlatformBytes = garbage.PlatformBytes,
                LintBytes = lint?.Bytes,
                GarbageBytes = lint == null ? (int?)null : garbage.TotalBytes,
                LintFindings = lint?.Findings.Select(f => f.ToString()).ToList() ?? new List<string>(),
            };
        }

        private static void CheckBudgets(DriverFootprint result, BudgetBook budgets)
        {
            if (budgets == null)
            {
                return;
            }

            Over(result, "assembly load", result.AssemblyLoadBytes, budgets.Get(result.Name, "AssemblyLoadBytes"));
            Over(result, "instance", result.InstanceBytes, budgets.Get(result.Name, "InstanceBytes"));
            Over(result, "static", result.StaticBytes, budgets.Get(result.Name, "StaticBytes"));
            foreach (OperationFootprint operation in result.Operations)
            {
                Over(result, operation.Name + " transfers", operation.Transfers, budgets.Get(result.Name, operation.Name, "Transfers"), string.Empty);
                Over(result, operation.Name + " garbage", operation.GarbageBytes, budgets.Get(result.Name, operation.Name, "GarbageBytes"));
                Over(result, operation.Name + " host bytes", (int?)operation.HostBytes, budgets.Get(result.Name, operation.Name, "HostBytes"));
            }
        }

        private static void Over(DriverFootprint result, string what, int? measured, int? budget, string unit = " B")
        {
            if (budget == null)
            {
                result.Issues.Add($"{what}: no budget set yet");
            }
            else if (measured > budget)
            {
                result.Issues.Add($"{what}: {measured}{unit} is over its budget of {budget}{unit}");
            }
        }
    }
}
