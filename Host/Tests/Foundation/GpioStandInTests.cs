using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;
using VirtualBoard;
using Xunit;

namespace HostTests.Foundation
{
    /// <summary>The GPIO stand-in behaves as nanoFramework 1.x: one event per edge, on the event-dispatch thread.</summary>
    public class GpioStandInTests
    {
        public GpioStandInTests() => Board.Reset();

        [Fact]
        public void ValueChanged_ExternalEdges_ArriveOnAnotherThreadOnePerEdge()
        {
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(4, PinMode.Input);
            var seen = new List<PinEventTypes>();
            int handlerThread = -1;
            pin.ValueChanged += (sender, e) =>
            {
                handlerThread = Thread.CurrentThread.ManagedThreadId;
                lock (seen)
                {
                    seen.Add(e.ChangeType);
                }
            };

            Board.Pin(4).DriveExternally(true);
            Board.Pin(4).DriveExternally(false);
            Board.Pin(4).DriveExternally(false);
            Board.Events.WaitUntilIdle();

            Assert.Equal(new[] { PinEventTypes.Rising, PinEventTypes.Falling }, seen);
            Assert.NotEqual(Thread.CurrentThread.ManagedThreadId, handlerThread);
            Assert.Equal(Board.Events.ThreadId, handlerThread);
        }

        [Fact]
        public void ValueChanged_LevelHeldOrAlreadyThereWhenAttached_PostsNothing()
        {
            // nf-interpreter cpu_gpio.cpp (gpio_isr): an event is the level the ISR read on an edge; a level that does not
            // change, such as an interrupt line a chip keeps asserting, never posts one.
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(5, PinMode.Input);
            Board.Pin(5).DriveExternally(false);
            int events = 0;
            pin.ValueChanged += (sender, e) => Interlocked.Increment(ref events);

            for (int i = 0; i < 100; i++)
            {
                Board.Pin(5).DriveExternally(false);
            }

            Board.Events.WaitUntilIdle();
            Assert.Equal(0, events);
        }

        [Fact]
        public void Read_UndrivenInputWithPullUp_ReadsHigh()
        {
            using var controller = new GpioController();
            using GpioPin pin = controller.OpenPin(26, PinMode.InputPullUp);

            Assert.Equal(PinValue.High, pin.Read());
            Board.Pin(26).DriveExternally(false);
            Assert.Equal(PinValue.Low, pin.Read());
        }

        [Fact]
        public void OpenPin_Twice_ThrowsInvalidOperation()
        {
            using var controller = new GpioController();
            controller.OpenPin(5);

            Assert.Throws<InvalidOperationException>(() => new GpioController().OpenPin(5));
        }

        [Fact]
        public void PulseCounter_FallingPolarity_CountsFallingEdgesOnly()
        {
            using var counter = new GpioPulseCounter(4);
            counter.Start();

            for (int i = 0; i < 10; i++)
            {
                Board.Clock.Advance(TimeSpan.FromMilliseconds(1));
                Board.Pin(4).DriveExternally(true);
                Board.Clock.Advance(TimeSpan.FromMilliseconds(1));
                Board.Pin(4).DriveExternally(false);
            }

            GpioPulseCount count = counter.Read();
            Assert.Equal(10, count.Count);
            Assert.Equal(TimeSpan.FromMilliseconds(20), count.RelativeTime);
        }

        [Fact]
        public void PulseCounter_GlitchShorterThanFilter_IsNotCounted()
        {
            // FilterPulses is max_glitch_ns for ESP-IDF: 1000 ns → 80 APB cycles → 1 µs.
            using var counter = new GpioPulseCounter(4) { Polarity = GpioPulsePolarity.Rising, FilterPulses = 1000 };
            counter.Start();
            long t = Board.Clock.NowTicks;

            Board.Pin(4).DriveExternally(true, t + 10);   // a 0.8 µs spike: filtered
            Board.Pin(4).DriveExternally(false, t + 18);
            Board.Pin(4).DriveExternally(true, t + 1000); // a real pulse, 1 ms wide
            Board.Pin(4).DriveExternally(false, t + 11000);
            Board.Clock.Advance(TimeSpan.FromMilliseconds(2));

            Assert.Equal(1, counter.Read().Count);
        }

        [Fact]
        public void PulseCounter_FilterIsNanoseconds_A2MicrosecondSpikeAtTheLargestFilterIsCounted()
        {
            using var counter = new GpioPulseCounter(4) { Polarity = GpioPulsePolarity.Rising, FilterPulses = 1023 };
            counter.Start();
            long t = Board.Clock.NowTicks;

            Board.Pin(4).DriveExternally(true, t + 10);   // 2 µs: wider than 1023 ns, though not than 1023 APB cycles
            Board.Pin(4).DriveExternally(false, t + 30);
            Board.Clock.Advance(TimeSpan.FromMilliseconds(1));

            Assert.Equal(1, counter.Read().Count);
        }

        [Fact]
        public void PulseCounter_FilterSetWhileStarted_TakesEffectAtTheNextStart()
        {
            using var counter = new GpioPulseCounter(4) { Polarity = GpioPulsePolarity.Rising };
            counter.Start();
            counter.FilterPulses = 1023;
            long t = Board.Clock.NowTicks;

            Board.Pin(4).DriveExternally(true, t + 10);   // 0.5 µs: counted, the unit still runs unfiltered
            Board.Pin(4).DriveExternally(false, t + 15);
            Board.Clock.Advance(TimeSpan.FromMilliseconds(1));

            Assert.Equal(1, counter.Read().Count);
        }

        [Fact]
        public void PulseCounter_FilterAbove1023_ThrowsArgumentException()
        {
            using var counter = new GpioPulseCounter(4);

            Assert.Throws<ArgumentException>(() => counter.FilterPulses = 1024);
        }

        [Fact]
        public void DeviceSleep_SimulatorWorkOnTheWay_IsChargedToThePlatformNotTheDriver()
        {
            object kept = null;
            Board.Clock.ScheduleAt(TimeSpan.TicksPerMillisecond, () => kept = new byte[1000]);

            long driverBytes = AllocationLedger.DriverBytes(() => HostSeams.DeviceTime.Sleep(5));

            Assert.NotNull(kept);
            Assert.Equal(0, driverBytes);
            Assert.True(AllocationLedger.DriverBytes(() => kept = new byte[1]) > 0, "an allocation by the caller itself is still counted");
        }

        [Fact]
        public void Clock_ScheduledCallbacks_RunInTimeOrderAtTheirDueTime()
        {
            var order = new List<long>();
            Board.Clock.ScheduleAt(300, () => order.Add(Board.Clock.NowTicks));
            Board.Clock.ScheduleAt(100, () => order.Add(Board.Clock.NowTicks));

            Board.Clock.Advance(1000);

            Assert.Equal(new long[] { 100, 300 }, order);
            Assert.Equal(1000, Board.Clock.NowTicks);
        }
    }
}
