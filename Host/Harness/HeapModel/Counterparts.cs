using System;
using System.Collections.Generic;
using System.Linq;

namespace Harness.HeapModel
{
    /// <summary>
    /// How the heap model sizes a stand-in API object: as its real nanoFramework 1.x counterpart would be. The stand-in
    /// keeps host bookkeeping the device does not have (and vice versa), so its own fields are not counted; the fields of
    /// the real library's source are.
    /// </summary>
    public sealed class Counterpart
    {
        public Counterpart(string typeName, string source, string[] fields, bool finalizer, int hiddenBytes, string[] follow, string notes)
        {
            TypeName = typeName;
            Source = source;
            FieldNames = fields;
            Finalizer = finalizer;
            HiddenBytes = hiddenBytes;
            Follow = follow;
            Notes = notes;
        }

        /// <summary>Full name of the type (the stand-in uses the real namespace and name).</summary>
        public string TypeName { get; }

        /// <summary>The repository, file and release of the real library the fields were read from.</summary>
        public string Source { get; }

        /// <summary>The instance fields of the real type, inherited ones included, as named in <see cref="Source"/>.</summary>
        public IReadOnlyList<string> FieldNames { get; }

        /// <summary>Instance fields of the real type, inherited ones included.</summary>
        public int Fields => FieldNames.Count;

        /// <summary>Whether the real type has a finalizer (+24 bytes per instance).</summary>
        public bool Finalizer { get; }

        /// <summary>Objects the real type allocates for each instance that no followed stand-in field stands for.</summary>
        public int HiddenBytes { get; }

        /// <summary>Stand-in fields whose referents match real fields (walked and sized as usual).</summary>
        public IReadOnlyList<string> Follow { get; }

        /// <summary>What the hidden bytes are, what is followed, and anything the source leaves open.</summary>
        public string Notes { get; }

        /// <summary>Where the figures come from: the source file, every counted field, and the notes.</summary>
        public string Assumption => $"{Source}: {string.Join(", ", FieldNames)}{(Finalizer ? "; has a finalizer" : string.Empty)}. {Notes}";

        /// <summary>The bytes of the object itself (followed referents are extra).</summary>
        public int Bytes => NanoClr.Object(Fields) + (Finalizer ? NanoClr.FinalizerRecord : 0) + HiddenBytes;
    }

    /// <summary>
    /// The real nanoFramework 1.x layouts of the stand-in types a driver may hold, each read from the library's source
    /// (repositories of the nanoframework organisation on GitHub, at the release the project builds against).
    /// </summary>
    public static class Counterparts
    {
        /// <summary>Assembly name of the stand-in.</summary>
        public const string StandInAssembly = "nanoFramework.StandIn";

        private const string I2cSource = "nanoframework/System.Device.I2c, System.Device.I2c/";
        private const string GpioSource = "nanoframework/System.Device.Gpio, System.Device.Gpio/";
        private const string Esp32Source = "nanoframework/nanoFramework.Hardware.Esp32, nanoFramework.Hardware.Esp32/";
        private const string AdcSource = "nanoframework/System.Device.Adc, System.Device.Adc/";

        private static readonly Dictionary<string, Counterpart> Table = new[]
        {
            new Counterpart("System.Device.I2c.I2cDevice", I2cSource + "I2cDevice.cs (1.1.29)",
                new[] { "_syncLock", "_connectionSettings", "_disposed", "_buffer" }, true, 0, new[] { "_settings", "_syncLock", "_oneByte" },
                "The lock object (12), the settings and the byte[1] buffer (24) are separate objects; the stand-in holds the same three, so they are followed."),
            new Counterpart("System.Device.I2c.I2cConnectionSettings", I2cSource + "I2cConnectionSettings.cs (1.1.29)",
                new[] { "_busId", "_deviceAddress", "_busSpeed" }, false, 0, new string[0],
                "Later releases add _sharingMode; 1.1.29 has none (its API listing, Host/ApiListings/System.Device.I2c.txt, has no SharingMode)."),
            new Counterpart("System.Device.Gpio.GpioController", GpioSource + "GpioController.cs (1.1.62)",
                new[] { "<NumberingScheme>k__BackingField", "_disposedValue" }, false, 0, new string[0],
                "Its lock and the open-pin list s_GpioPins are static (in the assembly record); each open pin's GpioPinBundle is counted with the GpioPin. " +
                "The stand-in's own pin list is host bookkeeping and is not walked."),
            new Counterpart("System.Device.Gpio.GpioPin", GpioSource + "GpioPin.cs (1.1.62)",
                new[] { "_syncLock", "_pinNumber", "_pinMode", "_debounceTimeout", "_callbacks", "_lastInputValue", "_disposedValue" }, true, 12 + 24 + 72,
                new[] { "ValueChanged", "_callbacks" },
                "Hidden: the lock object (12), the PinValue struct object of _lastInputValue (1 field, 24) and the GpioPinBundle the controller adds to " +
                "s_GpioPins per open pin (GpioController.cs: PinNumber, GpioPin, GpioEvents, GpioPinChange, GpioEventsHappening; 72). Growth of the " +
                "static pin lists' arrays is not modelled. Handler delegates (both stand-in delegate fields) are followed."),
            new Counterpart("System.Device.Gpio.GpioPulseCounter", Esp32Source + "Gpio/GpioPulseCounter.cs (1.6.42)",
                new[] { "_pinNumberA", "_pinNumberB", "_polarity", "_countActive", "_filter", "_syncLock", "_disposedValue" }, true, 12, new string[0],
                "Hidden: the lock object (12). 12·(1 + 7) + 24 + 12 = 132 B, the figure measured for a started counter (nanoclr-heap.md §3d)."),
            new Counterpart("System.Device.Adc.AdcController", AdcSource + "AdcController.cs (1.1.24)",
                new[] { "_syncLock", "_channelMode" }, false, 12, new string[0],
                "Hidden: the lock object (12)."),
            new Counterpart("System.Device.Adc.AdcChannel", AdcSource + "AdcChannel.cs (1.1.24)",
                new[] { "_adcController", "_syncLock", "_channelNumber", "_disposed" }, true, 12, new[] { "<Controller>k__BackingField" },
                "_adcController is inherited from AdcChannelBase. Hidden: the lock object (12). The controller reference is followed."),
            new Counterpart("System.Device.Gpio.PinValueChangedEventArgs", GpioSource + "PinValueChangedEventArgs.cs (1.1.62)",
                new[] { "<ChangeType>k__BackingField", "<PinNumber>k__BackingField" }, false, 0, new string[0],
                "Created by the runtime's event path per edge; the per-edge garbage is the measured 120 B (nanoclr-heap.md §3b, §3d), not derived from this row."),
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
