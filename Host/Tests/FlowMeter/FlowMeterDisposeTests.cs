namespace HostTests.FlowMeter
{
    using System;
    using Drivers.FlowMeter;
    using Simulators.FlowSensor;
    using VirtualBoard;
    using Xunit;

    /// <summary>What Dispose releases, and that nothing works afterwards.</summary>
    public class FlowMeterDisposeTests
    {
        [Fact]
        public void Dispose_GpioSource_DetachesTheHandlerAndClosesThePin()
        {
            using var rig = MeterRig.YfS201(Source.GpioInterrupt, 30);
            rig.Run(TimeSpan.FromSeconds(1));
            long delivered = Board.Events.Delivered;

            rig.Meter.Dispose();
            rig.Run(TimeSpan.FromSeconds(1));

            Assert.False(rig.Controller.IsPinOpen(FlowSensorSimulator.BenchGpio));
            Assert.Equal(delivered, Board.Events.Delivered);
            using FlowMeter again = FlowMeter.OnGpioInterrupt(rig.Controller, FlowSensorSimulator.BenchGpio, FlowSensorPulsesPerLitre.YfS201);
            rig.Run(TimeSpan.FromSeconds(2));
            Assert.Equal(450, again.TotalPulses);
        }

        [Fact]
        public void Dispose_PulseCounterSource_StopsCountingAndFreesThePinForAnotherMeter()
        {
            using var rig = MeterRig.YfS201(Source.PulseCounter, 30);
            rig.Run(TimeSpan.FromSeconds(1));

            rig.Meter.Dispose();

            using FlowMeter again = FlowMeter.OnPulseCounter(FlowSensorSimulator.BenchGpio, FlowSensorPulsesPerLitre.YfS201);
            rig.Run(TimeSpan.FromSeconds(2));
            Assert.Equal(450, again.TotalPulses);
        }

        [Theory]
        [InlineData(Source.PulseCounter)]
        [InlineData(Source.GpioInterrupt)]
        public void EveryMember_AfterDispose_ThrowsObjectDisposed(Source source)
        {
            using var rig = new MeterRig(source, 450, FlowSensorPulsesPerLitre.YfS201);
            FlowMeter meter = rig.Meter;
            meter.Dispose();
            meter.Dispose();

            Assert.Throws<ObjectDisposedException>(() => meter.TotalPulses);
            Assert.Throws<ObjectDisposedException>(() => meter.TotalLitres);
            Assert.Throws<ObjectDisposedException>(() => meter.PulsesPerLitre);
            Assert.Throws<ObjectDisposedException>(() => meter.PulsesPerLitre = 450);
            Assert.Throws<ObjectDisposedException>(() => meter.SampleLitresPerMinute());
            Assert.Throws<ObjectDisposedException>(() => meter.SampleLitresPerMinute(out _, out _));
            Assert.Throws<ObjectDisposedException>(() => meter.Reset());
            Assert.Throws<ObjectDisposedException>(() => meter.StartCalibration());
            Assert.Throws<ObjectDisposedException>(() => meter.Calibrate(1.0));
        }
    }
}
