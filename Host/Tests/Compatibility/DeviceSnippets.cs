using System.Collections.Generic;
using Harness.Compatibility;

namespace HostTests.Compatibility
{
    /// <summary>
    /// Representative device code, one construct per snippet, as the drivers will write it (C# 9, nanoFramework 1.x
    /// API only). Each must pass the check once the host compiler has lowered it, so the check is ready for the drivers.
    /// </summary>
    public static class DeviceSnippets
    {
        /// <summary>The packages the snippets may use (a superset of every device project's packages.config).</summary>
        public static readonly DeviceProject Project = new DeviceProject("Snippets", new[]
        {
            new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11"),
            new NuGetPackage("nanoFramework.System.Device.I2c", "1.1.29"),
            new NuGetPackage("nanoFramework.System.Device.Gpio", "1.1.62"),
            new NuGetPackage("nanoFramework.Runtime.Events", "1.11.39"),
            new NuGetPackage("nanoFramework.Hardware.Esp32", "1.6.42"),
            new NuGetPackage("nanoFramework.Runtime.Native", "1.7.11"),
            new NuGetPackage("nanoFramework.System.Device.Adc", "1.1.24"),
            new NuGetPackage("nanoFramework.System.Math", "1.5.116"),
        }, new string[0]);

        public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
        {
            ["Lock"] = """
                namespace Snippets
                {
                    public class Counter
                    {
                        private readonly object _sync = new object();
                        private int _count;

                        public int Increment()
                        {
                            lock (_sync)
                            {
                                return ++_count;
                            }
                        }
                    }
                }
                """,

            ["ForeachOverArrays"] = """
                namespace Snippets
                {
                    public static class Sums
                    {
                        public static int Bytes(byte[] data)
                        {
                            int sum = 0;
                            foreach (byte b in data) sum += b;
                            return sum;
                        }

                        public static int Digits(string text)
                        {
                            int count = 0;
                            foreach (char c in text) if (c >= '0' && c <= '9') count++;
                            return count;
                        }

                        public static int Jagged(int[][] rows)
                        {
                            int sum = 0;
                            foreach (int[] row in rows) foreach (int v in row) sum += v;
                            return sum;
                        }
                    }
                }
                """,

            ["StringInterpolation"] = """
                namespace Snippets
                {
                    public static class Texts
                    {
                        public static string One(int millimeters) => $"range {millimeters} mm";
                        public static string Two(int millimeters, double lux) => $"{millimeters} mm, {lux:F1} lux";
                        public static string Three(int a, double b, long c) => $"{a} {b} {c}";
                        public static string Four(int a, int b, int c, int d) => $"{a} {b} {c} {d}";
                        public static string Hex(byte register) => $"register 0x{register:X2}";
                        public static string Strings(string a, string b) => $"{a}/{b}";
                        public static string Concat(string a, int b) => a + b;
                        public static string ConcatDouble(string a, double b) => a + b.ToString("F2");
                        public static string ConcatMany(string a, string b, string c, string d, string e) => a + b + c + d + e;
                        public static string ConcatChar(string name, char unit) => name + unit;
                        public static string ConcatChars(char a, string b, char c) => a + b + c;
                        public static string Mixed(string zone, int liters, double minutes) => $"{zone}: {liters} L in {minutes:F0} min";
                        public static string Formatted(int a, int b) => string.Format("{0}/{1}", a, b);
                    }
                }
                """,

            ["DelegatesAndEvents"] = """
                using System;
                using System.Device.Gpio;

                namespace Snippets
                {
                    public delegate void LevelChangedHandler(object sender, int level);

                    public class Sensor
                    {
                        private Action _pending;

                        public event LevelChangedHandler LevelChanged;

                        public event EventHandler Tick;

                        public void Raise(int level)
                        {
                            LevelChanged?.Invoke(this, level);
                            Tick?.Invoke(this, EventArgs.Empty);
                        }

                        public void Queue(Action action) => _pending += action;

                        public void Run() => _pending?.Invoke();

                        public static void Wire(Sensor sensor)
                        {
                            sensor.LevelChanged += OnLevelChanged;
                            sensor.LevelChanged -= OnLevelChanged;
                            int calls = 0;
                            sensor.Queue(() => calls++);
                            sensor.Queue(() => { });
                        }

                        private static void OnLevelChanged(object sender, int level)
                        {
                        }
                    }

                    public class Button
                    {
                        private readonly GpioPin _pin;

                        public Button(GpioController controller)
                        {
                            _pin = controller.OpenPin(26, PinMode.InputPullUp);
                            _pin.ValueChanged += OnValueChanged;
                            controller.RegisterCallbackForPinValueChangedEvent(27, PinEventTypes.Falling, OnValueChanged);
                        }

                        public int Presses { get; private set; }

                        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
                        {
                            if (e.ChangeType == PinEventTypes.Falling) Presses++;
                        }
                    }
                }
                """,

            ["StaticArrayInitializers"] = """
                namespace Snippets
                {
                    public static class Tables
                    {
                        private static readonly byte[] Init = { 0x02, 0x07, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFD, 0x00, 0x30, 0x0A, 0x32 };
                        private static readonly ushort[] Registers = { 0x0207, 0x0208, 0x0096, 0x0097, 0x00E3, 0x00E4, 0x00E5 };
                        private static readonly int[] Pair = { 1, 2 };
                        private static readonly string[] Names = { "zone 1", "zone 2" };

                        public static int Get(int i) => Init[i] + Registers[i % 7] + Pair[i % 2] + Names[i % 2].Length;
                    }
                }
                """,

            ["SwitchOnStrings"] = """
                namespace Snippets
                {
                    public static class Commands
                    {
                        public static int Code(string command)
                        {
                            switch (command)
                            {
                                case "open": return 1;
                                case "close": return 2;
                                case "status": return 3;
                                case "reset": return 4;
                                case "start": return 5;
                                case "stop": return 6;
                                case "pause": return 7;
                                case "resume": return 8;
                                default: return 0;
                            }
                        }

                        public static string Unit(string quantity) => quantity switch
                        {
                            "range" => "mm",
                            "light" => "lux",
                            "flow" => "L/min",
                            _ => string.Empty,
                        };
                    }
                }
                """,

            ["Using"] = """
                using System;
                using System.Device.I2c;

                namespace Snippets
                {
                    public sealed class Owner : IDisposable
                    {
                        private readonly I2cDevice _device;
                        private bool _disposed;

                        public Owner(I2cDevice device) => _device = device;

                        public void Dispose()
                        {
                            if (_disposed) return;
                            _device.Dispose();
                            _disposed = true;
                        }

                        public static byte Probe()
                        {
                            using (I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(1, 0x29)))
                            {
                                return device.ReadByte();
                            }
                        }

                        public static void UsingDeclaration()
                        {
                            using var owner = new Owner(new I2cDevice(new I2cConnectionSettings(1, 0x20, I2cBusSpeed.StandardMode)));
                        }
                    }
                }
                """,

            ["Enums"] = """
                using System;

                namespace Snippets
                {
                    [Flags]
                    public enum Faults : byte
                    {
                        None = 0,
                        Vcsel = 1,
                        Ecerr = 2,
                    }

                    public enum Mode
                    {
                        Single,
                        Continuous,
                    }

                    public static class EnumUse
                    {
                        public static bool HasVcsel(Faults faults) => faults.HasFlag(Faults.Vcsel);
                        public static bool HasEcerr(Faults faults) => (faults & Faults.Ecerr) != 0;
                        public static string Text(Mode mode) => mode.ToString();
                        public static Mode FromValue(int value) => (Mode)value;

                        public static int Samples(Mode mode) => mode switch
                        {
                            Mode.Single => 1,
                            Mode.Continuous => 10,
                        };

                        public static int Period(Mode mode)
                        {
                            switch (mode)
                            {
                                case Mode.Single: return 0;
                                default: return 100;
                            }
                        }
                    }
                }
                """,

            ["Exceptions"] = """
                using System;
                using System.Diagnostics;

                namespace Snippets
                {
                    public static class Errors
                    {
                        public static void CheckRange(int value)
                        {
                            if (value < 0 || value > 255)
                            {
                                throw new ArgumentOutOfRangeException(nameof(value), "0..255");
                            }
                        }

                        public static int Safe(int value)
                        {
                            try
                            {
                                CheckRange(value);
                                return value;
                            }
                            catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "value")
                            {
                                return -1;
                            }
                            catch (Exception)
                            {
                                throw;
                            }
                            finally
                            {
                                Debug.WriteLine("checked");
                            }
                        }

                        public static void Disposed() => throw new ObjectDisposedException(nameof(Errors));

                        public static void Failed(string message) => throw new InvalidOperationException(message);

                        public static void Missing(object value)
                        {
                            if (value == null) throw new ArgumentNullException(nameof(value));
                            if (value is string s && s.Length == 0) throw new ArgumentException("empty", nameof(value));
                        }
                    }
                }
                """,

            ["ThreadSleepAndTicks"] = """
                using System;
                using System.Threading;

                namespace Snippets
                {
                    public static class Timing
                    {
                        public static long WaitMilliseconds(int milliseconds)
                        {
                            long start = Environment.TickCount64;
                            Thread.Sleep(milliseconds);
                            return Environment.TickCount64 - start;
                        }

                        public static void WaitSpan() => Thread.Sleep(new TimeSpan(0, 0, 1));
                    }
                }
                """,

            ["DeviceApis"] = """
                using System;
                using System.Device.Adc;
                using System.Device.Gpio;
                using System.Device.I2c;
                using nanoFramework.Hardware.Esp32;

                namespace Snippets
                {
                    public class Board
                    {
                        private readonly I2cDevice _device;
                        private readonly byte[] _write = new byte[2];
                        private readonly byte[] _read = new byte[1];

                        public Board()
                        {
                            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
                            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
                            _device = I2cDevice.Create(new I2cConnectionSettings(1, 0x29));
                        }

                        public byte ReadRegister(ushort register)
                        {
                            _write[0] = (byte)(register >> 8);
                            _write[1] = (byte)register;
                            if (_device.WriteRead(_write, _read).Status != I2cTransferStatus.FullTransfer)
                            {
                                throw new InvalidOperationException();
                            }

                            return _read[0];
                        }

                        public int ReadSlice()
                        {
                            SpanByte all = _read;
                            return _device.Read(all.Slice(0, 1)).Status == I2cTransferStatus.FullTransfer ? _read[0] : -1;
                        }

                        public static void Pins()
                        {
                            var controller = new GpioController();
                            GpioPin valve = controller.OpenPin(5, PinMode.Output);
                            valve.Write(PinValue.High);
                            if (valve.Read() == PinValue.Low) valve.Toggle();
                            using var counter = new GpioPulseCounter(4);
                            counter.Polarity = GpioPulsePolarity.Rising;
                            counter.Start();
                            GpioPulseCount count = counter.Read();
                            long pulses = count.Count;
                            uint freeBytes = nanoFramework.Runtime.Native.GC.Run(false);
                            AdcChannel soil = new AdcController().OpenChannel(0);
                            double ratio = soil.ReadRatio();
                            double clamped = Math.Clamp(ratio * 100.0, 0.0, 100.0) + Math.Abs((double)pulses);
                        }
                    }
                }
                """,

            ["NullableAnnotations"] = """
                #nullable enable
                namespace Snippets
                {
                    public class Zone
                    {
                        private string? _name;

                        public Zone(string? name) => _name = name;

                        public string Name => _name ?? "zone";

                        public string? Describe(object? extra) => extra == null ? null : Name + extra.ToString();
                    }
                }
                """,

            ["LanguageFeatures"] = """
                using System;
                using System.Diagnostics;

                namespace Snippets
                {
                    public interface IReading
                    {
                        int Value { get; }
                    }

                    public abstract class Reading : IReading
                    {
                        protected Reading(int value) => Value = value;

                        public int Value { get; }

                        public abstract string Unit { get; }

                        public override string ToString() => Value.ToString() + " " + Unit;
                    }

                    public sealed class Range : Reading
                    {
                        private static readonly int Offset;

                        static Range() => Offset = 0;

                        public Range(int millimeters) : base(millimeters + Offset) { }

                        public override string Unit => "mm";

                        public int Limit { get; init; } = 200;
                    }

                    public readonly struct Point
                    {
                        public Point(int x, int y)
                        {
                            X = x;
                            Y = y;
                        }

                        public int X { get; }

                        public int Y { get; }
                    }

                    public class Registers
                    {
                        private const int Size = 4;
                        private readonly byte[] _values = new byte[Size];

                        public byte this[int index]
                        {
                            get => _values[index];
                            set => _values[index] = value;
                        }

                        public static int Log(params object[] values) => values.Length;

                        public static bool TryParse(string text, out int value)
                        {
                            value = 0;
                            if (text == null || text.Length == 0) return false;
                            foreach (char c in text)
                            {
                                if (c < '0' || c > '9') return false;
                                value = checked(value * 10 + (c - '0'));
                            }

                            return true;
                        }

                        public static void Swap(ref int a, ref int b)
                        {
                            int t = a;
                            a = b;
                            b = t;
                        }

                        public static int Use()
                        {
                            int empty = Log();
                            int some = Log(1, "two");
                            var reading = new Range(5) { Limit = 100 };
                            IReading asInterface = reading;
                            object boxed = asInterface.Value;
                            string text = boxed as string ?? reading.ToString();
                            Debug.Assert(text.Length > 0, "text");
                            Console.WriteLine(text.Substring(0, 1) + text.IndexOf('m'));
                            int Square(int x) => x * x;
                            double d = 3.7;
                            int truncated = (int)d;
                            return empty + some + Square(truncated) + new Point(1, 2).X + (reading is Range r ? r.Limit : 0)
                                + (ReferenceEquals(boxed, null) ? 0 : 1) + "a,b".Split(new[] { ',' }).Length;
                        }
                    }
                }
                """,
        };
    }
}
