using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using HostTests.Foundation;
using Simulators;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>
    /// The device test classes share one physical bench, powered up once: each class must leave the chips as it found
    /// them (power-on state, or what its own Setup sets), or the result depends on the order. Here every class runs on one
    /// bench without a power-up between classes, in the launcher's order and in reverse, and after each class the chips'
    /// configuration registers must be what they were before it: the VL6180X's range scaling, part-to-part offset, valid
    /// height, range-check enables and I2C address (registers a driver open never rewrites), every MCP23008 configuration
    /// register and its output latch.
    /// </summary>
    public class DeviceTestOrderTests
    {
        private static readonly int[] Vl6180XWatched = { 0x96, 0x97, 0x24, 0x21, 0x2D, 0x212 };

        private static readonly int[] Mcp23008Watched =
        {
            Mcp23008Simulator.IODIR, Mcp23008Simulator.IPOL, Mcp23008Simulator.GPINTEN, Mcp23008Simulator.DEFVAL,
            Mcp23008Simulator.INTCON, Mcp23008Simulator.IOCON, Mcp23008Simulator.GPPU, Mcp23008Simulator.OLAT,
        };

        [Fact]
        public void AllClasses_OnOneBench_InTheLaunchersOrder_PassAndLeaveTheChipsAsFound() =>
            AssertIndependent(DeviceTestAdapter.TestClasses().ToList());

        [Fact]
        public void AllClasses_OnOneBench_InReverseOrder_PassAndLeaveTheChipsAsFound() =>
            AssertIndependent(DeviceTestAdapter.TestClasses().Reverse().ToList());

        private static void AssertIndependent(IReadOnlyList<Type> order)
        {
            lock (typeof(DeviceTestAdapter))
            {
                Bench.PowerUp();
                var failures = new List<string>();
                foreach (Type type in order)
                {
                    Dictionary<string, int> before = ChipState();
                    failures.AddRange(DeviceTestAdapter.RunClass(type, powerUp: false).Where(r => r.Value != null).Select(r => $"{r.Key}: {r.Value.Split('\n')[0]}"));
                    Dictionary<string, int> after = ChipState();
                    failures.AddRange(before.Where(b => !after.TryGetValue(b.Key, out int a) || a != b.Value)
                        .Select(b => $"{type.Name} left {b.Key} at {(after.TryGetValue(b.Key, out int a) ? $"0x{a:X2}" : "absent")} (found 0x{b.Value:X2})"));
                }

                Assert.True(failures.Count == 0, $"{failures.Count} failures in the order {string.Join(", ", order.Select(t => t.Name))}:\n" + string.Join("\n", failures));
            }
        }

        // The watched registers of every chip attached to the bench's I2C buses, by chip, address and register.
        private static Dictionary<string, int> ChipState()
        {
            var state = new Dictionary<string, int>();
            FieldInfo targets = typeof(I2cBus).GetField("_targets", BindingFlags.NonPublic | BindingFlags.Instance);
            for (int bus = 1; bus <= 2; bus++)
            {
                var attached = (Dictionary<int, II2cTarget>)targets.GetValue(Board.I2cBus(bus));
                foreach (KeyValuePair<int, II2cTarget> entry in attached.ToList())
                {
                    (RegisterMap map, int[] watched) = entry.Value switch
                    {
                        Vl6180XSimulator vl => (vl.Registers, Vl6180XWatched),
                        Mcp23008Simulator mcp => (mcp.Registers, Mcp23008Watched),
                        _ => (null, new int[0]),
                    };
                    foreach (int register in watched.Where(r => map.IsDeclared(r)))
                    {
                        state[$"{entry.Value.GetType().Name.Replace("Simulator", string.Empty)} on I2C{bus} register 0x{register:X2}"] = map[register].Value;
                    }
                }
            }

            return state;
        }
    }
}
