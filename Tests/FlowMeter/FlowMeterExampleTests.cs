namespace NFUnitTest.FlowMeter
{
    using System;
    using System.Device.Gpio;
    using System.Threading;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;

    /// <summary>The examples in Drivers.FlowMeter/README.md, kept compiling and running on the bench.</summary>
    [TestClass]
    public class FlowMeterExampleTests
    {
        [TestMethod]
        public void ReadmeExample_PulseCounterOnGpio4_PrintsFlowAndVolume()
        {
            double lastRate = -1;

            // README example: begin
            using (FlowMeter meter = FlowMeter.OnPulseCounter(4, FlowSensorPulsesPerLitre.YfS201))
            {
                for (int second = 0; second < 3; second++)
                {
                    Thread.Sleep(1000);
                    double litresPerMinute = meter.SampleLitresPerMinute();
                    Console.WriteLine("flow " + litresPerMinute.ToString("F2") + " L/min, total " + meter.TotalLitres.ToString("F3") + " L");
                    // README example: end
                    lastRate = litresPerMinute;
                }
            }

            Assert.IsTrue(lastRate >= 0);
        }

        [TestMethod]
        public void ReadmeExample_GpioInterruptWithBounceFilter_Counts()
        {
            long pulses = -1;

            // README example: begin
            using (GpioController controller = new GpioController())
            using (FlowMeter meter = FlowMeter.OnGpioInterrupt(controller, 4, FlowSensorPulsesPerLitre.YfS201, minimumPulseIntervalMilliseconds: 4))
            {
                Thread.Sleep(1000);
                pulses = meter.TotalPulses;
            }
            // README example: end

            Assert.IsTrue(pulses >= 0);
        }
    }
}
