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
    /// <summary>
    /// INT as a level (DS21919 §1.7), served by the driver's INT handler: the ESP32 pin follows the simulator's INT line and
    /// the handler gets only the events nanoFramework would post. Each scenario runs with GP0 and GP1 in on-change and in
    /// compare mode (DEFVAL = low), and under both readings of what the chip does with a change made while an interrupt is
    /// pending (latched again at the clearing read, as the MCP23017 datasheet states, or absorbed). Every change must reach
    /// <see cref="Mcp23008.PinChanged"/>, once, in order.
    /// </summary>
    public class Mcp23008IntLevelTests : Mcp23008DriverBench
    {
        private const int P = 0;
        private const int Q = 1;
        private readonly List<(int Pin, bool Value)> _events = new List<(int, bool)>();
        private readonly GpioController _controller = new GpioController();

        public Mcp23008IntLevelTests()
        {
            Driver.PinChanged += (pin, value) =>
            {
                lock (_events)
                {
                    _events.Add((pin, value));
                }
            };
        }

        public static TheoryData<bool, bool> ModesAndReadings => new TheoryData<bool, bool>
        {
            { false, true },
            { false, false },
            { true, true },
            { true, false },
        };

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

        private bool IntActive => !Board.Pin(InterruptGpio).Level;

        public override void Dispose()
        {
            base.Dispose();
            _controller.Dispose();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinChangesAndReturnsWithinOneService_BothLevelsAreRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            OnNextRead(INTCAP, () => Chip.DriveInput(P, false));

            Chip.DriveInput(P, true);

            Assert.Equal(new[] { (P, true), (P, false) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinChangesAndReturnsBeforeTheServiceReadsIntcap_BothLevelsAreRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            OnNextRead(INTF, () => Chip.DriveInput(P, false));

            Chip.DriveInput(P, true);

            Assert.Equal(new[] { (P, true), (P, false) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void TwoPinsChangeInQuickSuccession_BothAreRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);

            Chip.DriveInput(P, true);
            Chip.DriveInput(Q, true);

            Assert.Equal(new[] { (P, true), (Q, true) }, Events);
            Chip.DriveInputs(0x03, 0x00);
            Assert.Equal(new[] { (P, true), (Q, true), (P, false), (Q, false) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinChangesBeforeTheServiceReadsIntcap_ItIsRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            OnNextRead(INTF, () => Chip.DriveInput(Q, true));

            Chip.DriveInput(P, true);

            Assert.Equal(new[] { (P, true), (Q, true) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinChangesBeforeTheServiceReadsGpio_ItIsRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            OnNextRead(INTCAP, () => Chip.DriveInput(Q, true));

            Chip.DriveInput(P, true);

            Assert.Equal(new[] { (P, true), (Q, true) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinChangesRightAfterTheServiceReadGpio_ItIsRaised(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            OnNextRead(GPIO, () => Chip.DriveInput(Q, true));

            Chip.DriveInput(P, true);

            Assert.Equal(new[] { (P, true), (Q, true) }, Events);
            AssertQuiet();
        }

        [Theory]
        [MemberData(nameof(ModesAndReadings))]
        public void PinHeldAwayForAMinute_RaisedOnceAndEveryOtherChangeStillArrives(bool compare, bool relatch)
        {
            Arm(compare, relatch);
            var expected = new List<(int, bool)> { (P, true) };

            Chip.DriveInput(P, true);
            Board.Events.WaitUntilIdle();
            ClearLog();
            for (int second = 1; second <= 60; second++)
            {
                Board.Clock.Advance(TimeSpan.TicksPerSecond);
                if (second % 10 == 0)
                {
                    bool level = second % 20 == 10;
                    Chip.DriveInput(Q, level);
                    expected.Add((Q, level));
                }

                Board.Events.WaitUntilIdle();
            }

            long transfersInTheMinute = Board.I2cLog.Count;
            Chip.DriveInput(P, false);
            expected.Add((P, false));

            Assert.Equal(expected, Events);

            // Six changes of GP1: one read each in on-change mode; in compare mode a departure takes a read, the INTCON write
            // and a read of the latch made before it, a return a read and the INTCON write.
            Assert.Equal(compare ? (3 * 3) + (3 * 2) : 6, transfersInTheMinute);
            AssertQuiet();
        }

        [Fact]
        public void IntHeldActiveBehindTheDriversBack_HandlerGivesUpAfterEightServices_AndServiceInterruptRecovers()
        {
            Arm(compare: false, relatch: true);
            int gpioReads = 0;
            Chip.RegisterRead += register => gpioReads += register == GPIO ? 1 : 0;

            // GP2 put in compare mode by a raw write the driver does not know of: its condition holds INT active for good.
            Chip.DriveInput(2, true);
            Raw.Write(DEFVAL, 0x00, 0x04);
            Raw.Write(GPINTEN, 0x07);
            Board.Events.WaitUntilIdle();

            Assert.Equal(8, gpioReads);
            var error = Assert.IsType<Mcp23008Exception>(Driver.InterruptError);
            Assert.Contains("INT still active after 8 services", error.Message);
            Assert.True(IntActive);
            Assert.Equal(new[] { (2, true) }, Events);

            Raw.Write(GPINTEN, 0x03);
            Assert.Equal(0, Driver.ServiceInterrupt());
            Assert.Null(Driver.InterruptError);
            AssertQuiet();
        }

        [Fact]
        public void IntLineChangesOfTheServiceItself_AreNotMistakenForNewInterrupts()
        {
            Arm(compare: false, relatch: true);
            long delivered = Board.Events.Delivered;

            Chip.DriveInput(P, true);
            Assert.Equal(new[] { (P, true) }, Events);

            // Two events (INT active, INT released); the second finds INT inactive and makes no transfer.
            Assert.Equal(2, Board.Events.Delivered - delivered);
            Assert.Equal(1, Board.I2cLog.Entries.Count(e => e.Method == I2cMethod.WriteRead && e.Written[0] == INTF));
        }

        private void Arm(bool compare, bool relatch)
        {
            Chip.RelatchChangesWhilePending = relatch;
            Chip.DriveInputs(0x03, 0x00);
            foreach (int pin in new[] { P, Q })
            {
                if (compare)
                {
                    Driver.EnableInterruptOnCompare(pin, false);
                }
                else
                {
                    Driver.EnableInterruptOnChange(pin);
                }
            }

            Driver.EnableInterruptPin(_controller, InterruptGpio);
            Assert.Empty(Events);
            ClearLog();
        }

        private void OnNextRead(int register, Action change)
        {
            bool done = false;
            Chip.RegisterRead += r =>
            {
                if (r == register && !done)
                {
                    done = true;
                    change();
                }
            };
        }

        private void AssertQuiet()
        {
            Assert.False(IntActive, "INT released");
            Assert.False(Chip.InterruptPending);
            Assert.Null(Driver.InterruptError);
        }
    }
}
