using System.Collections.Generic;
using System.Linq;
using VirtualBoard;
using Xunit;

namespace HostTests.Foundation
{
    /// <summary>The register table every simulator declares its chip with: widths, access modes and violations.</summary>
    public sealed class RegisterMapTests
    {
        private readonly RegisterMap _map = new RegisterMap("TEST");

        public RegisterMapTests() => Board.Reset();

        [Fact]
        public void SixteenBitRegister_IsReadAndWrittenMostSignificantByteFirst()
        {
            Register r = _map.Define(0x050, "WORD", 16, 0x1234);

            Assert.Equal(0x12, _map.BusRead(0x050));
            Assert.Equal(0x34, _map.BusRead(0x051));
            _map.BusWrite(0x051, 0xCD);
            Assert.Equal(0x12CD, r.Value);
            Assert.Same(r, _map[0x051]);
        }

        [Fact]
        public void LittleEndianMap_PutsTheLeastSignificantByteFirst()
        {
            var map = new RegisterMap("LE", littleEndian: true);
            map.Define(0x10, "WORD", 32, 0x11223344);

            Assert.Equal(new byte[] { 0x44, 0x33, 0x22, 0x11 }, Enumerable.Range(0x10, 4).Select(map.BusRead).ToArray());
        }

        [Fact]
        public void ReadOnlyField_KeepsItsBitsWhileTheWritableFieldStoresTheWrite()
        {
            Register r = _map.Define(0x05, "MIXED", 8, 0x00).Field("STATUS", 6, 2, RegisterAccess.ReadOnly);
            r.Value = 0xC0;

            _map.BusWrite(0x05, 0x3F);

            Assert.Equal(0xFF, r.Value);
            _map.BusWrite(0x05, 0x00);
            Assert.Equal(0xC0, r.Value);
            Assert.Empty(Board.RegisterViolations.All);
        }

        [Fact]
        public void WriteOnlyBits_ReadAsZero()
        {
            _map.Define(0x06, "CMD", 8, 0x00).Field("SECRET", 0, 4, RegisterAccess.WriteOnly);
            _map.BusWrite(0x06, 0xFF);

            Assert.Equal(0xF0, _map.BusRead(0x06));
            Assert.Equal(0xFF, _map[0x06].Value);
        }

        [Fact]
        public void WriteOneToClear_ClearsOnlyTheBitsWrittenAsOne()
        {
            Register r = _map.Define(0x07, "FLAGS", 8, 0x00, RegisterAccess.WriteOneToClear);
            r.Value = 0x0F;
            int cleared = 0;
            r.Cleared += _ => cleared++;

            _map.BusWrite(0x07, 0x05);

            Assert.Equal(0x0A, r.Value);
            Assert.Equal(1, cleared);
        }

        [Fact]
        public void ClearOnRead_ReturnsTheBitsThenClearsThem()
        {
            Register r = _map.Define(0x08, "LATCH", 8, 0x00, RegisterAccess.ClearOnRead);
            r.Value = 0x80;

            Assert.Equal(0x80, _map.BusRead(0x08));
            Assert.Equal(0x00, _map.BusRead(0x08));
        }

        [Fact]
        public void ClearsOnRead_ClearsAnotherRegistersBits()
        {
            Register flags = _map.Define(0x07, "INTF", 8, 0x00, RegisterAccess.ReadOnly);
            Register capture = _map.Define(0x08, "INTCAP", 8, 0x00, RegisterAccess.ReadOnly).ClearsOnRead(flags, 0xFF);
            flags.Value = 0x04;
            capture.Value = 0x55;

            Assert.Equal(0x55, _map.BusRead(0x08));
            Assert.Equal(0x00, flags.Value);
            Assert.Equal(0x55, capture.Value);
        }

        [Fact]
        public void ClearsOnWrite_AOneToATriggerBitClearsTheTargetsBits()
        {
            Register status = _map.Define(0x4F, "STATUS", 8, 0x00, RegisterAccess.ReadOnly);
            _map.Define(0x15, "CLEAR", 8, 0x00, RegisterAccess.WriteOnly).ClearsOnWrite(0x01, status, 0x07);
            status.Value = 0xC7;

            _map.BusWrite(0x15, 0x02);
            Assert.Equal(0xC7, status.Value);

            _map.BusWrite(0x15, 0x01);
            Assert.Equal(0xC0, status.Value);
        }

        [Fact]
        public void SelfClearingBit_ReachesTheWriteHookThenReadsZero()
        {
            var seen = new List<int>();
            Register start = _map.Define(0x18, "START", 8, 0x00).Field("STARTSTOP", 0, 1, RegisterAccess.SelfClearing);
            start.OnWrite = v =>
            {
                seen.Add(v);
                start.Value = v;
            };

            _map.BusWrite(0x18, 0x03);

            Assert.Equal(new[] { 0x03 }, seen);
            Assert.Equal(0x02, start.Value);
        }

        [Fact]
        public void AddressPointer_WrapsAndStopsWhenItsControlBitIsSet()
        {
            Register control = _map.Define(0x05, "IOCON");
            _map.WrapsAround(last: 0x0A, first: 0x00);
            _map.AutoIncrementDisabledBy(control, 0x20);

            Assert.Equal(0x00, _map.NextAddress(0x0A));
            Assert.Equal(0x06, _map.NextAddress(0x05));
            control.Value = 0x20;
            Assert.Equal(0x05, _map.NextAddress(0x05));
        }

        [Fact]
        public void UndeclaredRead_AnswersZeroAndIsRecorded()
        {
            using (Board.RegisterViolations.Expect())
            {
                Assert.Equal(0, _map.BusRead(0x42));
            }

            RegisterViolation violation = Assert.Single(_map.Violations);
            Assert.Equal(RegisterViolationKind.ReadUndeclared, violation.Kind);
            Assert.Equal(0x42, violation.Address);
            Assert.True(violation.Expected);
            Assert.Empty(Board.RegisterViolations.Unexpected);
        }

        [Fact]
        public void WriteToReadOnlyByte_IsIgnoredAndRecordedAsUnexpected()
        {
            Register id = _map.Define(0x00, "ID", 8, 0xB4, RegisterAccess.ReadOnly);

            _map.BusWrite(0x00, 0x00);

            Assert.Equal(0xB4, id.Value);
            RegisterViolation violation = Assert.Single(Board.RegisterViolations.TakeUnexpected());
            Assert.Equal(RegisterViolationKind.WriteReadOnly, violation.Kind);
            Assert.False(violation.Expected);
        }

        [Fact]
        public void Declaring_AnAddressTwice_Fails()
        {
            _map.Define(0x10, "WORD", 16, 0);

            Assert.Throws<System.ArgumentException>(() => _map.Define(0x11, "OVERLAP"));
        }

        [Fact]
        public void ResetAll_RestoresPowerOnValues()
        {
            Register r = _map.Define(0x01, "R", 16, 0xBEEF);
            r.Value = 0;

            _map.ResetAll();

            Assert.Equal(0xBEEF, r.Value);
        }
    }
}
