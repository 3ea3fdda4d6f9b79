using System;
using System.Collections.Generic;
using System.Device.I2c;
using Drivers.VL6180X;
using Simulators.Vl6180X;
using VirtualBoard;
using Xunit;

namespace HostTests.Vl6180XTests
{
    /// <summary>
    /// A NACK, a partial transfer or a clock-stretch timeout at every stage of every operation: each gives a
    /// <see cref="Vl6180XTransferException"/> naming the register the transfer started at and the status.
    /// </summary>
    public class Vl6180XFaultTests
    {
        private static readonly Dictionary<string, Action<Vl6180X, Vl6180XSimulator>> Prepare = new Dictionary<string, Action<Vl6180X, Vl6180XSimulator>>
        {
            ["continuous read"] = (s, c) =>
            {
                s.StartRangeContinuous(100);
                s.ReadRangeContinuousMillimeters();
                Board.Clock.Advance(TimeSpan.FromMilliseconds(150));
            },
            ["continuous stop"] = (s, c) => s.StartRangeContinuous(100),
            ["interleaved read"] = (s, c) =>
            {
                s.StartInterleavedContinuous(200);
                Board.Clock.Advance(TimeSpan.FromMilliseconds(250));
            },
            ["slow range"] = (s, c) => c.TargetDistanceMillimeters = null,
        };

        private static readonly Dictionary<string, Action<Vl6180X>> Operations = new Dictionary<string, Action<Vl6180X>>
        {
            ["first range"] = s => s.ReadRangeMillimeters(),
            ["slow range"] = s => s.TryReadRange(out _, out _),
            ["continuous start"] = s => s.StartRangeContinuous(100),
            ["continuous read"] = s => s.ReadRangeContinuousMillimeters(),
            ["continuous stop"] = s => s.StopRangeContinuous(),
            ["first lux"] = s => s.ReadLux(),
            ["interleaved start"] = s => s.StartInterleavedContinuous(200),
            ["interleaved read"] = s => s.TryReadInterleaved(out _, out _, out _, out _),
            ["scaling"] = s => s.RangeScaling = 2,
            ["gain"] = s => s.AlsGain = AlsGain.Gain10,
            ["integration"] = s => s.AlsIntegrationPeriodMilliseconds = 50,
            ["offset"] = s => s.PartToPartOffsetMillimeters = 5,
            ["polarity"] = s => s.Gpio1Polarity = InterruptPolarity.ActiveHigh,
            ["range interrupt"] = s => s.ConfigureRangeInterrupt(InterruptMode.OutOfWindow, 50, 150),
            ["als interrupt"] = s => s.ConfigureAlsInterrupt(InterruptMode.LevelHigh, 10, 100),
            ["clear"] = s => s.ClearInterrupts(),
            ["address"] = s => s.ChangeI2cAddress(0x30),
        };

        // Operation, index of the failing transfer within it, register that transfer starts at.
        private static readonly (string Operation, int Transfer, int Register)[] Stages =
        {
            ("first range", 0, 0x04D),          // device-ready poll
            ("first range", 1, 0x015),          // clear + start
            ("first range", 2, 0x04D),          // the poll that reads the sample
            ("slow range", 2, 0x04D),           // a poll before the sample is ready
            ("slow range", 3, 0x04D),           // a later poll
            ("continuous start", 0, 0x04D),
            ("continuous start", 1, 0x01B),
            ("continuous start", 2, 0x015),
            ("continuous read", 0, 0x04D),
            ("continuous read", 1, 0x015),
            ("continuous stop", 0, 0x015),
            ("first lux", 0, 0x04D),
            ("first lux", 1, 0x015),
            ("first lux", 2, 0x038),
            ("first lux", 3, 0x04D),
            ("interleaved start", 2, 0x2A3),
            ("interleaved start", 3, 0x03E),
            ("interleaved start", 4, 0x015),
            ("interleaved start", 5, 0x038),
            ("interleaved read", 0, 0x04D),
            ("interleaved read", 1, 0x015),
            ("scaling", 0, 0x096),
            ("scaling", 1, 0x024),
            ("scaling", 2, 0x021),
            ("scaling", 3, 0x02D),
            ("scaling", 4, 0x02D),
            ("gain", 0, 0x03F),
            ("integration", 0, 0x040),
            ("offset", 0, 0x024),
            ("polarity", 0, 0x011),
            ("range interrupt", 0, 0x019),
            ("range interrupt", 1, 0x014),
            ("als interrupt", 0, 0x03A),
            ("als interrupt", 1, 0x014),
            ("clear", 0, 0x015),
            ("address", 0, 0x212),
        };

        public static IEnumerable<object[]> Faults()
        {
            foreach ((string operation, int transfer, int register) in Stages)
            {
                yield return new object[] { operation, transfer, register, I2cFaultKind.AddressNack };
                yield return new object[] { operation, transfer, register, I2cFaultKind.PartialTransfer };
            }
        }

        [Theory]
        [MemberData(nameof(Faults))]
        public void Operation_FaultAtTransfer_ThrowsNamingTheRegisterAndTheStatus(string operation, int transfer, int register, I2cFaultKind kind)
        {
            Vl6180XSimulator chip = Vl6180XRig.PowerUp();
            Vl6180X sensor = Vl6180XRig.Open();
            if (Prepare.TryGetValue(operation, out Action<Vl6180X, Vl6180XSimulator> prepare))
            {
                prepare(sensor, chip);
            }

            Board.I2cLog.Clear();
            Board.I2cBus(1).InjectFault(0x29, new I2cFault(kind) { AfterTransfers = transfer, BytesBeforeFault = 1 });

            Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => Operations[operation](sensor));

            I2cTransaction failed = Board.I2cLog.Entries[transfer];
            Assert.NotEqual(I2cTransferStatus.FullTransfer, failed.Status);
            Assert.Equal(register, error.Register);
            Assert.Equal(failed.Status, error.Status);
            Assert.Equal(kind == I2cFaultKind.AddressNack ? I2cTransferStatus.SlaveAddressNotAcknowledged : I2cTransferStatus.PartialTransfer, error.Status);
            Assert.Contains($"(0x{register:X3})", error.Message);
            Assert.Contains(error.Status.ToString(), error.Message);
        }

        [Theory]
        [InlineData(I2cFaultKind.AddressNack, I2cTransferStatus.SlaveAddressNotAcknowledged)]
        [InlineData(I2cFaultKind.PartialTransfer, I2cTransferStatus.PartialTransfer)]
        [InlineData(I2cFaultKind.ClockStretchTimeout, I2cTransferStatus.ClockStretchTimeout)]
        public void Constructor_FaultAtEachInitialisationTransfer_ThrowsNamingThatTransfersRegister(I2cFaultKind kind, I2cTransferStatus status)
        {
            Vl6180XRig.PowerUp();
            Vl6180XRig.Open().Dispose();
            I2cTransaction[] reference = Vl6180XRig.Transfers();
            Assert.Equal(41, reference.Length);

            for (int i = 0; i < reference.Length; i++)
            {
                Vl6180XRig.PowerUp();
                Board.I2cBus(1).InjectFault(0x29, new I2cFault(kind) { AfterTransfers = i, BytesBeforeFault = 1 });

                Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => Vl6180XRig.Open());

                Assert.Equal(Vl6180XRig.StartRegister(reference[i]), error.Register);
                Assert.Equal(status, error.Status);
            }
        }

        [Fact]
        public void ReadRange_ResultsCutShortWhileReading_ThrowsPartialTransferNamingTheResults()
        {
            Vl6180XRig.PowerUp();
            Vl6180X sensor = Vl6180XRig.Open();
            sensor.ReadRangeMillimeters();
            Board.I2cBus(1).InjectFault(0x29, new I2cFault(I2cFaultKind.PartialTransfer) { AfterTransfers = 1, BytesBeforeFault = 7 });

            Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => sensor.ReadRangeMillimeters());

            Assert.Equal(0x04D, error.Register);
            Assert.Equal(I2cTransferStatus.PartialTransfer, error.Status);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        public void ReadRange_AfterAOneOffFault_RecoversOnTheNextCall(int transfer)
        {
            Vl6180XSimulator chip = Vl6180XRig.PowerUp();
            Vl6180X sensor = Vl6180XRig.Open();
            Board.I2cBus(1).InjectFault(0x29, new I2cFault(I2cFaultKind.PartialTransfer) { AfterTransfers = transfer, BytesBeforeFault = 4 });
            Assert.Throws<Vl6180XTransferException>(() => sensor.ReadRangeMillimeters());

            Assert.Equal(100, sensor.ReadRangeMillimeters());
            Assert.Equal(0, chip.IgnoredStarts);
        }

        [Fact]
        public void ReadRange_SensorStopsAnswering_ThrowsEveryTimeWithoutHanging()
        {
            Vl6180XRig.PowerUp();
            Vl6180X sensor = Vl6180XRig.Open();
            sensor.ReadRangeMillimeters();
            Board.I2cBus(1).InjectFault(0x29, new I2cFault(I2cFaultKind.StopsAnswering));
            long start = Board.Clock.NowTicks;

            for (int i = 0; i < 3; i++)
            {
                Vl6180XTransferException error = Assert.Throws<Vl6180XTransferException>(() => sensor.ReadRangeMillimeters());
                Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, error.Status);
            }

            Assert.Equal(0, Board.Clock.NowTicks - start);
        }
    }
}
