using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Harness.Compatibility;
using Harness.Footprint;
using Harness.HeapModel;
using Harness.Il;
using HostTests.Foundation;
using NFUnitTest.Memory;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The budget file and the lint over the real device assemblies: every hot operation marked in Tests/Memory/MemoryBudgets.cs
    /// resolves to a method and its hot path is at the platform floor (the lint finds nothing of the driver's own).
    /// </summary>
    public class BudgetFileTests
    {
        public static IEnumerable<object[]> MarkedOperations() =>
            typeof(MemoryBudgets).GetNestedTypes()
                .SelectMany(subject => subject.GetNestedTypes().Select(op => (Subject: subject, Operation: op)))
                .Select(p => (p.Subject.Name, p.Operation.Name, Entry: (string)p.Operation.GetField("Entry")?.GetRawConstantValue()))
                .Where(p => !string.IsNullOrEmpty(p.Entry))
                .Select(p => new object[] { p.Item1, p.Item2, p.Entry });

        [Theory]
        [MemberData(nameof(MarkedOperations))]
        public void HotOperation_MarkedEntry_IsAtThePlatformFloor(string subject, string operation, string entry)
        {
            Assembly assembly = HeapPolicy.LoadedDeviceAssemblies().Concat(DeviceAssemblies())
                .FirstOrDefault(a => entry.StartsWith(a.GetName().Name + ".", StringComparison.OrdinalIgnoreCase) || a.GetType(entry.Substring(0, entry.LastIndexOf('.')), false) != null);
            Assert.True(assembly != null, $"{subject}.{operation}: no device assembly defines {entry}");

            LintResult lint = HotPathLint.Run(assembly, entry);
            LintFinding[] unknown = lint.Findings.ToArray();

            Assert.True(unknown.Length == 0, $"{subject}.{operation} leaves garbage of its own:\n" + string.Join("\n", unknown));
        }

        [Fact]
        public void BudgetFile_TheExampleIsMarked()
        {
            Assert.Contains(MarkedOperations(), row => (string)row[2] == MemoryBudgets.Example.Sample.Entry);
        }

        [Fact]
        public void BudgetBook_ReadsTheBudgetFile()
        {
            var book = new BudgetBook(typeof(MemoryBudgets));

            Assert.Equal(72, book.Get("example", "InstanceBytes"));
            Assert.Equal(MemoryBudgets.Example.Sample.Entry, book.Entry("Example", "Sample"));
            Assert.Equal(MemoryBudgets.Vl6180X.InstanceBytes, book.Get("VL6180X", "InstanceBytes"));
            Assert.Equal(0, book.Get("VL6180X", "ReadRange", "HostBytes"));
            Assert.Equal("Drivers.VL6180X.Vl6180X.ReadRangeMillimeters", book.Entry("VL6180X", "ReadRange"));
            Assert.Equal(MemoryBudgets.IrrigationController.InstanceBytes, book.Get("IrrigationController", "InstanceBytes"));
            Assert.Null(book.Entry("IrrigationController", "SchedulePass"));
            Assert.Null(book.Get("IrrigationController", "SchedulePass", "GarbageBytes"));
        }

        [Fact]
        public void DeviceAssemblyMap_AgreesWithTheApiListings()
        {
            string listings = ApiListings.ForRepository(RepoPaths.Root).Directory;
            var wrong = new List<string>();
            foreach (string file in Directory.GetFiles(listings, "*.txt"))
            {
                string[] lines = File.ReadAllLines(file);
                string assembly = lines[0].TrimStart('#', ' ').Split(' ')[0];
                foreach (string type in lines.Where(l => l.StartsWith("T:", StringComparison.Ordinal)).Select(l => l.Substring(2)))
                {
                    int dot = type.LastIndexOf('.');
                    string mapped = DeviceAssemblyMap.For(type.Substring(0, dot), type.Substring(dot + 1));
                    if (mapped != assembly)
                    {
                        wrong.Add($"{type}: {mapped}, listed in {assembly}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        private static IEnumerable<Assembly> DeviceAssemblies() =>
            new[] { "NFUnitTest", "Drivers.VL6180X", "Drivers.Mcp23008", "Drivers.FlowMeter", "Samples.Irrigation" }.Select(Assembly.Load);

    }
}
