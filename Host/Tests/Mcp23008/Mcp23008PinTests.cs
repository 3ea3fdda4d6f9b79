using System;
using System.Device.Gpio;
using Drivers.Mcp23008;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    public class Mcp23008PinTests : Mcp23008DriverBench
    {
        [Fact]
        public void SetPinMode_Output_ClearsOnlyThatIodirBit()
        {
            Driver.SetPinMode(2, Mcp23008PinMode.Output);

            Assert.Equal(0xFB, Raw.Read(IODIR));
            Assert.Equal(Mcp23008PinMode.Output, Driver.GetPinMode(2));
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
            var ex = Assert.Throws<ArgumentException>(() => Driver.SetPinMode(0, (Mcp23008PinMode)mode));

            Assert.Equal("mode", ex.ParamName);
            Assert.Empty(Log);
        }

        [Fact]
        public void Write_EachPin_SetsOnlyItsLatchBitAndDrivesThePin()
        {
            Driver.DirectionMask = 0x00;

            Driver.Write(0, true);
            Driver.Write(7, true);
            Driver.Write(0, false);

            Assert.Equal(0x80, Raw.Read(OLAT));
            Assert.Equal(0x80, Chip.PinLevels);
            Assert.Equal(0x80, Driver.OutputLatch);
        }

        [Fact]
        public void Write_PinValue_DrivesLikeTheBoolOverload()
        {
            Driver.DirectionMask = 0x00;

            Driver.Write(3, PinValue.High);
            Assert.Equal(0x08, Raw.Read(OLAT));
            Driver.Write(3, PinValue.Low);
            Assert.Equal(0x00, Raw.Read(OLAT));
        }

        [Fact]
        public void Write_InputPin_OnlyLoadsTheLatchUntilThePinBecomesAnOutput()
        {
            Driver.Write(4, true);
            Assert.False(Chip.PinLevel(4));

            Driver.SetPinMode(4, Mcp23008PinMode.Output);

            Assert.True(Chip.PinLevel(4));
        }

        [Fact]
        public void Toggle_InvertsTheLatchBit()
        {
            Driver.DirectionMask = 0x00;

            Driver.Toggle(5);
            Assert.Equal(0x20, Raw.Read(OLAT));
            Driver.Toggle(5);
            Assert.Equal(0x00, Raw.Read(OLAT));
        }

        [Fact]
        public void Read_Input_ReturnsTheDrivenLevel()
        {
            Chip.DriveInput(6, true);

            Assert.True(Driver.Read(6));
            Assert.False(Driver.Read(5));
        }

        [Fact]
        public void Read_Output_ReturnsTheLatchedLevel()
        {
            Driver.SetPinMode(1, Mcp23008PinMode.Output);
            Driver.Write(1, true);

            Assert.True(Driver.Read(1));
        }

        [Fact]
        public void ReadPort_ReturnsGpio()
        {
            Chip.DriveInputs(0xFF, 0xA5);

            Assert.Equal(0xA5, Driver.ReadPort());
        }

        [Fact]
        public void WritePort_WritesTheWholeLatch()
        {
            Driver.DirectionMask = 0x0F;

            Driver.WritePort(0x3C);

            Assert.Equal(0x3C, Raw.Read(OLAT));
            Assert.Equal(0x30, Chip.PinLevels & 0xF0);
            Assert.Equal(0x3C, Driver.OutputLatch);
        }

        [Fact]
        public void Masks_Setters_WriteTheirRegisters()
        {
            Driver.DirectionMask = 0x0F;
            Driver.PullUpMask = 0x03;
            Driver.PolarityMask = 0x05;

            Assert.Equal(new byte[] { 0x0F, 0x05 }, Raw.Read(IODIR, 2));
            Assert.Equal(0x03, Raw.Read(GPPU));
            Assert.Equal(0x0F, Driver.DirectionMask);
            Assert.Equal(0x03, Driver.PullUpMask);
            Assert.Equal(0x05, Driver.PolarityMask);
        }

        [Fact]
        public void SetPinPolarity_InvertedInput_ReadsTheOppositeLevel()
        {
            Chip.DriveInput(2, false);

            Driver.SetPinPolarity(2, true);

            Assert.Equal(0x04, Raw.Read(IPOL));
            Assert.True(Driver.Read(2));
            Driver.SetPinPolarity(2, false);
            Assert.False(Driver.Read(2));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(8)]
        [InlineData(int.MaxValue)]
        public void EveryPinMember_PinOutside0To7_ThrowsNamingPinAndTheRangeWithoutATransfer(int pin)
        {
            Action[] uses =
            {
                () => Driver.Write(pin, true), () => Driver.Write(pin, PinValue.Low), () => Driver.Toggle(pin), () => Driver.Read(pin),
                () => Driver.SetPinMode(pin, Mcp23008PinMode.Output), () => Driver.GetPinMode(pin), () => Driver.SetPinPolarity(pin, true),
                () => Driver.EnableInterruptOnChange(pin), () => Driver.EnableInterruptOnCompare(pin, true), () => Driver.DisableInterrupt(pin),
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
