using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Linq;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    public class Mcp23008InterruptTests : Mcp23008DriverBench
    {
        private readonly List<(int Pin, bool Value)> _events = new List<(int, bool)>();
        private readonly GpioController _controller = new GpioController();

        public Mcp23008InterruptTests()
        {
            Driver.PinChanged += (pin, value) =>
            {
                lock (_events)
                {
                    _events.Add((pin, value));
                }
            };
        }

        private (int Pin, bool Value)[] Events
        {
            get
            {
                Board.Events.WaitUntilIdle();
                lock (_events)
                {
                    return _events.ToArray();
                }
            }
        }

        public override void Dispose()
        {
            base.Dispose();
            _controller.Dispose();
        }

        [Fact]
        public void EnableInterruptOnChange_WritesIntconServesThenWritesGpinten()
        {
            Raw.Write(INTCON, 0xFF);
            using var driver = NewDriver();

            driver.EnableInterruptOnChange(4);

            Assert.Equal(new[] { new byte[] { INTCON, 0xEF }, new byte[] { INTF }, new byte[] { GPINTEN, 0x10 } }, Log.Select(e => e.Written));
        }

        [Fact]
        public void EnableInterruptOnChange_PinChangedWhileNotWatched_NextChangeIsReportedFromItsLevelAtEnable()
        {
            Driver.SetPinMode(0, Mcp23008PinMode.InputPullUp);

            Driver.EnableInterruptOnChange(0);
            Chip.DriveInput(0, false);

            Assert.Equal(0x01, Driver.ServiceInterrupt());
            Assert.Equal(new[] { (0, false) }, Events);
        }

        [Fact]
        public void EnableInterruptOnCompare_WritesDefvalAndIntconTogetherThenGpinten()
        {
            Driver.EnableInterruptOnCompare(1, true);
            Driver.EnableInterruptOnCompare(2, false);

            Assert.Equal(
                new[] { new byte[] { DEFVAL, 0x02, 0x02 }, new byte[] { GPINTEN, 0x02 }, new byte[] { DEFVAL, 0x02, 0x06 }, new byte[] { GPINTEN, 0x06 } },
                Log.Select(e => e.Written));
        }

        [Fact]
        public void DisableInterrupt_ClearsOnlyThatGpintenBit()
        {
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptOnChange(1);

            Driver.DisableInterrupt(0);

            Assert.Equal(0x02, Raw.Read(GPINTEN));
            Chip.DriveInput(0, true);
            Assert.False(Chip.InterruptPending);
        }

        [Fact]
        public void ReadInterruptFlags_ShowsTheCausingPinAndDoesNotClear()
        {
            Driver.EnableInterruptOnChange(6);
            Chip.DriveInput(6, true);

            Assert.Equal(0x40, Driver.ReadInterruptFlags());
            Assert.Equal(0x40, Driver.ReadInterruptFlags());
            Assert.True(Chip.InterruptPending);
        }

        [Fact]
        public void ReadInterruptCapture_ReturnsThePortAtTheInterruptAndClears()
        {
            Driver.EnableInterruptOnChange(6);
            Chip.DriveInput(6, true);
            Chip.DriveInput(5, true);

            Assert.Equal(0x40, Driver.ReadInterruptCapture());
            Assert.False(Chip.InterruptPending);
            Assert.Empty(Events);
        }

        [Fact]
        public void ServiceInterrupt_OneChange_RaisesOneEventWithPinAndCapturedValueAndClears()
        {
            Driver.EnableInterruptOnChange(2);
            Chip.DriveInput(2, true);

            Assert.Equal(0x04, Driver.ServiceInterrupt());

            Assert.Equal(new[] { (2, true) }, Events);
            Assert.False(Chip.InterruptPending);
        }

        [Fact]
        public void ServiceInterrupt_NothingPending_RaisesNothing()
        {
            Driver.EnableInterruptOnChange(2);

            Assert.Equal(0, Driver.ServiceInterrupt());

            Assert.Empty(Events);
        }

        [Fact]
        public void ServiceInterrupt_RisingThenFalling_ReportsBothValues()
        {
            Driver.EnableInterruptOnChange(2);

            Chip.DriveInput(2, true);
            Driver.ServiceInterrupt();
            Chip.DriveInput(2, false);
            Driver.ServiceInterrupt();

            Assert.Equal(new[] { (2, true), (2, false) }, Events);
        }

        [Fact]
        public void ServiceInterrupt_SeveralPinsChangingTogether_ReportsEveryChangedPinAlthoughIntfFlagsOne()
        {
            for (int pin = 0; pin < 8; pin++)
            {
                Driver.EnableInterruptOnChange(pin);
            }

            Chip.DriveInputs(0x29, 0x29);
            Assert.Equal(0x01, Chip.Peek(INTF));

            Assert.Equal(0x29, Driver.ServiceInterrupt());
            Assert.Equal(new[] { (0, true), (3, true), (5, true) }, Events);
        }

        [Fact]
        public void ServiceInterrupt_ChangeOfAPinWithoutInterrupt_IsNotReported()
        {
            Driver.EnableInterruptOnChange(0);

            Chip.DriveInputs(0x03, 0x03);

            Assert.Equal(0x01, Driver.ServiceInterrupt());
            Assert.Equal(new[] { (0, true) }, Events);
        }

        [Fact]
        public void ServiceInterrupt_PinDisabledAfterItLatched_IsStillReported()
        {
            Driver.EnableInterruptOnChange(4);
            Chip.DriveInput(4, true);

            Driver.DisableInterrupt(4);

            Assert.Equal(0x10, Driver.ServiceInterrupt());
            Assert.Equal(new[] { (4, true) }, Events);
        }

        [Fact]
        public void GpioRead_ClearsThePendingInterrupt_AndTheNextServiceStillReportsItsChange()
        {
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptOnChange(1);
            Chip.DriveInput(0, true);

            Driver.Read(7);
            Assert.False(Chip.InterruptPending);
            Assert.Equal(0x01, Driver.ServiceInterrupt());

            Chip.DriveInput(1, true);
            Assert.Equal(0x02, Driver.ServiceInterrupt());
            Assert.Equal(new[] { (0, true), (1, true) }, Events);
        }

        [Fact]
        public void IntcapRead_ClearsThePendingInterrupt()
        {
            Driver.EnableInterruptOnChange(0);
            Chip.DriveInput(0, true);

            Driver.ReadInterruptCapture();

            Assert.False(Chip.InterruptPending);
            Assert.Equal(0, Driver.ReadInterruptFlags());
        }

        [Fact]
        public void CompareMode_PinAwayFromDefval_IsReportedOnceAndHeldInOnChangeModeUntilItReturns()
        {
            Driver.EnableInterruptOnCompare(3, false);
            Chip.DriveInput(3, true);

            ClearLog();
            Assert.Equal(0x08, Driver.ServiceInterrupt());
            Assert.Equal(0x00, Chip.Peek(INTCON));

            // The condition latched again at the clearing read, before the INTCON write: served once more.
            Assert.Equal("WriteRead 6, Write 3, WriteRead 6", Transfers);
            Assert.False(Chip.InterruptPending, "held in on-change mode, the pin no longer interrupts while it stays away");
            Assert.Equal(0x00, Driver.ServiceInterrupt());

            Chip.DriveInput(3, false);
            Assert.True(Chip.InterruptPending);
            Assert.Equal(0x08, Driver.ServiceInterrupt());
            Assert.Equal(0x08, Chip.Peek(INTCON));
            Assert.False(Chip.InterruptPending);

            Assert.Equal(new[] { (3, true), (3, false) }, Events);
        }

        [Fact]
        public void CompareMode_Rearmed_WritesDefvalAndIntconAndReportsTheDepartureFromTheNewDefault()
        {
            Driver.EnableInterruptOnCompare(3, false);
            Chip.DriveInput(3, true);
            Driver.ServiceInterrupt();

            Driver.EnableInterruptOnCompare(3, true);
            Assert.Equal(0x08, Chip.Peek(INTCON));
            Assert.Equal(0x00, Driver.ServiceInterrupt());
            Chip.DriveInput(3, false);
            Assert.Equal(0x08, Driver.ServiceInterrupt());

            Assert.Equal(new[] { (3, true), (3, false) }, Events);
        }

        [Fact]
        public void CompareMode_EnabledOnAPinAlreadyDifferent_InterruptsAtOnce()
        {
            Chip.DriveInput(1, true);

            Driver.EnableInterruptOnCompare(1, false);

            Assert.Equal(0x02, Driver.ReadInterruptFlags());
        }

        [Fact]
        public void PinChanged_Unsubscribed_IsNotRaised()
        {
            using var driver = NewDriver();
            int calls = 0;
            PinChangedHandler handler = (pin, value) => calls++;
            driver.PinChanged += handler;
            driver.PinChanged -= handler;
            driver.EnableInterruptOnChange(0);
            Chip.DriveInput(0, true);

            Assert.Equal(0x01, driver.ServiceInterrupt());

            Assert.Equal(0, calls);
        }

        [Fact]
        public void InterruptPin_Change_IsServedOnTheEventThreadWithOneTransfer()
        {
            Driver.EnableInterruptOnChange(5);
            Driver.EnableInterruptPin(_controller, InterruptGpio);
            ClearLog();

            Chip.DriveInput(5, true);
            Board.Events.WaitUntilIdle();

            Assert.Equal(new[] { (5, true) }, Events);
            I2cTransaction service = Assert.Single(Log);
            Assert.Equal(I2cMethod.WriteRead, service.Method);
            Assert.Equal(new byte[] { INTF }, service.Written);
            Assert.Equal(3, service.Read.Length);
            Assert.True(Board.Pin(InterruptGpio).Level, "INT released after the service");
        }

        [Fact]
        public void InterruptPin_ButtonPresses_ArriveInOrder()
        {
            Driver.SetPinMode(0, Mcp23008PinMode.InputPullUp);
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            for (int i = 0; i < 3; i++)
            {
                Chip.DriveInput(0, false);
                Board.Events.WaitUntilIdle();
                Chip.ReleaseInput(0);
                Board.Events.WaitUntilIdle();
            }

            Assert.Equal(new[] { (0, false), (0, true), (0, false), (0, true), (0, false), (0, true) }, Events);
        }

        [Fact]
        public void InterruptPin_ActiveHigh_IsServedOnRisingEdges()
        {
            Driver.InterruptOutput = Mcp23008InterruptOutput.ActiveHigh;
            Driver.EnableInterruptOnChange(1);
            Driver.EnableInterruptPin(_controller, InterruptGpio);
            ClearLog();

            Chip.DriveInput(1, true);

            Assert.Equal(new[] { (1, true) }, Events);
            Assert.Single(Log);
            Assert.False(Board.Pin(InterruptGpio).Level);
        }

        [Fact]
        public void InterruptPin_OpenDrain_UsesTheEsp32PullUpAndIsServed()
        {
            Driver.InterruptOutput = Mcp23008InterruptOutput.OpenDrain;
            Driver.EnableInterruptOnChange(1);
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(InterruptGpio));
            Assert.True(Board.Pin(InterruptGpio).Level);
            Chip.DriveInput(1, true);

            Assert.Equal(new[] { (1, true) }, Events);
            Assert.True(Board.Pin(InterruptGpio).Level);
        }

        [Fact]
        public void InterruptOutput_ChangedWhileThePinIsEnabled_SwitchesTheEsp32PullUp()
        {
            Driver.EnableInterruptPin(_controller, InterruptGpio);
            Assert.Equal(PinMode.Input, _controller.GetPinMode(InterruptGpio));

            Driver.InterruptOutput = Mcp23008InterruptOutput.OpenDrain;
            Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(InterruptGpio));

            Driver.InterruptOutput = Mcp23008InterruptOutput.ActiveLow;
            Assert.Equal(PinMode.Input, _controller.GetPinMode(InterruptGpio));
        }

        [Fact]
        public void InterruptPin_InterruptAlreadyPendingWhenEnabled_IsServedAtOnce()
        {
            Driver.EnableInterruptOnChange(2);
            Chip.DriveInput(2, true);

            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Assert.Equal(new[] { (2, true) }, Events);
            Assert.False(Chip.InterruptPending);
        }

        [Fact]
        public void InterruptPin_CompareMode_DepartureAndReturnEachRaisedOnce_AndIntIsReleased()
        {
            Driver.EnableInterruptOnCompare(4, false);
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Chip.DriveInput(4, true);
            Board.Events.WaitUntilIdle();
            Assert.True(Board.Pin(InterruptGpio).Level, "INT released while the pin stays away");
            Chip.DriveInput(4, false);
            Board.Events.WaitUntilIdle();

            Assert.Equal(new[] { (4, true), (4, false) }, Events);
            Assert.False(Chip.InterruptPending);
            Assert.Null(Driver.InterruptError);
        }

        [Fact]
        public void EnableInterruptPin_Twice_ThrowsInvalidOperation()
        {
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Assert.Throws<InvalidOperationException>(() => Driver.EnableInterruptPin(_controller, InterruptGpio));
            Assert.Throws<ArgumentNullException>(() => Driver.EnableInterruptPin(null, InterruptGpio));
        }

        [Fact]
        public void DisableInterruptPin_ClosesThePinAndStopsEvents()
        {
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Driver.DisableInterruptPin();
            Chip.DriveInput(0, true);

            Assert.False(_controller.IsPinOpen(InterruptGpio));
            Assert.Empty(Events);
            Assert.True(Chip.InterruptPending);
            Driver.EnableInterruptPin(_controller, InterruptGpio);
            Assert.Equal(new[] { (0, true) }, Events);
        }

        [Fact]
        public void Dispose_DetachesTheInterruptHandlerAndClosesThePin()
        {
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptPin(_controller, InterruptGpio);

            Driver.Dispose();
            Chip.DriveInput(0, true);

            Assert.Empty(Events);
            Assert.False(_controller.IsPinOpen(InterruptGpio));
            Assert.True(Chip.InterruptPending);
        }

        [Fact]
        public void InterruptPin_BusErrorInTheHandler_IsRecordedAndServiceInterruptRecovers()
        {
            Driver.EnableInterruptOnChange(0);
            Driver.EnableInterruptPin(_controller, InterruptGpio);
            Board.I2cBus(1).InjectFault(Address, new I2cFault(I2cFaultKind.AddressNack));

            Chip.DriveInput(0, true);
            Board.Events.WaitUntilIdle();

            var error = Assert.IsType<Mcp23008Exception>(Driver.InterruptError);
            Assert.Contains("INTF (0x07)", error.Message);
            Assert.True(Chip.InterruptPending, "INT stays active, no new edge comes");
            Assert.Empty(Events);

            Assert.Equal(0x01, Driver.ServiceInterrupt());
            Assert.Null(Driver.InterruptError);
            Assert.Equal(new[] { (0, true) }, Events);
        }

        [Fact]
        public void InterruptOutput_Setter_KeepsTheOtherIoconBits()
        {
            Raw.Write(IOCON, DISSLW);
            using var driver = NewDriver();

            driver.InterruptOutput = Mcp23008InterruptOutput.OpenDrain;
            Assert.Equal(DISSLW | ODR, Raw.Read(IOCON));
            driver.InterruptOutput = Mcp23008InterruptOutput.ActiveHigh;
            Assert.Equal(DISSLW | INTPOL, Raw.Read(IOCON));
            driver.SequentialOperation = false;
            Assert.Equal(DISSLW | INTPOL | SEQOP, Chip.Peek(IOCON));
            driver.InterruptOutput = Mcp23008InterruptOutput.ActiveLow;
            Assert.Equal(DISSLW | SEQOP, Chip.Peek(IOCON));
            driver.SequentialOperation = true;
            Assert.Equal(DISSLW, Raw.Read(IOCON));
            Assert.Equal(Mcp23008InterruptOutput.ActiveLow, driver.InterruptOutput);
        }

        [Fact]
        public void InterruptOutput_UndefinedValue_ThrowsArgumentExceptionWithoutATransfer()
        {
            var ex = Assert.Throws<ArgumentException>(() => Driver.InterruptOutput = (Mcp23008InterruptOutput)7);

            Assert.Equal("value", ex.ParamName);
            Assert.Empty(Log);
        }
    }
}
