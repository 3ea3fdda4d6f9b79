using System.Device.Gpio;
using System.Device.I2c;
using System.Threading;
using Drivers.Mcp23008;
using nanoFramework.TestFramework;

namespace NFUnitTest.Mcp23008Tests
{
    /// <summary>
    /// Interrupts on the bench MCP23008 without any outside stimulus: a compare interrupt whose DEFVAL is the opposite of
    /// the pin's present level fires at once (DS21919 §1.7), whatever that level is.
    /// </summary>
    [TestClass]
    public class Mcp23008InterruptTests
    {
        private const int Pin = 7;
        private static I2cDevice _device;
        private static Mcp23008 _expander;
        private static GpioController _controller;
        private static int _events;
        private static int _lastPin;
        private static bool _lastValue;

        [Setup]
        public void OpenExpander()
        {
            _device = Mcp23008Bench.OpenDevice();
            _expander = new Mcp23008(_device);
            _controller = new GpioController();
            _expander.PinChanged += OnPinChanged;
            _expander.SetPinMode(Pin, Mcp23008PinMode.Input);
        }

        [TestMethod]
        public void CompareInterrupt_Polled_FlagsThePinUntilServed()
        {
            bool level = _expander.Read(Pin);
            _events = 0;

            _expander.EnableInterruptOnCompare(Pin, !level);

            Assert.AreEqual((byte)(1 << Pin), _expander.ReadInterruptFlags());
            Assert.AreEqual((byte)(1 << Pin), _expander.ReadInterruptFlags(), "reading INTF does not clear");
            _expander.DisableInterrupt(Pin);
            Assert.AreEqual((byte)(1 << Pin), _expander.ServiceInterrupt());
            Assert.AreEqual(1, _events);
            Assert.AreEqual(Pin, _lastPin);
            Assert.AreEqual(level, _lastValue);
            Assert.AreEqual((byte)0, _expander.ReadInterruptFlags());
        }

        [TestMethod]
        public void ReadInterruptCapture_PendingCompareInterrupt_ReturnsThePinLevelAndClears()
        {
            bool level = _expander.Read(Pin);
            _expander.EnableInterruptOnCompare(Pin, !level);
            _expander.DisableInterrupt(Pin);

            byte captured = _expander.ReadInterruptCapture();

            Assert.AreEqual(level, (captured & (1 << Pin)) != 0);
            Assert.AreEqual((byte)0, _expander.ReadInterruptFlags());
        }

        [TestMethod]
        public void CompareInterrupt_ThroughTheIntPin_RaisesPinChangedWithThePinLevel()
        {
            bool level = _expander.Read(Pin);
            _events = 0;
            _expander.EnableInterruptPin(_controller, Mcp23008Bench.InterruptGpio);

            _expander.EnableInterruptOnCompare(Pin, !level);
            Thread.Sleep(50);

            _expander.DisableInterruptPin();
            Assert.AreEqual(1, _events, "raised once: the pin is held in on-change mode while it differs from DEFVAL");
            Assert.AreEqual(Pin, _lastPin);
            Assert.AreEqual(level, _lastValue);
            Assert.IsNull(_expander.InterruptError);
            Assert.AreEqual((byte)0, _expander.ReadInterruptFlags(), "INT released");
        }

        [TestMethod]
        public void CompareInterrupt_ByteModeAndOpenDrain_StillServedThroughTheIntPin()
        {
            bool level = _expander.Read(Pin);
            _expander.SequentialOperation = false;
            _expander.InterruptOutput = Mcp23008InterruptOutput.OpenDrain;
            _events = 0;
            _expander.EnableInterruptPin(_controller, Mcp23008Bench.InterruptGpio);

            _expander.EnableInterruptOnCompare(Pin, !level);
            Thread.Sleep(50);

            _expander.DisableInterruptPin();
            _expander.InterruptOutput = Mcp23008InterruptOutput.ActiveLow;
            _expander.SequentialOperation = true;
            Assert.AreEqual(1, _events);
            Assert.AreEqual(level, _lastValue);
            Assert.AreEqual((int)Mcp23008InterruptOutput.ActiveLow, (int)_expander.InterruptOutput);
            Assert.IsTrue(_expander.SequentialOperation);
        }

        private static void OnPinChanged(int pin, bool value)
        {
            _events++;
            _lastPin = pin;
            _lastValue = value;
        }

        [Cleanup]
        public void CloseExpander()
        {
            _expander.DisableInterrupt(Pin);
            _expander.ServiceInterrupt();
            NFUnitTest.Memory.BenchChips.RestoreMcp23008(_expander);
            _expander.Dispose();
            _controller.Dispose();
        }
    }
}
