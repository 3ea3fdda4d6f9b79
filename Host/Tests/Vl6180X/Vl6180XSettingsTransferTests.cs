using System.Linq;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// The AN4545 private settings go one register per transfer, as ST's VL6180x_RangeStaticInit, Pololu, Adafruit and
    /// Linux write them: no source says the index auto-increments through the private space, and the list crosses
    /// 0x0FF to 0x100.
    /// </summary>
    public class Vl6180XSettingsTransferTests
    {
        [Fact]
        public void Constructor_FreshOutOfReset_EachPrivateRegisterHasATransferOfItsOwn()
        {
            Vl6180XSimulator chip = Vl6180XRig.PowerUp();

            using Vl6180X sensor = Vl6180XRig.Open();

            foreach (int register in Vl6180XInitTests.PrivateSettings.Select(row => (int)row[0]))
            {
                RegisterWrite write = chip.Writes.Single(w => w.Address == register);
                Assert.Single(chip.Writes, w => w.Transaction == write.Transaction);
            }
        }

        [Fact]
        public void Constructor_FreshOutOfReset_0x0FFAnd0x100AreNotOneAutoIncrementWrite()
        {
            Vl6180XSimulator chip = Vl6180XRig.PowerUp();

            using Vl6180X sensor = Vl6180XRig.Open();

            Assert.NotEqual(
                chip.Writes.Single(w => w.Address == 0x0FF).Transaction,
                chip.Writes.Single(w => w.Address == 0x100).Transaction);
        }

        [Fact]
        public void Constructor_FreshOutOfReset_Takes41Transfers()
        {
            Vl6180XRig.PowerUp();

            using Vl6180X sensor = Vl6180XRig.Open();

            // 3 identification reads + 30 private settings + 8 recommended-settings writes.
            Assert.Equal(41, Vl6180XRig.Transfers().Length);
        }
    }
}
