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
    public class Mcp23008AllocationTests : Mcp23008DriverBench
    {
        private const int Operations = 10_000;
        private readonly PinChangedHandler _onPinChanged;
        private int _events;
        private int _highs;

        public Mcp23008AllocationTests()
        {
            _onPinChanged = OnPinChanged;
            Board.I2cLog.Recording = false;
        }

        public override void Dispose()
        {
            Board.I2cLog.Recording = true;
            base.Dispose();
        }

        [Fact]
        public void PinWritesAndToggles_10000Each_AllocateNothing()
        {
            Driver.DirectionMask = 0x00;
            Driver.Write(0, true);
            Driver.Toggle(0);

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    Driver.Write(i & 7, (i & 8) != 0);
                    Driver.Toggle(i & 7);
                }
            });

            Assert.Equal(0, bytes);
            Assert.Equal(2 * Operations, Board.I2cLog.Count - 3);
        }

        [Fact]
        public void PinReads_10000_AllocateNothing()
        {
            Chip.DriveInput(4, true);
            Driver.Read(4);
            int highs = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    if (Driver.Read(i & 7))
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
            Driver.PinChanged += _onPinChanged;
            Driver.EnableInterruptOnChange(1);
            Chip.DriveInput(1, true);
            Driver.ServiceInterrupt();
            _events = 0;
            _highs = 0;

            long bytes = AllocationLedger.DriverBytes(() =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    Chip.DriveInput(1, (i & 1) != 0);
                    Driver.ServiceInterrupt();
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
            Driver.PinChanged += _onPinChanged;
            Driver.EnableInterruptOnChange(1);
            Driver.EnableInterruptPin(controller, InterruptGpio);
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
            Assert.Null(Driver.InterruptError);
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
