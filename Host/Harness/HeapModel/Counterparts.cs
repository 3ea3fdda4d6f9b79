using System;
using System.Collections.Generic;
using System.Linq;

namespace Harness.HeapModel
{
    /// <summary>
    /// How the heap model sizes a stand-in API object: as its real nanoFramework 1.x counterpart would be. The stand-in
    /// keeps host bookkeeping the device does not have (and vice versa), so its own fields are not counted.
    /// </summary>
    public sealed class Counterpart
    {
        public Counterpart(string typeName, int fields, bool finalizer, int hiddenBytes, string[] follow, string assumption)
        {
            TypeName = typeName;
            Fields = fields;
            Finalizer = finalizer;
            HiddenBytes = hiddenBytes;
            Follow = follow;
            Assumption = assumption;
        }

        /// <summary>Full name of the type (the stand-in uses the real namespace and name).</summary>
        public string TypeName { get; }

        /// <summary>Instance fields of the real type, inherited ones included.</summary>
        public int Fields { get; }

        /// <summary>Whether the real type has a finalizer (+24 bytes per instance).</summary>
        public bool Finalizer { get; }

        /// <summary>Objects the real type allocates for each instance that no followed stand-in field stands for.</summary>
        public int HiddenBytes { get; }

        /// <summary>Stand-in fields whose referents match real fields (walked and sized as usual).</summary>
        public IReadOnlyList<string> Follow { get; }

        /// <summary>Where the figures come from, and what is assumed.</summary>
        public string Assumption { get; }

        /// <summary>The bytes of the object itself (followed referents are extra).</summary>
        public int Bytes => NanoClr.Object(Fields) + (Finalizer ? NanoClr.FinalizerRecord : 0) + HiddenBytes;
    }

    /// <summary>The real nanoFramework 1.x layouts of the stand-in types a driver may hold.</summary>
    public static class Counterparts
    {
        /// <summary>Assembly name of the stand-in.</summary>
        public const string StandInAssembly = "nanoFramework.StandIn";

        private static readonly Dictionary<string, Counterpart> Table = new[]
        {
            new Counterpart("System.Device.I2c.I2cDevice", 4, true, 0, new[] { "_settings", "_syncLock", "_oneByte" },
                "System.Device.I2c 1.1.29 I2cDevice: _syncLock (object, 12), _connectionSettings, _disposed, _buffer (byte[1], 24); has a finalizer. " +
                "The stand-in holds the same three objects, so they are followed."),
            new Counterpart("System.Device.I2c.I2cConnectionSettings", 3, false, 0, new string[0],
                "System.Device.I2c 1.1.29 I2cConnectionSettings: _busId, _deviceAddress, _busSpeed (the 1.1.29 API listing has no sharing mode)."),
            new Counterpart("System.Device.Gpio.GpioController", 2, false, 0, new string[0],
                "System.Device.Gpio 1.1.62 GpioController: NumberingScheme, _disposedValue; no finalizer. Open pins live in the static " +
                "s_GpioPins list and are counted with each GpioPin; the stand-in's own pin list is host bookkeeping and is not walked."),
            new Counterpart("System.Device.Gpio.GpioPin", 7, true, 12 + 24 + 72, new[] { "ValueChanged", "_callbacks" },
                "System.Device.Gpio 1.1.62 GpioPin: _syncLock, _pinNumber, _pinMode, _debounceTimeout, _callbacks, _lastInputValue, " +
                "_disposedValue; has a finalizer. Hidden: the lock object (12), the PinValue struct object of _lastInputValue (24) and " +
                "the 5-field GpioPinBundle the controller keeps per open pin (72). Growth of the runtime's static pin lists is not modelled. " +
                "Handler delegates (both stand-in delegate fields) are followed."),
            new Counterpart("System.Device.Gpio.GpioPulseCounter", 6, true, 0, new string[0],
                "[U] nanoFramework.Hardware.Esp32 1.6.42 GpioPulseCounter: source not available here; assumed 6 fields " +
                "(pin A, pin B, polarity, filter, started, disposed) and a finalizer."),
            new Counterpart("System.Device.Adc.AdcController", 2, false, 12, new string[0],
                "System.Device.Adc 1.1.24 AdcController: _syncLock, _channelMode; hidden: the lock object (12)."),
            new Counterpart("System.Device.Adc.AdcChannel", 4, true, 12, new[] { "<Controller>k__BackingField" },
                "System.Device.Adc 1.1.24 AdcChannel: _adcController (inherited), _syncLock, _channelNumber, _disposed; has a finalizer; " +
                "hidden: the lock object (12). The controller reference is followed."),
            new Counterpart("System.Device.Gpio.PinValueChangedEventArgs", 2, false, 0, new string[0],
                "[U] System.Device.Gpio 1.1.62 PinValueChangedEventArgs: ChangeType, PinNumber."),
        }.ToDictionary(c => c.TypeName, StringComparer.Ordinal);

        /// <summary>Every counterpart, for the report and the README.</summary>
        public static IEnumerable<Counterpart> All => Table.Values.OrderBy(c => c.TypeName, StringComparer.Ordinal);

        /// <summary>Whether the type comes from the stand-in assembly.</summary>
        public static bool IsStandIn(Type type) => type.Assembly.GetName().Name == StandInAssembly;

        /// <summary>The counterpart of a stand-in type, or null.</summary>
        public static Counterpart Find(Type type)
        {
            if (type == null || !IsStandIn(type) || type.FullName == null)
            {
                return null;
            }

            return Table.TryGetValue(type.FullName, out Counterpart counterpart) ? counterpart : null;
        }
    }
}
