using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Drivers.VL6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>Bad arguments are refused before anything reaches the bus; every member refuses to work after Dispose.</summary>
    public class Vl6180XArgumentTests
    {
        private static readonly Dictionary<string, Action<Vl6180X>> BadArguments = new Dictionary<string, Action<Vl6180X>>
        {
            ["RangeTimeoutMilliseconds=0"] = s => s.RangeTimeoutMilliseconds = 0,
            ["RangeTimeoutMilliseconds=60001"] = s => s.RangeTimeoutMilliseconds = 60001,
            ["AlsTimeoutMilliseconds=0"] = s => s.AlsTimeoutMilliseconds = 0,
            ["AlsTimeoutMilliseconds=60001"] = s => s.AlsTimeoutMilliseconds = 60001,
            ["periodMilliseconds=9"] = s => s.StartRangeContinuous(9),
            ["periodMilliseconds=2551"] = s => s.StartRangeContinuous(2551),
            ["periodMilliseconds=5 (interleaved)"] = s => s.StartInterleavedContinuous(5),
            ["periodMilliseconds=3000 (interleaved)"] = s => s.StartInterleavedContinuous(3000),
            ["AlsIntegrationPeriodMilliseconds=0"] = s => s.AlsIntegrationPeriodMilliseconds = 0,
            ["AlsIntegrationPeriodMilliseconds=465"] = s => s.AlsIntegrationPeriodMilliseconds = 465,
            ["AlsGain=8"] = s => s.AlsGain = (AlsGain)8,
            ["AlsGain=-1"] = s => s.AlsGain = (AlsGain)(-1),
            ["RangeScaling=0"] = s => s.RangeScaling = 0,
            ["RangeScaling=4"] = s => s.RangeScaling = 4,
            ["PartToPartOffsetMillimeters=-129"] = s => s.PartToPartOffsetMillimeters = -129,
            ["PartToPartOffsetMillimeters=128"] = s => s.PartToPartOffsetMillimeters = 128,
            ["address=0x07"] = s => s.ChangeI2cAddress(0x07),
            ["address=0x78"] = s => s.ChangeI2cAddress(0x78),
            ["mode=5"] = s => s.ConfigureRangeInterrupt((InterruptMode)5),
            ["mode=-1"] = s => s.ConfigureAlsInterrupt((InterruptMode)(-1)),
            ["mode=5 (thresholds)"] = s => s.ConfigureRangeInterrupt((InterruptMode)5, 0, 10),
            ["lowThresholdMillimeters=-1"] = s => s.ConfigureRangeInterrupt(InterruptMode.LevelLow, -1, 100),
            ["lowThresholdMillimeters=256"] = s => s.ConfigureRangeInterrupt(InterruptMode.LevelLow, 256, 256),
            ["highThresholdMillimeters=256"] = s => s.ConfigureRangeInterrupt(InterruptMode.LevelHigh, 0, 256),
            ["highThresholdMillimeters=49 (below low)"] = s => s.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 49),
            ["lowThresholdLux=-1"] = s => s.ConfigureAlsInterrupt(InterruptMode.LevelLow, -1, 100),
            ["lowThresholdLux=NaN"] = s => s.ConfigureAlsInterrupt(InterruptMode.LevelLow, double.NaN, 100),
            ["highThresholdLux=30000"] = s => s.ConfigureAlsInterrupt(InterruptMode.LevelHigh, 0, 30000),
            ["highThresholdLux=9 (below low)"] = s => s.ConfigureAlsInterrupt(InterruptMode.OutOfWindow, 10, 9),
            ["targetDistanceMillimeters=0"] = s => s.CalibratePartToPartOffset(0),
            ["targetDistanceMillimeters=201"] = s => s.CalibratePartToPartOffset(201),
            ["sampleCount=0"] = s => s.CalibratePartToPartOffset(50, 0),
            ["sampleCount=101"] = s => s.CalibratePartToPartOffset(50, 101),
            ["Gpio1Polarity=2"] = s => s.Gpio1Polarity = (InterruptPolarity)2,
        };

        private static readonly Dictionary<string, Action<Vl6180X>> Members = new Dictionary<string, Action<Vl6180X>>
        {
            ["RangeTimeoutMilliseconds"] = s => _ = s.RangeTimeoutMilliseconds,
            ["set_RangeTimeoutMilliseconds"] = s => s.RangeTimeoutMilliseconds = 50,
            ["AlsTimeoutMilliseconds"] = s => _ = s.AlsTimeoutMilliseconds,
            ["set_AlsTimeoutMilliseconds"] = s => s.AlsTimeoutMilliseconds = 50,
            ["TryReadRange"] = s => s.TryReadRange(out _, out _),
            ["ReadRangeMillimeters"] = s => s.ReadRangeMillimeters(),
            ["IsRangeContinuous"] = s => _ = s.IsRangeContinuous,
            ["StartRangeContinuous"] = s => s.StartRangeContinuous(100),
            ["StopRangeContinuous"] = s => s.StopRangeContinuous(),
            ["TryReadRangeContinuous"] = s => s.TryReadRangeContinuous(out _, out _),
            ["ReadRangeContinuousMillimeters"] = s => s.ReadRangeContinuousMillimeters(),
            ["RangeScaling"] = s => _ = s.RangeScaling,
            ["set_RangeScaling"] = s => s.RangeScaling = 1,
            ["PartToPartOffsetMillimeters"] = s => _ = s.PartToPartOffsetMillimeters,
            ["set_PartToPartOffsetMillimeters"] = s => s.PartToPartOffsetMillimeters = 0,
            ["CalibratePartToPartOffset"] = s => s.CalibratePartToPartOffset(50),
            ["AlsGain"] = s => _ = s.AlsGain,
            ["set_AlsGain"] = s => s.AlsGain = AlsGain.Gain1,
            ["AlsIntegrationPeriodMilliseconds"] = s => _ = s.AlsIntegrationPeriodMilliseconds,
            ["set_AlsIntegrationPeriodMilliseconds"] = s => s.AlsIntegrationPeriodMilliseconds = 100,
            ["TryReadLux"] = s => s.TryReadLux(out _, out _),
            ["ReadLux"] = s => s.ReadLux(),
            ["IsInterleavedContinuous"] = s => _ = s.IsInterleavedContinuous,
            ["StartInterleavedContinuous"] = s => s.StartInterleavedContinuous(200),
            ["StopInterleavedContinuous"] = s => s.StopInterleavedContinuous(),
            ["TryReadInterleaved"] = s => s.TryReadInterleaved(out _, out _, out _, out _),
            ["RangeInterruptMode"] = s => _ = s.RangeInterruptMode,
            ["AlsInterruptMode"] = s => _ = s.AlsInterruptMode,
            ["Gpio1Polarity"] = s => _ = s.Gpio1Polarity,
            ["set_Gpio1Polarity"] = s => s.Gpio1Polarity = InterruptPolarity.ActiveLow,
            ["ConfigureRangeInterrupt"] = s => s.ConfigureRangeInterrupt(InterruptMode.NewSampleReady),
            ["ConfigureRangeInterrupt(thresholds)"] = s => s.ConfigureRangeInterrupt(InterruptMode.LevelLow, 10, 20),
            ["ConfigureAlsInterrupt"] = s => s.ConfigureAlsInterrupt(InterruptMode.NewSampleReady),
            ["ConfigureAlsInterrupt(thresholds)"] = s => s.ConfigureAlsInterrupt(InterruptMode.LevelLow, 10, 20),
            ["ClearInterrupts"] = s => s.ClearInterrupts(),
            ["I2cAddress"] = s => _ = s.I2cAddress,
            ["ChangeI2cAddress"] = s => s.ChangeI2cAddress(0x30),
            ["WasReset"] = s => s.WasReset(),
            ["Reinitialize"] = s => s.Reinitialize(),
            ["RecoverIfReset"] = s => s.RecoverIfReset(),
        };

        public Vl6180XArgumentTests()
        {
            Vl6180XRig.PowerUp();
        }

        public static IEnumerable<object[]> BadArgumentCases() => BadArguments.Keys.Select(k => new object[] { k });

        public static IEnumerable<object[]> MemberCases() => Members.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(BadArgumentCases))]
        public void Member_ArgumentOutOfRange_ThrowsNamingTheParameterBeforeAnyTransfer(string argument)
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            Board.I2cLog.Clear();

            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => BadArguments[argument](sensor));

            Assert.Equal(argument.Split('=')[0], error.ParamName);
            Assert.Empty(Vl6180XRig.Transfers());
        }

        [Theory]
        [InlineData(-128, 0x80)]
        [InlineData(127, 0x7F)]
        public void PartToPartOffset_Limits_AreAccepted(int millimeters, int register)
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            sensor.PartToPartOffsetMillimeters = millimeters;

            Assert.Equal(millimeters, sensor.PartToPartOffsetMillimeters);
            Assert.Equal(register, Board.I2cLog.Entries[^1].Written[2]);
        }

        [Theory]
        [InlineData(0x08)]
        [InlineData(0x77)]
        public void ChangeI2cAddress_Limits_AreAccepted(int address)
        {
            using Vl6180X sensor = Vl6180XRig.Open();

            sensor.ChangeI2cAddress(address);

            Assert.Equal(address, sensor.I2cAddress);
        }

        [Fact]
        public void RangeThresholds_AtTwoTimesScaling_AcceptUpTo510Millimeters()
        {
            using Vl6180X sensor = Vl6180XRig.Open();
            sensor.RangeScaling = 2;

            sensor.ConfigureRangeInterrupt(InterruptMode.LevelHigh, 0, 510);

            Assert.Throws<ArgumentOutOfRangeException>(() => sensor.ConfigureRangeInterrupt(InterruptMode.LevelHigh, 0, 511));
        }

        [Theory]
        [MemberData(nameof(MemberCases))]
        public void Member_AfterDispose_ThrowsObjectDisposed(string member)
        {
            Vl6180X sensor = Vl6180XRig.Open();
            sensor.Dispose();
            Board.I2cLog.Clear();

            Assert.Throws<ObjectDisposedException>(() => Members[member](sensor));
            Assert.Empty(Vl6180XRig.Transfers());
        }

        [Fact]
        public void MemberCases_CoverEveryPublicMember()
        {
            IEnumerable<string> members = typeof(Vl6180X)
                .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
                .Select(m => m.Name)
                .Where(name => name != nameof(Vl6180X.Dispose))
                .Distinct();

            foreach (string member in members)
            {
                Assert.Contains(Members.Keys, key => key == member || key.StartsWith(member + "("));
            }

            foreach (PropertyInfo property in typeof(Vl6180X).GetProperties().Where(p => p.CanWrite))
            {
                Assert.Contains("set_" + property.Name, Members.Keys);
            }
        }

        [Fact]
        public void Dispose_Twice_IsHarmless_AndDisposesTheOwnedDevice()
        {
            System.Device.I2c.I2cDevice device = Vl6180XRig.Device();
            var sensor = new Vl6180X(device);

            sensor.Dispose();
            sensor.Dispose();

            Assert.Throws<ObjectDisposedException>(() => device.WriteByte(0));
        }

        [Fact]
        public void Dispose_DeviceNotOwned_LeavesItOpen()
        {
            System.Device.I2c.I2cDevice device = Vl6180XRig.Device();
            var sensor = new Vl6180X(device, shouldDispose: false);

            sensor.Dispose();

            Assert.Equal(System.Device.I2c.I2cTransferStatus.FullTransfer, device.Write(new byte[] { 0x00, 0x00 }).Status);
        }
    }
}
