using System;
using System.Device.Gpio;
using System.Device.I2c;
using Drivers.Mcp23008;
using nanoFramework.TestFramework;

namespace NFUnitTest.Mcp23008Tests
{
    /// <summary>Pins and port on the bench MCP23008. Each test sets the state it needs; Cleanup leaves every valve off.</summary>
    [TestClass]
    public class Mcp23008PinTests
    {
        private static I2cDevice _device;
        private static Mcp23008 _expander;

        [Setup]
        public void OpenExpander()
        {
            _device = Mcp23008Bench.OpenDevice();
            _expander = new Mcp23008(_device, false);
        }

        [TestMethod]
        public void WritePort_AllOutputs_ReadPortReturnsTheLatch()
        {
            _expander.WritePort(0x00);
            _expander.DirectionMask = 0x00;

            _expander.WritePort(0xA5);

            Assert.AreEqual((byte)0xA5, _expander.ReadPort());
            Assert.AreEqual((byte)0xA5, _expander.OutputLatch);
            _expander.WritePort(0x00);
            Assert.AreEqual((byte)0x00, _expander.ReadPort());
        }

        [TestMethod]
        public void Toggle_Output_InvertsItsLevel()
        {
            _expander.Write(2, false);
            _expander.SetPinMode(2, Mcp23008PinMode.Output);

            _expander.Toggle(2);
            Assert.IsTrue(_expander.Read(2));
            _expander.Toggle(2);
            Assert.IsFalse(_expander.Read(2));
        }

        [TestMethod]
        public void WritePinValue_Output_DrivesTheLevel()
        {
            _expander.SetPinMode(3, Mcp23008PinMode.Output);

            _expander.Write(3, PinValue.High);
            Assert.IsTrue(_expander.Read(3));
            _expander.Write(3, PinValue.Low);
            Assert.IsFalse(_expander.Read(3));
        }

        [TestMethod]
        public void Masks_Set_ReadBackFromTheShadows()
        {
            _expander.DirectionMask = 0xF0;
            _expander.PullUpMask = 0x0C;
            _expander.PolarityMask = 0x30;

            Assert.AreEqual((byte)0xF0, _expander.DirectionMask);
            Assert.AreEqual((byte)0x0C, _expander.PullUpMask);
            Assert.AreEqual((byte)0x30, _expander.PolarityMask);
            _expander.PullUpMask = 0x00;
            _expander.PolarityMask = 0x00;
            _expander.DirectionMask = 0xFF;
        }

        [TestMethod]
        public void SetPinPolarity_Input_InvertsWhatItReads()
        {
            _expander.SetPinMode(6, Mcp23008PinMode.Input);
            bool level = _expander.Read(6);

            _expander.SetPinPolarity(6, true);
            bool inverted = _expander.Read(6);
            _expander.SetPinPolarity(6, false);

            Assert.AreEqual(!level, inverted);
        }

        [TestMethod]
        public void NewDriver_OnAConfiguredChip_SyncsItsShadows()
        {
            _expander.WritePort(0x00);
            _expander.DirectionMask = 0x0F;
            _expander.Write(5, true);

            Mcp23008 second = new Mcp23008(_device, false);

            Assert.AreEqual((byte)0x0F, second.DirectionMask);
            Assert.AreEqual((byte)0x20, second.OutputLatch);
            second.Dispose();
            _expander.Write(5, false);
            _expander.DirectionMask = 0xFF;
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(4)]
        [DataRow(7)]
        public void Write_OutputPin_ReadsBackTheDrivenLevel(int pin)
        {
            _expander.Write(pin, false);
            _expander.SetPinMode(pin, Mcp23008PinMode.Output);

            _expander.Write(pin, true);
            Assert.IsTrue(_expander.Read(pin));
            _expander.Write(pin, false);
            Assert.IsFalse(_expander.Read(pin));
            Assert.AreEqual((int)Mcp23008PinMode.Output, (int)_expander.GetPinMode(pin));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        public void SetPinMode_EachMode_IsReportedByGetPinMode(int mode)
        {
            _expander.SetPinMode(1, (Mcp23008PinMode)mode);

            Assert.AreEqual(mode, (int)_expander.GetPinMode(1));
            _expander.SetPinMode(1, Mcp23008PinMode.Input);
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(8)]
        public void Write_PinOutside0To7_ThrowsArgumentOutOfRange(int pin)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _expander.Write(pin, true));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _expander.Read(pin));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => _expander.SetPinMode(pin, Mcp23008PinMode.Output));
        }

        [TestMethod]
        public void SetPinMode_UndefinedMode_ThrowsArgument()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => _expander.SetPinMode(0, (Mcp23008PinMode)7));
        }

        [TestMethod]
        public void Constructor_AddressOutsideTheRange_ThrowsArgumentOutOfRange()
        {
            I2cDevice elsewhere = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Mcp23008(elsewhere));
            elsewhere.Dispose();
        }

        [TestMethod]
        public void Disposed_Driver_ThrowsObjectDisposed()
        {
            Mcp23008 disposed = new Mcp23008(_device, false);
            disposed.Dispose();

            Assert.ThrowsException(typeof(ObjectDisposedException), () => disposed.Write(0, true));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => disposed.ReadPort());
        }

        [Cleanup]
        public void CloseExpander()
        {
            NFUnitTest.Memory.BenchChips.RestoreMcp23008(_expander);
            _expander.Dispose();
            _device.Dispose();
        }
    }
}
