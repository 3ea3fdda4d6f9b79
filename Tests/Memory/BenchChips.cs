using Drivers.Mcp23008;
using Drivers.VL6180X;
using NFUnitTest.Mcp23008Tests;
using NFUnitTest.Vl6180XTests;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// Puts the bench's chips back in their power-on configuration at the end of a test class. The classes share one
    /// physical bench that is powered up once, so a class that leaves a setting behind (a range scaling, an output, a pull-up)
    /// changes what the classes after it measure.
    /// </summary>
    public static class BenchChips
    {
        /// <summary>The VL6180X back at 1× range scaling (its power-on scaling, offset and valid height).</summary>
        public static void RestoreVl6180X()
        {
            Vl6180X sensor = Vl6180XBench.Open();
            try
            {
                sensor.RangeScaling = 1;
            }
            finally
            {
                sensor.Dispose();
            }
        }

        /// <summary>An MCP23008 through a new driver, back at its power-on configuration.</summary>
        public static void RestoreMcp23008()
        {
            Mcp23008 expander = new Mcp23008(Mcp23008Bench.OpenDevice());
            try
            {
                RestoreMcp23008(expander);
            }
            finally
            {
                expander.Dispose();
            }
        }

        /// <summary>
        /// The MCP23008 back at its power-on configuration (DS21919 §1.6): latch low, every pin an input without pull-up or
        /// inversion, no interrupt, DEFVAL and INTCON clear.
        /// </summary>
        public static void RestoreMcp23008(Mcp23008 expander)
        {
            expander.WritePort(0x00);
            expander.DirectionMask = 0xFF;
            expander.PullUpMask = 0x00;
            expander.PolarityMask = 0x00;
            for (int pin = 0; pin < 8; pin++)
            {
                expander.EnableInterruptOnCompare(pin, false);
                expander.EnableInterruptOnChange(pin);
                expander.DisableInterrupt(pin);
            }
        }
    }
}
