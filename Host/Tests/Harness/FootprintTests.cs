using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Harness.Footprint;
using VirtualBoard;
using Xunit;

namespace HostTests.Harness
{
    /// <summary>The footprint runner on a fake subject, and the report writers on fixed data.</summary>
    public class FootprintTests
    {
        private const string FakeDriver = @"
            using System.Device.I2c;
            namespace System.Threading { internal static class Thread { public static void Sleep(int ms) { } } }
            namespace Fake
            {
                public sealed class FakeSensor : System.IDisposable
                {
                    private readonly I2cDevice _device;
                    private readonly byte[] _write = new byte[1];
                    private readonly byte[] _read = new byte[2];
                    public FakeSensor(I2cDevice device) { _device = device; }
                    public int ReadRange()
                    {
                        Check(_device.WriteRead(_write, _read));
                        return _read[0] << 8 | _read[1];
                    }
                    public int ReadLux()
                    {
                        Check(_device.WriteRead(_write, _read));
                        return (_read[0] << 8 | _read[1]).ToString().Length;
                    }
                    public void Dispose() { _device.Dispose(); }
                    private static void Check(I2cTransferResult result)
                    {
                        if (result.Status != I2cTransferStatus.FullTransfer) { throw new System.IO.IOException(""I2C failed""); }
                    }
                }
                public sealed class FakeMeter : System.IDisposable
                {
                    private readonly System.Device.Gpio.GpioPulseCounter _counter = new System.Device.Gpio.GpioPulseCounter(4);
                    public FakeMeter() { _counter.Start(); }
                    public long Sample() { return _counter.Read().Count; }
                    public void Dispose() { _counter.Dispose(); }
                }
                public static class FakeBudgets
                {
                    public const int Unset = -1;
                    public static class Fake
                    {
                        public const int InstanceBytes = 264;
                        public const int AssemblyLoadBytes = Unset;
                        public static class ReadRange { public const string Entry = ""Fake.FakeSensor.ReadRange""; public const int Transfers = 1; public const int GarbageBytes = 300; public const int HostBytes = 0; }
                        public static class ReadLux { public const string Entry = ""Fake.FakeSensor.ReadLux""; public const int Transfers = 1; public const int GarbageBytes = 300; public const int HostBytes = 0; }
                    }
                    public static class FakeMeter
                    {
                        public static class Sample { public const string Entry = ""Fake.FakeMeter.Sample""; public const int Transfers = 0; public const int GarbageBytes = 108; public const int HostBytes = 0; }
                    }
                }
            }";

        private static readonly Lazy<Assembly> FakeAssembly = new Lazy<Assembly>(() => TestCompiler.LoadFromFile(FakeDriver));

        public FootprintTests()
        {
            Board.Reset();
        }

        [Fact]
        public void Measure_FakeSubject_ModelsLoadInstanceTransfersAndGarbage()
        {
            DriverFootprint result = FootprintRunner.Measure(new FakeSubject(), new BudgetBook(FakeAssembly.Value.GetType("Fake.FakeBudgets")));

            // Driver 12·(1+3) + byte[1] 24 + byte[2] 24; I2cDevice 12·(1+4) + finalizer 24 + lock 12 + byte[1] 24; settings 12·(1+3).
            Assert.Equal(48 + 24 + 24 + 84 + 12 + 24 + 48, result.InstanceBytes);
            Assert.True(result.AssemblyLoadBytes > 144);
            Assert.Equal(0, result.StaticBytes);

            OperationFootprint range = result.Operations.Single(o => o.Name == "ReadRange");
            Assert.Equal(1, range.Transfers);
            Assert.Equal(5, range.WireBytes);
            Assert.Equal(0, range.HostBytes);
            Assert.Equal(300, range.PlatformBytes);
            Assert.Equal(0, range.LintBytes);
            Assert.Equal(300, range.GarbageBytes);

            OperationFootprint lux = result.Operations.Single(o => o.Name == "ReadLux");
            Assert.Equal(360, lux.GarbageBytes);
            Assert.Contains(result.Issues, i => i.StartsWith("ReadLux garbage: 360 B is over its budget of 300 B", StringComparison.Ordinal));
            Assert.Contains(result.Issues, i => i.StartsWith("assembly load: no budget set yet", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Issues, i => i.StartsWith("instance", StringComparison.Ordinal));
        }

        [Fact]
        public void Measure_PulseCounterRead_IsChargedToThePlatformNotToTheDriver()
        {
            DriverFootprint result = FootprintRunner.Measure(new FakeMeterSubject(), new BudgetBook(FakeAssembly.Value.GetType("Fake.FakeBudgets")));

            OperationFootprint sample = Assert.Single(result.Operations);
            Assert.Equal(0, sample.Transfers);
            Assert.Equal(0, sample.HostBytes);
            Assert.Equal(108, sample.PlatformBytes);
            Assert.Equal(0, sample.LintBytes);
            Assert.Equal(108, sample.GarbageBytes);
            Assert.DoesNotContain(result.Issues, i => i.StartsWith("Sample", StringComparison.Ordinal));
        }

        [Fact]
        public void Discover_FindsPublicSubjectsByReflection()
        {
            Assert.Contains(FootprintRunner.Discover(typeof(FootprintTests).Assembly), s => s is FakeSubject);
        }

        [Fact]
        public void MicroPythonReader_ReadsTheSchema()
        {
            MicroPythonResults results = MicroPythonReader.Parse(MicroJson);

            Assert.Equal("MicroPython 1.27.0 wasm32", results.Source);
            Assert.Equal(16, results.BlockBytes);
            Assert.Equal(496, results.Drivers["VL6180X"].ImportMpy);
            Assert.Equal(32, results.Drivers["VL6180X"].Operations["ReadLux"]);
            Assert.Null(results.Drivers["FlowMeter"].ImportPy);
        }

        [Fact]
        public void Markdown_FixedData_EnvironmentFirstTablesRatiosLegendIssues()
        {
            string md = MarkdownReport.Write(FixedReport());
            string[] lines = md.Split('\n');

            Assert.StartsWith("# Footprint", lines[0]);
            Assert.True(md.IndexOf("| Commit | abc1234 |", StringComparison.Ordinal) < md.IndexOf("| Driver |", StringComparison.Ordinal));
            Assert.Contains("| MicroPython build | MicroPython 1.27.0 wasm32 (16-byte GC blocks, generated 2026-01-01) |", lines);
            Assert.Contains("| VL6180X | 312 | 496 | 0.63 | 1488 | 0.21 | 264 | 80 | 3.30 | 0 |", lines);
            Assert.Contains("| FlowMeter | NA | 400 | NA | NA | NA | NA | 64 | NA | NA |", lines);
            Assert.Contains("| VL6180X | ReadRange | 1 | 5 | 0 | 300 | 300 | 0 | 0 | NA |", lines);
            Assert.Contains("| VL6180X | ReadLux | 2 | 10 | 0 | 600 | 600 | 0 | 32 | 18.75 |", lines);
            Assert.Contains("| FlowMeter | PulseHandler | NA | NA | NA | NA | NA | NA | 0 | NA |", lines);
            Assert.Contains("- VL6180X: instance: x left out (host-only)", lines);
            foreach ((string column, string meaning) in MarkdownReport.Legend.Where(l => l.Column != "ratio"))
            {
                Assert.True(meaning.EndsWith("**nanoCLR model**") || meaning.EndsWith("**host measurement**") || meaning.EndsWith("**MicroPython VM**"), column);
            }

            Assert.Contains(".mpy", md);
            Assert.Contains("execute from flash", md);
        }

        [Fact]
        public void Svg_FixedData_IsWellFormedDeterministicAndDrawsEveryFigure()
        {
            FootprintReport report = FixedReport();
            string svg = SvgChart.Write(report);

            Assert.Equal(svg, SvgChart.Write(FixedReport()));
            XDocument document = XDocument.Parse(svg);
            XNamespace ns = "http://www.w3.org/2000/svg";
            List<XElement> bars = document.Descendants(ns + "rect").Where(r => r.Element(ns + "title") != null).ToList();

            // VL6180X: load/import, instance/instance, ReadRange (300 vs 0), ReadLux (600 vs 32), ReadRangeContinuous (MicroPython
            // only); FlowMeter (MicroPython only): import, instance, PulseHandler.
            Assert.Equal(12, bars.Count);
            Assert.Contains(bars, b => b.Element(ns + "title").Value == "nanoCLR: 600 B" && b.Attribute("width").Value == "400");
            Assert.Contains(bars, b => b.Element(ns + "title").Value == "MicroPython: 32 B");
            Assert.Contains("NA (nanoCLR)", svg);
        }

        [Fact]
        public void MachineFormats_CarryUnitsInTheHeaders()
        {
            FootprintReport report = FixedReport();

            string drivers = MachineReport.DriversCsv(report);
            string operations = MachineReport.OperationsCsv(report);
            string json = MachineReport.Json(report);

            Assert.StartsWith("driver,nanoclr_assembly_load_B,", drivers);
            Assert.Contains("VL6180X,312,264,0,496,1488,1792,1744,80,0.63,0.21,3.30", drivers);
            Assert.Contains("VL6180X,ReadLux,2,10,0,600,600,0,32,18.75", operations);
            Assert.Contains("\"nanoclrGarbageBytesPerCall\": 600", json);
            System.Text.Json.JsonDocument.Parse(json).Dispose();
        }

        [Fact]
        public void Ratio_IsNAWhenASideIsMissingOrZero()
        {
            Assert.Equal("NA", ReportRows.Ratio(300, 0));
            Assert.Equal("NA", ReportRows.Ratio(0, 32));
            Assert.Equal("NA", ReportRows.Ratio(null, 32));
            Assert.Equal("0.50", ReportRows.Ratio(16, 32));
        }

        private const string MicroJson = @"{
            ""source"": ""MicroPython 1.27.0 wasm32"", ""blockBytes"": 16, ""generated"": ""2026-01-01"", ""notes"": [""driven from JS""],
            ""drivers"": {
                ""VL6180X"": { ""module"": ""vl6180x"", ""importPy"": 1488, ""importMpy"": 496, ""importPyPlainConsts"": 1744, ""importMpyPlainConsts"": 1792, ""instance"": 80,
                               ""operations"": { ""ReadRange"": 0, ""ReadRangeContinuous"": 0, ""ReadLux"": 32 } },
                ""FlowMeter"": { ""module"": ""flowmeter"", ""importMpy"": 400, ""instance"": 64, ""operations"": { ""PulseHandler"": 0 } }
            } }";

        private static FootprintReport FixedReport() => new FootprintReport
        {
            Environment = new FootprintEnvironment
            {
                Commit = "abc1234",
                Date = "2026-01-02",
                Sdk = ".NET 10.0.0",
                MicroPythonBuild = "MicroPython 1.27.0 wasm32 (16-byte GC blocks, generated 2026-01-01)",
            },
            MicroPython = MicroPythonReader.Parse(MicroJson),
            Drivers =
            {
                new DriverFootprint
                {
                    Name = "VL6180X",
                    AssemblyLoadBytes = 312,
                    InstanceBytes = 264,
                    StaticBytes = 0,
                    Issues = { "instance: x left out (host-only)" },
                    Operations =
                    {
                        new OperationFootprint { Name = "ReadRange", Transfers = 1, WireBytes = 5, HostBytes = 0, GarbageBytes = 300, PlatformBytes = 300, LintBytes = 0 },
                        new OperationFootprint { Name = "ReadLux", Transfers = 2, WireBytes = 10, HostBytes = 0, GarbageBytes = 600, PlatformBytes = 600, LintBytes = 0 },
                    },
                },
            },
        };

        /// <summary>A fake driver registration: the shape every real one has.</summary>
        public sealed class FakeSubject : IFootprintSubject
        {
            public string Name => "Fake";

            public Assembly DeviceAssembly => FakeAssembly.Value;

            public IReadOnlyList<string> Operations { get; } = new[] { "ReadRange", "ReadLux" };

            private readonly Dictionary<string, Func<int>> _operations = new Dictionary<string, Func<int>>();

            public object Construct()
            {
                Board.Reset();
                Board.I2cBus(1).Attach(0x29, new AnsweringTarget());
                var device = System.Device.I2c.I2cDevice.Create(new System.Device.I2c.I2cConnectionSettings(1, 0x29));
                object sensor = Activator.CreateInstance(DeviceAssembly.GetType("Fake.FakeSensor"), device);

                // Real subjects call the driver directly; the fake binds delegates once so a call allocates nothing itself.
                foreach (string operation in Operations)
                {
                    _operations[operation] = (Func<int>)Delegate.CreateDelegate(typeof(Func<int>), sensor, operation);
                }

                return sensor;
            }

            public void Run(object instance, string operation) => _operations[operation]();
        }

        /// <summary>A fake meter on the ESP32 pulse counter: one read per sample.</summary>
        public sealed class FakeMeterSubject : IFootprintSubject
        {
            private Func<long> _sample;

            public string Name => "FakeMeter";

            public Assembly DeviceAssembly => FakeAssembly.Value;

            public IReadOnlyList<string> Operations { get; } = new[] { "Sample" };

            public object Construct()
            {
                Board.Reset();
                object meter = Activator.CreateInstance(DeviceAssembly.GetType("Fake.FakeMeter"));
                _sample = (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), meter, "Sample");
                return meter;
            }

            public void Run(object instance, string operation) => _sample();
        }

        private sealed class AnsweringTarget : II2cTarget
        {
            public void Attached(I2cBus bus, int address)
            {
            }

            public void Start(bool read)
            {
            }

            public bool WriteByte(byte value) => true;

            public byte ReadByte() => 0x12;

            public void Stop()
            {
            }
        }
    }
}
