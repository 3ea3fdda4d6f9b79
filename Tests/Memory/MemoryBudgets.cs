namespace NFUnitTest.Memory
{
    /// <summary>
    /// Every memory budget of the project, in bytes, for the device tests and the host tests alike (constants cost nothing
    /// on nanoFramework: they are inlined and not loaded). A budget is at most about 25 % above the figure measured by the
    /// footprint report (<c>dotnet run --project Host/Footprint -- --out docs/footprint</c>); to change one, run the report, set
    /// the new figure here and say why in the commit.
    /// <para>How the figures below were set (report of the commit that set them): sizes (load, instance) are the measured
    /// figure + 10 %, rounded up to whole 12-byte heap blocks: room for a field or two, far below what a second buffer or a
    /// leaked object would add. Static bytes, host bytes and retained growth are 0 and stay 0. Transfers are exact: a
    /// transfer more is a regression (each one leaves 180–300 B of garbage). Garbage is exactly the platform floor of
    /// those transfers, GPIO edges and pulse-counter reads (nanoclr-heap.md §3b, §3d): the lint is to find nothing of
    /// the driver's own on any hot path (the controller's schedule pass is not marked: see <see cref="IrrigationController.SchedulePass"/>).</para>
    /// <list type="bullet">
    /// <item>Per subject: <c>AssemblyLoadBytes</c> (nanoCLR RAM reserved when the assembly loads), <c>InstanceBytes</c>
    /// (what a constructed instance retains, its I2cDevice or pins included), <c>StaticBytes</c> (what static constructors
    /// keep).</item>
    /// <item>Per hot operation (a nested class named as in the MicroPython measurement): <c>Entry</c>, the method the hot
    /// path starts from (<c>Namespace.Type.Method</c> for every overload, <c>Namespace.Type.Method(int, bool)</c> for one; the
    /// IL lint follows its calls inside the assembly);
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
            /// <summary>Measured 804 (§3c over the metadata row counts of the assembly).</summary>
            public const int AssemblyLoadBytes = 888;

            /// <summary>Measured 696: driver 324 (26 fields) + seven buffers 204 + I2cDevice 120 + its settings 48.</summary>
            public const int InstanceBytes = 768;

            /// <summary>No static fields: register maps and AN4545 settings are constants.</summary>
            public const int StaticBytes = 0;

            /// <summary>Single shot, sample ready at the first poll: start (Write) + results (WriteRead).</summary>
            public static class ReadRange
            {
                public const string Entry = "Drivers.VL6180X.Vl6180X.ReadRangeMillimeters";
                public const int Transfers = 2;

                /// <summary>252 + 300.</summary>
                public const int GarbageBytes = 552;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            /// <summary>Continuous at 20 ms, the application reading once per period: results (WriteRead) + clear (Write).</summary>
            public static class ReadRangeContinuous
            {
                public const string Entry = "Drivers.VL6180X.Vl6180X.ReadRangeContinuousMillimeters";
                public const int Transfers = 2;

                /// <summary>300 + 252.</summary>
                public const int GarbageBytes = 552;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            /// <summary>Single shot at gain 1, 100 ms integration: start (Write), results (WriteRead), clear (Write).</summary>
            public static class ReadLux
            {
                public const string Entry = "Drivers.VL6180X.Vl6180X.ReadLux";
                public const int Transfers = 3;

                /// <summary>252 + 300 + 252.</summary>
                public const int GarbageBytes = 804;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.Mcp23008: the MCP23008 GPIO expander on I2C.</summary>
        public static class Mcp23008
        {
            /// <summary>
            /// Measured 708 (§3c over the metadata row counts of the assembly, with the level-driven INT service, the
            /// recovery API and Mcp23008Exception).
            /// </summary>
            public const int AssemblyLoadBytes = 780;

            /// <summary>
            /// Measured 588: driver 216 (17 fields) + lock 12 + five buffers 120 + register shadow 36 + the configuration
            /// read-back buffer 36 + I2cDevice 120 + its settings 48.
            /// </summary>
            public const int InstanceBytes = 648;

            /// <summary>No static fields.</summary>
            public const int StaticBytes = 0;

            /// <summary><c>Write(pin, bool)</c>: one 2-byte write of OLAT from the shadow.</summary>
            public static class WritePin
            {
                public const string Entry = "Drivers.Mcp23008.Mcp23008.Write(int, bool)";
                public const int Transfers = 1;

                /// <summary>One Write.</summary>
                public const int GarbageBytes = 252;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            /// <summary><c>Read(pin)</c>: one WriteRead of GPIO.</summary>
            public static class ReadPin
            {
                public const string Entry = "Drivers.Mcp23008.Mcp23008.Read";
                public const int Transfers = 1;

                /// <summary>One WriteRead.</summary>
                public const int GarbageBytes = 300;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            /// <summary><c>ServiceInterrupt()</c>: INTF and INTCAP in one WriteRead. Through the INT pin add 2 GPIO edges (240).</summary>
            public static class ServeInterrupt
            {
                public const string Entry = "Drivers.Mcp23008.Mcp23008.ServiceInterrupt";
                public const int Transfers = 1;

                /// <summary>One WriteRead.</summary>
                public const int GarbageBytes = 300;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.FlowMeter on its GPIO-interrupt source (<c>FlowMeter.OnGpioInterrupt</c>).</summary>
        public static class FlowMeter
        {
            /// <summary>Measured 564 (§3c over the metadata row counts); the assembly is the same whatever the pulse source.</summary>
            public const int AssemblyLoadBytes = 624;

            /// <summary>
            /// Measured 564: meter 144 + lock 12 + source 96 + its lock 12 + handler delegate 36 + GpioPin 228 + GpioController
            /// 36.
            /// </summary>
            public const int InstanceBytes = 624;

            /// <summary>No static fields.</summary>
            public const int StaticBytes = 0;

            /// <summary>One sensor pulse: its two edges through the runtime's event path to the handler.</summary>
            public static class PulseHandler
            {
                public const string Entry = "Drivers.FlowMeter.GpioInterruptSource.OnValueChanged";
                public const int Transfers = 0;

                /// <summary>2 edges × 120 (the runtime's GpioPinEvent + PinValueChangedEventArgs); the handler adds 0.</summary>
                public const int GarbageBytes = 240;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }

            /// <summary><c>SampleLitresPerMinute()</c>: the count read under a lock, TickCount64, double arithmetic.</summary>
            public static class Sample
            {
                public const string Entry = "Drivers.FlowMeter.FlowMeter.SampleLitresPerMinute";
                public const int Transfers = 0;

                /// <summary>Nothing: no transfer, no edge, no pulse-counter read.</summary>
                public const int GarbageBytes = 0;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>Drivers.FlowMeter on the ESP32 pulse counter (<c>FlowMeter.OnPulseCounter</c>): no managed work per pulse.</summary>
        public static class FlowMeterPulseCounter
        {
            /// <summary>The same assembly as <see cref="FlowMeter"/>: measured 564.</summary>
            public const int AssemblyLoadBytes = FlowMeter.AssemblyLoadBytes;

            /// <summary>
            /// Measured 396: meter 144 + lock 12 + source 72 + the GpioPulseCount it holds 36 + GpioPulseCounter 132 (7 fields,
            /// finalizer, lock object; §3d measured 132 for a started counter).
            /// </summary>
            public const int InstanceBytes = 444;

            /// <summary>No static fields.</summary>
            public const int StaticBytes = 0;

            /// <summary><c>SampleLitresPerMinute()</c>: one read of the counter.</summary>
            public static class Sample
            {
                public const string Entry = "Drivers.FlowMeter.FlowMeter.SampleLitresPerMinute";
                public const int Transfers = 0;

                /// <summary>
                /// One pulse-counter read: 108, the native GpioPulseCount and the library's two clones (§3d), the platform
                /// floor. The driver keeps the returned struct in a field and reads its fields in place: 0 of its own.
                /// </summary>
                public const int GarbageBytes = 108;
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }

        /// <summary>
        /// Samples.Irrigation: the watering controller as the firmware builds it, all three drivers included. Figures from
        /// the memory summary of <c>dotnet run --project Host/Irrigation</c> and the host run of
        /// <c>IrrigationControllerMemoryTests</c>.
        /// </summary>
        public static class IrrigationController
        {
            /// <summary>
            /// Measured 1560 (§3c over the metadata row counts of the Samples.Irrigation library, with valve supervision,
            /// reset recovery and the flow checks; the firmware's entry point is its own small assembly; the drivers'
            /// assemblies are budgeted above).
            /// </summary>
            public const int AssemblyLoadBytes = 1716;

            /// <summary>
            /// Measured 4800 with logging off: controller, valve supervisor, flow guard, leak window, hardware classes,
            /// settings and clock 3120 + Mcp23008 588 + VL6180X 696 + FlowMeter on the pulse counter 396 (the firmware's
            /// ConsoleLogSink adds 12).
            /// </summary>
            public const int InstanceBytes = 5280;

            /// <summary>No static fields.</summary>
            public const int StaticBytes = 0;

            /// <summary>
            /// <c>RunSchedulePass()</c> with logging off. Not marked for the lint: the log-line code shares the path (string
            /// literals while logging is on), so its garbage is not budgeted here; the irrigation run's memory summary models
            /// the I2C garbage and the log lines of a run.
            /// </summary>
            public static class SchedulePass
            {
                public const string Entry = "";
                public const int HostBytes = 0;
                public const int RetainedBytes = 0;
            }
        }
    }
}
