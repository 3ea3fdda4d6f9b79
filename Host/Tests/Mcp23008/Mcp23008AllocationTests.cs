using System.Device.Gpio;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>
    /// What the driver's own code allocates, measured exactly on the host (stand-in and simulator excluded): nothing per
    /// pin write, pin read or interrupt event, on the calling thread and in the INT handler on the event thread.
    /// </summary>
    public class Mcp23008AllocationTests : Mcp23008Bench
    {
        private const int Operations = 10_000;
        private readonly Mcp23008 _driver;
        private readonly PinChangedHandler _onPinChanged;
        private int _events;
        private int _highs;

        public Mcp23008AllocationTests()
        {
            _driver = NewDriver();
            _onPinChanged = OnPinChanged;
            Board.I2cLog.Recording = false;
        }

        public override void Dispose()
        {
            Board.I2cLog.Recording = true;
            _driver.Dispose();
            base.Dispose();
        }

        [Fact]
        public void PinWritesAndToggles_10000Each_AllocateNothing()
        {
            _driver.DirectionMask = 0x00;
            _driver.Write(0, true);
            _driver.Toggle(0);

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    _driver.Write(i & 7, (i & 8) != 0);
                    _driver.Toggle(i & 7);
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(2 * Operations, Board.I2cLog.Count - 3);
        }

        [Fact]
        public void PinReads_10000_AllocateNothing()
        {
            Chip.DriveInput(4, true);
            _driver.Read(4);
            int highs = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    if (_driver.Read(i & 7))
                    {
                        highs++;
                    }
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(Operations / 8, highs);
        }

        [Fact]
        public void InterruptEvents_10000ServedOnTheCallingThread_AllocateNothing()
        {
            _driver.PinChanged += _onPinChanged;
            _driver.EnableInterruptOnChange(1);
            Chip.DriveInput(1, true);
            _driver.ServiceInterrupt();
            _events = 0;
            _highs = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    Chip.DriveInput(1, (i & 1) != 0);
                    _driver.ServiceInterrupt();
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(Operations, _events);
            Assert.Equal(Operations / 2, _highs);
        }

        [Fact]
        public void InterruptEvents_10000ServedByTheIntHandler_AllocateNothingInTheHandler()
        {
            using var controller = new GpioController();
            _driver.PinChanged += _onPinChanged;
            _driver.EnableInterruptOnChange(1);
            _driver.EnableInterruptPin(controller, InterruptGpio);
            Chip.DriveInput(1, true);
            Board.Events.WaitUntilIdle();
            _events = 0;
            _highs = 0;
            long handlerBytesBefore = Board.Events.HandlerAllocatedBytes;

            for (int i = 0; i < Operations; i++)
            {
                Chip.DriveInput(1, (i & 1) != 0);
                Board.Events.WaitUntilIdle();
            }

            Assert.Equal(0, Board.Events.HandlerAllocatedBytes - handlerBytesBefore);
            Assert.Equal(Operations, _events);
            Assert.Equal(Operations / 2, _highs);
            Assert.Null(_driver.InterruptError);
        }

        private void OnPinChanged(int pin, bool value)
        {
            _events++;
            if (value)
            {
                _highs++;
            }
        }
    }
}
