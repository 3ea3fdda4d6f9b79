using System.Device.Gpio;
using System.Device.I2c;
using Drivers.Mcp23008;
using nanoFramework.Hardware.Esp32;
using nanoFramework.TestFramework;

namespace NFUnitTest.Mcp23008Tests
{
    /// <summary>The driver README's minimal example, compiled and run on the bench.</summary>
    [TestClass]
    public class Mcp23008ExampleTests
    {
        private static Mcp23008 _expander;
        private static GpioController _gpio;
        private static int _changes;

        [TestMethod]
        public void ReadmeExample_OpensValve2AndWatchesTheFloatSwitch()
        {
            // README example: begin
            Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(22, DeviceFunction.I2C1_CLOCK);
            _expander = new Mcp23008(I2cDevice.Create(new I2cConnectionSettings(1, 0x20)));

            // Valves on GP0..GP5: load the latch with every valve closed, then make those pins outputs.
            _expander.WritePort(0x00);
            _expander.DirectionMask = 0xC0;
            _expander.Write(2, true); // open valve 2: one 2-byte I2C write

            // A float switch on GP7 (to GND, internal pull-up), reported through INT on GPIO27.
            _expander.SetPinMode(7, Mcp23008PinMode.InputPullUp);
            _expander.PinChanged += OnPinChanged;
            _expander.EnableInterruptOnChange(7);
            _gpio = new GpioController();
            _expander.EnableInterruptPin(_gpio, 27);
            // README example: end

            Assert.IsTrue(_expander.Read(2));
            Assert.AreEqual((byte)0x04, _expander.OutputLatch);
            Assert.IsNull(_expander.InterruptError);
        }

        // README example: handler
        private static void OnPinChanged(int pin, bool value)
        {
            _changes++; // runs on the GPIO event thread: keep it short
        }

        [Cleanup]
        public void CloseExpander()
        {
            NFUnitTest.Memory.BenchChips.RestoreMcp23008(_expander);
            _expander.Dispose();
            _gpio.Dispose();
        }
    }
}
