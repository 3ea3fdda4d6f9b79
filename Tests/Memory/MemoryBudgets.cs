namespace NFUnitTest.Memory
{
    /// <summary>
    /// Every memory budget of the project, in bytes, for the device tests and the host tests alike (constants cost nothing
    /// on nanoFramework: they are inlined and not loaded). A budget is at most about 25 % above the figure measured by the
    /// footprint report (<c>dotnet run --project Host/Footprint</c>); to change one, run the report, set the new figure here
    /// and say why in the commit.
    /// <list type="bullet">
    /// <item>Per subject: <c>AssemblyLoadBytes</c> (nanoCLR RAM reserved when the assembly loads), <c>InstanceBytes</c>
    /// (what a constructed instance retains, its I2cDevice or pins included), <c>StaticBytes</c> (what static constructors
    /// keep).</item>
    /// <item>Per hot operation (a nested class named as in the MicroPython measurement): <c>Entry</c>, the method the hot
    /// path starts from (<c>Namespace.Type.Method</c>, every overload; the IL lint follows its calls inside the assembly);
    /// <c>Transfers</c>, I2C transfers per call; <c>GarbageBytes</c>, the modelled nanoCLR garbage per call, which is the
    /// platform floor for those transfers (the driver adds nothing of its own); <c>HostBytes</c>, .NET bytes the driver
    /// allocates per call on the host: 0; <c>RetainedBytes</c>, growth of retained memory over many calls: 0.</item>
    /// </list>
    /// <see cref="Unset"/> marks a figure not measured yet: a test that reads it fails.
    /// </summary>
    public static class MemoryBudgets
    {
        /// <summary>A budget that has not been set from a measurement yet.</summary>
        public const int Unset = -1;

        /// <summary>The example of the memory-test pattern (<see cref="ExampleSensor"/>): budgets equal the exact figures.</summary>
        public static class Example
        {
            /// <summary>12·(1 + 2 fields) + byte[8] (36).</summary>
            public const int InstanceBytes = 72;

            public static class Sample
            {
                public const string Entry = "NFUnitTest.Memory.ExampleSensor.Sample";
                public const int Transfers = 0;
                public const int GarbageBytes = 0;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.VL6180X: the VL6180X range and ambient-light sensor on I2C.</summary>
        public static class Vl6180X
        {
            public const int AssemblyLoadBytes = Unset;
            public const int InstanceBytes = Unset;
            public const int StaticBytes = Unset;

            public static class ReadRange
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            public static class ReadRangeContinuous
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            public static class ReadLux
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.Mcp23008: the MCP23008 GPIO expander on I2C.</summary>
        public static class Mcp23008
        {
            public const int AssemblyLoadBytes = Unset;
            public const int InstanceBytes = Unset;
            public const int StaticBytes = Unset;

            public static class WritePin
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            public static class ReadPin
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            public static class ServeInterrupt
            {
                public const string Entry = "";
                public const int Transfers = Unset;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.FlowMeter: the hall-effect flow meter (pulse counter or GPIO interrupt).</summary>
        public static class FlowMeter
        {
            public const int AssemblyLoadBytes = Unset;
            public const int InstanceBytes = Unset;
            public const int StaticBytes = Unset;

            public static class PulseHandler
            {
                public const string Entry = "";
                public const int Transfers = 0;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            public static class Sample
            {
                public const string Entry = "";
                public const int Transfers = 0;
                public const int GarbageBytes = Unset;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Samples.Irrigation: the watering controller with all three drivers.</summary>
        public static class IrrigationController
        {
            public const int AssemblyLoadBytes = Unset;
            public const int InstanceBytes = Unset;
            public const int StaticBytes = Unset;
        }
    }
}
