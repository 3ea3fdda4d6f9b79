using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Irrigation
{
    /// <summary>The idle leak check's sliding window. No hardware needed.</summary>
    [TestClass]
    public class LeakWatchTests
    {
        private const long Minute = 60000;

        [TestMethod]
        public void Add_LeakInTheLastTenOfThirtyMinutes_WindowSeesTheLeakRate()
        {
            LeakWatch watch = new LeakWatch(5);
            double windowed = 0;
            for (int minute = 0; minute < 30; minute++)
            {
                windowed = watch.Add(minute < 20 ? 0.0 : 0.5, Minute);
            }

            // Averaged over all 30 minutes this leak is 0.17 L/min; over the last 5 it is 0.5 L/min.
            AssertNear(0.5, windowed);
        }

        [TestMethod]
        public void Add_LeakJustStarted_WindowFillsMinuteByMinute()
        {
            LeakWatch watch = new LeakWatch(5);
            for (int minute = 0; minute < 10; minute++)
            {
                watch.Add(0.0, Minute);
            }

            AssertNear(0.1, watch.Add(0.5, Minute));
            AssertNear(0.2, watch.Add(0.5, Minute));
            AssertNear(0.3, watch.Add(0.5, Minute));
        }

        [TestMethod]
        public void Add_OneLongSample_CountsWithItsShareInsideTheWindow()
        {
            LeakWatch watch = new LeakWatch(5);
            watch.Add(3.0, 10 * Minute);

            // 30 minutes at 0.17 L/min: all that is known is the average.
            AssertNear(0.17, watch.Add(0.17, 30 * Minute));
        }

        [TestMethod]
        public void Add_FewerSamplesThanTheWindow_AveragesOverWhatTheyCover()
        {
            LeakWatch watch = new LeakWatch(5);

            AssertNear(0.4, watch.Add(0.4, Minute));
            AssertNear(0.3, watch.Add(0.2, Minute));
        }

        [TestMethod]
        public void Add_ZeroLengthSample_Ignored()
        {
            LeakWatch watch = new LeakWatch(5);
            watch.Add(0.4, Minute);

            AssertNear(0.4, watch.Add(99.0, 0));
        }

        [TestMethod]
        public void LitresPerMinute_NoSample_Zero()
        {
            AssertNear(0.0, new LeakWatch(5).LitresPerMinute);
        }

        [TestMethod]
        public void Add_ManyShortSamples_StillTheLastWindowOnly()
        {
            LeakWatch watch = new LeakWatch(2);
            for (int i = 0; i < 20; i++)
            {
                watch.Add(1.0, Minute);
            }

            for (int i = 0; i < 4; i++)
            {
                watch.Add(0.0, 30000);
            }

            // The last two minutes (four half-minute samples) had no flow.
            AssertNear(0.0, watch.LitresPerMinute);
        }

        private static void AssertNear(double expected, double actual)
        {
            double difference = expected - actual;
            Assert.IsTrue(difference < 1e-9 && difference > -1e-9, "expected " + expected.ToString() + ", got " + actual.ToString());
        }
    }
}
