namespace NFUnitTest.FlowMeter
{
    using System;
    using System.Device.Gpio;
    using Drivers.FlowMeter;
    using nanoFramework.TestFramework;

    /// <summary>
    /// The bench as Drivers.FlowMeter/README.md wires it: the flow sensor's signal on GPIO4. The tests hold whatever
    /// flows, water running or not.
    /// </summary>
    internal static class FlowMeterBench
    {
        internal const int FlowSensorPin = 4;

        internal static FlowMeter Open(GpioController controller, bool onGpioInterrupt) =>
            onGpioInterrupt
                ? FlowMeter.OnGpioInterrupt(controller, FlowSensorPin, FlowSensorPulsesPerLitre.YfS201)
                : FlowMeter.OnPulseCounter(FlowSensorPin, FlowSensorPulsesPerLitre.YfS201);

        internal static void AssertOutOfRange(string paramName, Action action)
        {
            Exception thrown = null;
            try
            {
                action();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            Assert.IsNotNull(thrown, "no exception for a bad " + paramName);
            Assert.IsInstanceOfType(thrown, typeof(ArgumentOutOfRangeException));
            Assert.AreEqual(paramName, ((ArgumentException)thrown).ParamName);
        }
    }
}
