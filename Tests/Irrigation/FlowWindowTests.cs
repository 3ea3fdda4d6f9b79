using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Irrigation
{
    /// <summary>
    /// Flow readings checked for sense: a window whose count went backwards or whose rate is above the sensor's rated
    /// maximum is rejected (the ESP32 pulse-counter read can be off by ±32,767 pulses), and an open zone's flow outside
    /// its expected range stops the run after two checks in a row. No hardware needed.
    /// </summary>
    [TestClass]
    public class FlowWindowTests
    {
        private const long MinuteMicroseconds = 60000000;
        private const double YfS201Maximum = 30.0;

        [TestMethod]
        public void RejectionOf_TwelveLitresPerMinute_Plausible()
        {
            Assert.IsNull(WaterFlow.RejectionOf(5400, MinuteMicroseconds, 12.0, YfS201Maximum));
        }

        [TestMethod]
        public void RejectionOf_AtTheRatedMaximum_Plausible()
        {
            Assert.IsNull(WaterFlow.RejectionOf(13500, MinuteMicroseconds, 30.0, YfS201Maximum));
        }

        [TestMethod]
        public void RejectionOf_CountWentBack32767_Rejected()
        {
            // The reading after a racy one: 12 L/min of real pulses minus the 32,767 the previous read added.
            string rejection = WaterFlow.RejectionOf(5400 - 32767, MinuteMicroseconds, -60.8, YfS201Maximum);

            Assert.AreEqual("flow count went back 27367 pulses in 60000 ms; reading rejected", rejection);
        }

        [TestMethod]
        public void RejectionOf_CountJumped32767InAMinute_RejectedAboveTheRating()
        {
            // 38,167 pulses at 450 per litre in one minute: 84.8 L/min, far above the YF-S201's 30 L/min.
            string rejection = WaterFlow.RejectionOf(5400 + 32767, MinuteMicroseconds, 84.8, YfS201Maximum);

            Assert.AreEqual("flow reads 84.8 L/min (38167 pulses in 60000 ms), above the sensor's rated 30.0 L/min; reading rejected", rejection);
        }

        [TestMethod]
        public void RejectionOf_NotANumber_Rejected()
        {
            Assert.IsNotNull(WaterFlow.RejectionOf(0, 0, double.NaN, YfS201Maximum));
        }

        [TestMethod]
        public void FlowGuard_TwoChecksAboveTheRange_BurstPipe()
        {
            FlowGuard guard = new FlowGuard(new IrrigationSettings(), new LogLine(null));

            // Zone 1 of the bench expects 8..16 L/min; the valve settles for 5 s.
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 24.0, 5000));
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 24.0, 10000));
            Assert.AreEqual((int)Alarm.BurstPipe, (int)guard.Check(0, 24.0, 15000));
        }

        [TestMethod]
        public void FlowGuard_TwoChecksBelowTheRangeWithWaterFlowing_BlockedLine()
        {
            FlowGuard guard = new FlowGuard(new IrrigationSettings(), new LogLine(null));

            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 3.0, 10000));
            Assert.AreEqual((int)Alarm.BlockedLine, (int)guard.Check(0, 3.0, 15000));
        }

        [TestMethod]
        public void FlowGuard_NoFlowAtAll_LeftToTheNoFlowRule()
        {
            FlowGuard guard = new FlowGuard(new IrrigationSettings(), new LogLine(null));

            for (int check = 2; check < 10; check++)
            {
                Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 0.5, check * 5000));
            }
        }

        [TestMethod]
        public void FlowGuard_OneCheckOutOfRangeBetweenGoodOnes_NoAlarm()
        {
            FlowGuard guard = new FlowGuard(new IrrigationSettings(), new LogLine(null));

            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 24.0, 10000));
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 12.0, 15000));
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 24.0, 20000));
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 3.0, 25000));
        }

        [TestMethod]
        public void FlowGuard_OutOfRangeWhileTheLineSettles_NotCounted()
        {
            FlowGuard guard = new FlowGuard(new IrrigationSettings(), new LogLine(null));

            Assert.AreEqual((int)Alarm.None, (int)guard.Check(0, 24.0, 15000));
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(1, 24.0, 5000)); // the next run's first check starts afresh
            Assert.AreEqual((int)Alarm.None, (int)guard.Check(1, 24.0, 10000));
            Assert.AreEqual((int)Alarm.BurstPipe, (int)guard.Check(1, 24.0, 15000));
        }
    }
}
