using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Irrigation
{
    /// <summary>The probe calibration: raw 12-bit readings to moisture percent between the dry and the wet reading.</summary>
    [TestClass]
    public class MoisturePercentTests
    {
        // A capacitive probe: 3000 in dry soil, 1200 in saturated soil (it reads lower when wet).
        [TestMethod]
        [DataRow(3000, 0)]
        [DataRow(1200, 100)]
        [DataRow(2100, 50)]
        [DataRow(2991, 1)]   // 0.5 % rounds up
        [DataRow(2992, 0)]   // 0.44 % rounds down
        [DataRow(4095, 0)]   // drier than the dry reading
        [DataRow(0, 100)]    // wetter than the wet reading
        public void ToPercent_CapacitiveProbe_LinearBetweenDryAndWet(int raw, int percent)
        {
            Assert.AreEqual(percent, MoistureProbes.ToPercent(raw, 3000, 1200));
        }

        // A resistive probe: 500 dry, 3500 wet (it reads higher when wet).
        [TestMethod]
        [DataRow(500, 0)]
        [DataRow(3500, 100)]
        [DataRow(1250, 25)]
        [DataRow(100, 0)]
        [DataRow(4000, 100)]
        public void ToPercent_ResistiveProbe_LinearBetweenDryAndWet(int raw, int percent)
        {
            Assert.AreEqual(percent, MoistureProbes.ToPercent(raw, 500, 3500));
        }
    }
}
