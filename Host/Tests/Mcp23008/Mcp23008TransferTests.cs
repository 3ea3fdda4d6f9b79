using System;
using System.Collections.Generic;
using System.Device.I2c;
using System.Linq;
using Drivers.Mcp23008;
using VirtualBoard;
using Xunit;
using static HostTests.Mcp23008Tests.Ds21919;

namespace HostTests.Mcp23008Tests
{
    /// <summary>What each driver operation puts on the bus, from the transaction log.</summary>
    public class Mcp23008TransferTests : Mcp23008Bench
    {
        private static readonly Dictionary<string, Action<Mcp23008>> Operations = new Dictionary<string, Action<Mcp23008>>
        {
            ["Write(pin, bool)"] = d => d.Write(3, true),
            ["Write(pin, PinValue)"] = d => d.Write(3, System.Device.Gpio.PinValue.High),
            ["Toggle"] = d => d.Toggle(3),
            ["Read"] = d => d.Read(3),
            ["ReadPort"] = d => d.ReadPort(),
            ["WritePort"] = d => d.WritePort(0x55),
            ["SetPinMode(Output)"] = d => d.SetPinMode(3, Mcp23008PinMode.Output),
            ["SetPinMode(Input)"] = d => d.SetPinMode(3, Mcp23008PinMode.Input),
            ["SetPinMode(InputPullUp)"] = d => d.SetPinMode(3, Mcp23008PinMode.InputPullUp),
            ["GetPinMode"] = d => d.GetPinMode(3),
            ["SetPinPolarity"] = d => d.SetPinPolarity(3, true),
            ["DirectionMask set"] = d => d.DirectionMask = 0x0F,
            ["PullUpMask set"] = d => d.PullUpMask = 0x0F,
            ["PolarityMask set"] = d => d.PolarityMask = 0x0F,
            ["Mask and latch getters"] = d => _ = d.DirectionMask + d.PullUpMask + d.PolarityMask + d.OutputLatch,
            ["InterruptOutput set"] = d => d.InterruptOutput = Mcp23008InterruptOutput.ActiveHigh,
            ["SequentialOperation set"] = d => d.SequentialOperation = true,
            ["EnableInterruptOnChange"] = d => d.EnableInterruptOnChange(3),
            ["EnableInterruptOnCompare"] = d => d.EnableInterruptOnCompare(3, true),
            ["DisableInterrupt"] = d => d.DisableInterrupt(3),
            ["ReadInterruptFlags"] = d => d.ReadInterruptFlags(),
            ["ReadInterruptCapture"] = d => d.ReadInterruptCapture(),
            ["ServiceInterrupt"] = d => d.ServiceInterrupt(),
        };

        // Wire bytes count the address byte of every START: a 2-byte write is 3, a 1-byte register read 4, INTF..GPIO 6.
        public static TheoryData<string, string> Expected => new TheoryData<string, string>
        {
            { "Write(pin, bool)", "Write 3" },
            { "Write(pin, PinValue)", "Write 3" },
            { "Toggle", "Write 3" },
            { "Read", "WriteRead 4" },
            { "ReadPort", "WriteRead 4" },
            { "WritePort", "Write 3" },
            { "SetPinMode(Output)", "Write 3" },
            { "SetPinMode(Input)", "Write 3, Write 3" },
            { "SetPinMode(InputPullUp)", "Write 3, Write 3" },
            { "GetPinMode", string.Empty },
            { "SetPinPolarity", "Write 3" },
            { "DirectionMask set", "Write 3" },
            { "PullUpMask set", "Write 3" },
            { "PolarityMask set", "Write 3" },
            { "Mask and latch getters", string.Empty },
            { "InterruptOutput set", "Write 3" },
            { "SequentialOperation set", "Write 3" },
            { "EnableInterruptOnChange", "Write 3, WriteRead 6, Write 3" },
            { "EnableInterruptOnCompare", "Write 4, Write 3" },
            { "DisableInterrupt", "Write 3" },
            { "ReadInterruptFlags", "WriteRead 4" },
            { "ReadInterruptCapture", "WriteRead 4" },
            { "ServiceInterrupt", "WriteRead 6" },
        };

        [Fact]
        public void WritePin_TransactionLog_ShowsExactlyOneTwoByteI2cWritePerPinWriteAndNoRead()
        {
            using var driver = NewDriver();
            driver.DirectionMask = 0x00;
            ClearLog();

            for (int pin = 0; pin < 8; pin++)
            {
                driver.Write(pin, true);
            }

            for (int pin = 0; pin < 8; pin++)
            {
                driver.Write(pin, false);
            }

            I2cTransaction[] log = Log;
            Assert.Equal(16, log.Length);
            Assert.All(log, e =>
            {
                Assert.Equal(I2cMethod.Write, e.Method);
                Assert.Equal(I2cTransferStatus.FullTransfer, e.Status);
                Assert.Empty(e.Read);
                Assert.Equal(3, e.WireBytes);
            });
            byte[] expectedLatch = { 0x01, 0x03, 0x07, 0x0F, 0x1F, 0x3F, 0x7F, 0xFF, 0xFE, 0xFC, 0xF8, 0xF0, 0xE0, 0xC0, 0x80, 0x00 };
            Assert.Equal(expectedLatch.Select(v => new byte[] { OLAT, v }), log.Select(e => e.Written));
        }

        [Fact]
        public void Toggle_TransactionLog_ShowsOneWriteOfTheInvertedLatchAndNoRead()
        {
            using var driver = NewDriver();

            driver.Toggle(0);
            driver.Toggle(7);
            driver.Toggle(0);

            Assert.Equal(new[] { new byte[] { OLAT, 0x01 }, new byte[] { OLAT, 0x81 }, new byte[] { OLAT, 0x80 } }, Log.Select(e => e.Written));
            Assert.All(Log, e => Assert.Equal(I2cMethod.Write, e.Method));
        }

        [Fact]
        public void ServiceInterrupt_TransactionLog_ShowsOneThreeByteReadOfIntfIntcapAndGpio()
        {
            using var driver = NewDriver();
            driver.EnableInterruptOnChange(0);
            Chip.DriveInput(0, true);
            ClearLog();

            driver.ServiceInterrupt();

            I2cTransaction service = Assert.Single(Log);
            Assert.Equal(I2cMethod.WriteRead, service.Method);
            Assert.Equal(new byte[] { INTF }, service.Written);
            Assert.Equal(new byte[] { 0x01, 0x01, 0x01 }, service.Read);
        }

        [Theory]
        [MemberData(nameof(Expected))]
        public void Operation_TransactionLog_HasTheDocumentedTransfers(string operation, string expected)
        {
            using var driver = NewDriver();

            Operations[operation](driver);

            Assert.Equal(expected, Transfers);
        }

        [Fact]
        public void Expected_CoversEveryOperation()
        {
            Assert.Equal(Operations.Keys.OrderBy(k => k), Expected.Select(row => (string)row[0]).OrderBy(k => k));
        }

        [Fact]
        public void ByteMode_MultiRegisterOperations_AreSplitIntoOneTransferPerRegister()
        {
            using var driver = NewDriver();
            driver.SequentialOperation = false;
            ClearLog();

            driver.EnableInterruptOnCompare(0, false);
            Assert.Equal("Write 3, Write 3, Write 3", Transfers);
            Assert.Equal(new[] { DEFVAL, INTCON, GPINTEN }, Log.Select(e => (int)e.Written[0]));

            Chip.DriveInput(0, true);
            ClearLog();
            Assert.Equal(0x01, driver.ServiceInterrupt());
            // The pin is away from DEFVAL: held in on-change mode, then served again for the latch its condition made.
            Assert.Equal("WriteRead 4, WriteRead 4, WriteRead 4, Write 3, WriteRead 4, WriteRead 4, WriteRead 4", Transfers);
            Assert.Equal(new[] { INTF, INTCAP, GPIO, INTCON, INTF, INTCAP, GPIO }, Log.Select(e => (int)e.Written[0]));
        }

        [Fact]
        public void ByteMode_ServiceWithNothingPending_ReadsIntfAndGpio()
        {
            using var driver = NewDriver();
            driver.SequentialOperation = false;
            ClearLog();

            Assert.Equal(0, driver.ServiceInterrupt());

            Assert.Equal("WriteRead 4, WriteRead 4", Transfers);
            Assert.Equal(new[] { INTF, GPIO }, Log.Select(e => (int)e.Written[0]));
        }
    }
}
