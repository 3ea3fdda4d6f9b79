using System;
using System.Device.Gpio;
using Drivers.Mcp23008;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    public class Mcp23008PinTests : Mcp23008Bench
    {
        private readonly Mcp23008 _driver;

        public Mcp23008PinTests()
        {
            _driver = NewDriver();
        }

        public override void Dispose()
        {
            _driver.Dispose();
            base.Dispose();
        }

        [Fact]
        public void SetPinMode_Output_ClearsOnlyThatIodirBit()
        {
            _driver.SetPinMode(2, Mcp23008PinMode.Output);

            Assert.Equal(0xFB, Raw.Read(IODIR));
            Assert.Equal(Mcp23008PinMode.Output, _driver.GetPinMode(2));
        }

        [Fact]
        public void SetPinMode_InputPullUp_WritesGppuBeforeIodir()
        {
            Raw.Write(IODIR, 0x00);
            using var driver = NewDriver();

            driver.SetPinMode(6, Mcp23008PinMode.InputPullUp);

            Assert.Equal(new[] { (byte)GPPU, (byte)IODIR }, new[] { Log[0].Written[0], Log[1].Written[0] });
            Assert.Equal(0x40, Raw.Read(IODIR));
            Assert.Equal(0x40, Raw.Read(GPPU));
            Assert.True(driver.Read(6), "an undriven input with its pull-up reads high");
            Assert.Equal(Mcp23008PinMode.InputPullUp, driver.GetPinMode(6));
        }

        [Fact]
        public void SetPinMode_Input_SetsIodirAndClearsThePullUp()
        {
            Raw.Write(GPPU, 0xFF);
            Raw.Write(IODIR, 0x00);
            using var driver = NewDriver();

            driver.SetPinMode(1, Mcp23008PinMode.Input);

            Assert.Equal(0x02, Raw.Read(IODIR));
            Assert.Equal(0xFD, Raw.Read(GPPU));
            Assert.Equal(Mcp23008PinMode.Input, driver.GetPinMode(1));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(3)]
        [InlineData(99)]
        public void SetPinMode_UndefinedMode_ThrowsArgumentExceptionWithoutATransfer(int mode)
        {
            var ex = Assert.Throws<ArgumentException>(() => _driver.SetPinMode(0, (Mcp23008PinMode)mode));

            Assert.Equal("mode", ex.ParamName);
            Assert.Empty(Log);
        }

        [Fact]
        public void Write_EachPin_SetsOnlyItsLatchBitAndDrivesThePin()
        {
            _driver.DirectionMask = 0x00;

            _driver.Write(0, true);
            _driver.Write(7, true);
            _driver.Write(0, false);

            Assert.Equal(0x80, Raw.Read(OLAT));
            Assert.Equal(0x80, Chip.PinLevels);
            Assert.Equal(0x80, _driver.OutputLatch);
        }

        [Fact]
        public void Write_PinValue_DrivesLikeTheBoolOverload()
        {
            _driver.DirectionMask = 0x00;

            _driver.Write(3, PinValue.High);
            Assert.Equal(0x08, Raw.Read(OLAT));
            _driver.Write(3, PinValue.Low);
            Assert.Equal(0x00, Raw.Read(OLAT));
        }

        [Fact]
        public void Write_InputPin_OnlyLoadsTheLatchUntilThePinBecomesAnOutput()
        {
            _driver.Write(4, true);
            Assert.False(Chip.PinLevel(4));

            _driver.SetPinMode(4, Mcp23008PinMode.Output);

            Assert.True(Chip.PinLevel(4));
        }

        [Fact]
        public void Toggle_InvertsTheLatchBit()
        {
            _driver.DirectionMask = 0x00;

            _driver.Toggle(5);
            Assert.Equal(0x20, Raw.Read(OLAT));
            _driver.Toggle(5);
            Assert.Equal(0x00, Raw.Read(OLAT));
        }

        [Fact]
        public void Read_Input_ReturnsTheDrivenLevel()
        {
            Chip.DriveInput(6, true);

            Assert.True(_driver.Read(6));
            Assert.False(_driver.Read(5));
        }

        [Fact]
        public void Read_Output_ReturnsTheLatchedLevel()
        {
            _driver.SetPinMode(1, Mcp23008PinMode.Output);
            _driver.Write(1, true);

            Assert.True(_driver.Read(1));
        }

        [Fact]
        public void ReadPort_ReturnsGpio()
        {
            Chip.DriveInputs(0xFF, 0xA5);

            Assert.Equal(0xA5, _driver.ReadPort());
        }

        [Fact]
        public void WritePort_WritesTheWholeLatch()
        {
            _driver.DirectionMask = 0x0F;

            _driver.WritePort(0x3C);

            Assert.Equal(0x3C, Raw.Read(OLAT));
            Assert.Equal(0x30, Chip.PinLevels & 0xF0);
            Assert.Equal(0x3C, _driver.OutputLatch);
        }

        [Fact]
        public void Masks_Setters_WriteTheirRegisters()
        {
            _driver.DirectionMask = 0x0F;
            _driver.PullUpMask = 0x03;
            _driver.PolarityMask = 0x05;

            Assert.Equal(new byte[] { 0x0F, 0x05 }, Raw.Read(IODIR, 2));
            Assert.Equal(0x03, Raw.Read(GPPU));
            Assert.Equal(0x0F, _driver.DirectionMask);
            Assert.Equal(0x03, _driver.PullUpMask);
            Assert.Equal(0x05, _driver.PolarityMask);
        }

        [Fact]
        public void SetPinPolarity_InvertedInput_ReadsTheOppositeLevel()
        {
            Chip.DriveInput(2, false);

            _driver.SetPinPolarity(2, true);

            Assert.Equal(0x04, Raw.Read(IPOL));
            Assert.True(_driver.Read(2));
            _driver.SetPinPolarity(2, false);
            Assert.False(_driver.Read(2));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(8)]
        [InlineData(int.MaxValue)]
        public void EveryPinMember_PinOutside0To7_ThrowsNamingPinAndTheRangeWithoutATransfer(int pin)
        {
            Action[] uses =
            {
                () => _driver.Write(pin, true), () => _driver.Write(pin, PinValue.Low), () => _driver.Toggle(pin), () => _driver.Read(pin),
                () => _driver.SetPinMode(pin, Mcp23008PinMode.Output), () => _driver.GetPinMode(pin), () => _driver.SetPinPolarity(pin, true),
                () => _driver.EnableInterruptOnChange(pin), () => _driver.EnableInterruptOnCompare(pin, true), () => _driver.DisableInterrupt(pin),
            };

            Assert.All(uses, use =>
            {
                var ex = Assert.Throws<ArgumentOutOfRangeException>(use);
                Assert.Equal("pin", ex.ParamName);
                Assert.Contains("0 to 7", ex.Message);
            });
            Assert.Empty(Log);
        }
    }
}
