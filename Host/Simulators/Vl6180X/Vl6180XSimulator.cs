using System;
using System.Collections.Generic;
using VirtualBoard;
using static Simulators.Vl6180X.Vl6180XRegisters;

namespace Simulators.Vl6180X
{
    /// <summary>One data byte written to the chip from the bus.</summary>
    public readonly struct RegisterWrite
    {
        public RegisterWrite(int address, byte value, int transaction, long timeTicks)
        {
            Address = address;
            Value = value;
            Transaction = transaction;
            TimeTicks = timeTicks;
        }

        public int Address { get; }

        public byte Value { get; }

        /// <summary>Number of the bus transaction (counted at each STOP): bytes of one auto-increment write share it.</summary>
        public int Transaction { get; }

        public long TimeTicks { get; }

        public override string ToString() => $"#{Transaction} 0x{Address:X3} = 0x{Value:X2}";
    }

    /// <summary>
    /// Register-level model of the ST VL6180X written from its datasheet (DocID026171 Rev 6) and AN4545, never from a
    /// driver: 16-bit big-endian register index that auto-increments and persists across a STOP, a strict register file
    /// with power-on values, range and ALS measurements that complete on the board's simulated clock, latched interrupt
    /// status and a GPIO1 output, and a volatile I2C address. Physical inputs are properties in physical units.
    /// </summary>
    public sealed partial class Vl6180XSimulator : RegisterTarget
    {
        /// <summary>The address the chip answers at after power-up.</summary>
        public const int DefaultAddress = 0x29;

        // SYSTEM__GROUPED_PARAMETER_HOLD: while 1, writes to the grouped registers wait and are applied together when it
        // returns to 0, so a running measurement never sees half an update (DocID026171 §2.8).
        private static readonly int[] HeldRegisters =
        {
            SystemInterruptConfigGpio, SysrangeThreshHigh, SysrangeThreshLow, SysalsThreshHigh, SysalsThreshHigh + 1,
            SysalsThreshLow, SysalsThreshLow + 1, SysalsAnalogueGain, SysalsIntegrationPeriod, SysalsIntegrationPeriod + 1,
        };

        private readonly List<RegisterWrite> _writes = new List<RegisterWrite>();
        private readonly List<Action> _stalled = new List<Action>();
        private readonly Dictionary<int, byte> _heldWrites = new Dictionary<int, byte>();
        private readonly int? _gpio1Pin;
        private int? _pendingAddress;
        private bool _neverCompletes;

        /// <param name="factoryOffsetMillimeters">
        /// This part's factory calibration, stored in SYSRANGE__PART_TO_PART_RANGE_OFFSET at power-up. The part's raw
        /// ranges are short by this many mm, so the stored offset makes its readings exact.
        /// </param>
        /// <param name="gpio1Pin">The ESP32 GPIO that GPIO1 (open drain, pulled up) is wired to, or null.</param>
        /// <param name="modelId">IDENTIFICATION__MODEL_ID; 0xB4 for a VL6180X.</param>
        public Vl6180XSimulator(sbyte factoryOffsetMillimeters = 0, int? gpio1Pin = null, byte modelId = 0xB4)
            : base(indexBytes: 2)
        {
            FactoryOffsetMillimeters = factoryOffsetMillimeters;
            _gpio1Pin = gpio1Pin;
            Registers = Vl6180XRegisters.Create(factoryOffsetMillimeters, modelId);
            Registers[SystemInterruptClear].OnWrite = value => ClearInterrupts((byte)value);
            Registers[SysrangeStart].OnWrite = value => WriteRangeStart((byte)value);
            Registers[SysalsStart].OnWrite = value => WriteAlsStart((byte)value);
            Registers[SysrangeVhvRecalibrate].OnWrite = value => VhvRecalibrations += value & 0x01;
            Registers[SystemModeGpio1].OnWrite = value =>
            {
                Registers[SystemModeGpio1].Value = value;
                UpdateGpio1();
            };
            Registers[I2cSlaveDeviceAddress].OnWrite = value =>
            {
                Registers[I2cSlaveDeviceAddress].Value = (byte)(value & 0x7F);
                _pendingAddress = value & 0x7F;
            };
            Registers[SystemGroupedParameterHold].OnWrite = value => WriteGroupedParameterHold((byte)value);
            foreach (int held in HeldRegisters)
            {
                Register register = Registers[held];
                register.OnWrite = value =>
                {
                    if (Registers[SystemGroupedParameterHold].Value != 0)
                    {
                        _heldWrites[register.Address] = (byte)value;
                    }
                    else
                    {
                        register.Value = value;
                    }
                };
            }
        }

        // --- Physical inputs -------------------------------------------------------------------------------------

        /// <summary>Distance to the target in mm, or null for no target within reach.</summary>
        public double? TargetDistanceMillimeters { get; set; }

        /// <summary>Target reflectance in percent (white card ≈ 88, grey card 17, black ≈ 3). 0 returns nothing.</summary>
        public double TargetReflectancePercent { get; set; } = 88;

        /// <summary>Ambient light in lux at the sensor, without cover glass.</summary>
        public double AmbientLux { get; set; }

        // --- Test hooks --------------------------------------------------------------------------------------------

        /// <summary>
        /// While true, started measurements never complete: the device stays busy and reports nothing. Setting it back
        /// to false completes them at once.
        /// </summary>
        public bool NeverCompletes
        {
            get => _neverCompletes;
            set
            {
                _neverCompletes = value;
                if (!value)
                {
                    Action[] stalled = _stalled.ToArray();
                    _stalled.Clear();
                    foreach (Action complete in stalled)
                    {
                        complete();
                    }
                }
            }
        }

        /// <summary>
        /// Forces the error code (1..15) of the following range measurements: the system and check errors that the
        /// physical model does not produce. Null lets the physics decide.
        /// </summary>
        public int? ForcedRangeErrorCode { get; set; }

        /// <summary>Forces the ALS error code (1 overflow, 2 underflow) of the following ALS measurements; null: physics.</summary>
        public int? ForcedAlsErrorCode { get; set; }

        // --- Observations ----------------------------------------------------------------------------------------

        /// <summary>The part's factory offset (mm at 1×), as stored at power-up.</summary>
        public sbyte FactoryOffsetMillimeters { get; }

        /// <summary>The register file (values readable and settable by tests; bus accesses go through its rules).</summary>
        public RegisterMap Registers { get; }

        /// <summary>Every data byte written from the bus, in order.</summary>
        public IReadOnlyList<RegisterWrite> Writes => _writes;

        /// <summary>Bus transactions so far (counted at STOP).</summary>
        public int Transactions { get; private set; }

        /// <summary>Start commands that arrived while a measurement of the same kind was running, and were lost.</summary>
        public int IgnoredStarts { get; private set; }

        /// <summary>Temperature (VHV) recalibrations requested through SYSRANGE__VHV_RECALIBRATE.</summary>
        public int VhvRecalibrations { get; private set; }

        /// <summary>Whether GPIO1 signals a pending interrupt now.</summary>
        public bool Gpio1Asserted { get; private set; }

        /// <summary>The 16-bit big-endian value of the register pair starting at <paramref name="address"/>.</summary>
        public int Register16(int address) => (Registers[address].Value << 8) | Registers[address + 1].Value;

        /// <summary>
        /// Power-down and up (or a GPIO0/CE reset): every register back to its power-on value (the factory offset
        /// included), measurements stopped, and the chip answers at 0x29 again.
        /// </summary>
        public void PowerCycle()
        {
            using (AllocationLedger.Platform())
            {
                Registers.ResetAll();
                _heldWrites.Clear();
                _stalled.Clear();
                _pendingAddress = null;
                ResetMeasurements();
                Index = 0;
                if (Bus != null && Address != DefaultAddress)
                {
                    Bus.Move(Address, DefaultAddress);
                }

                UpdateGpio1();
            }
        }

        public override void Attached(I2cBus bus, int address)
        {
            base.Attached(bus, address);
            UpdateGpio1();
        }

        protected override byte ReadRegister(int index) => Registers.BusRead(index);

        protected override void WriteRegister(int index, byte value)
        {
            _writes.Add(new RegisterWrite(index, value, Transactions, Board.Clock.NowTicks));
            Registers.BusWrite(index, value);
        }

        protected override void TransactionEnded(bool wasWrite)
        {
            Transactions++;
            if (_pendingAddress is int address)
            {
                // The new address takes effect once the write that set it has ended.
                _pendingAddress = null;
                Bus.Move(Address, address);
            }
        }

        private int Value(int address) => Registers[address].Value;

        private void WriteGroupedParameterHold(byte value)
        {
            Registers[SystemGroupedParameterHold].Value = (byte)(value & 0x01);
            if ((value & 0x01) == 0)
            {
                foreach (KeyValuePair<int, byte> write in _heldWrites)
                {
                    Registers[write.Key].Value = write.Value;
                }

                _heldWrites.Clear();
            }
        }

        // SYSTEM__INTERRUPT_CLEAR: bit 0 clears the range field, bit 1 the ALS field, bit 2 the error field of
        // RESULT__INTERRUPT_STATUS_GPIO. Results stay as they are.
        private void ClearInterrupts(byte value)
        {
            int status = Value(ResultInterruptStatusGpio);
            if ((value & 0x01) != 0)
            {
                status &= ~0x07;
            }

            if ((value & 0x02) != 0)
            {
                status &= ~0x38;
            }

            if ((value & 0x04) != 0)
            {
                status &= ~0xC0;
            }

            Registers[ResultInterruptStatusGpio].Value = (byte)status;
            UpdateGpio1();
        }

        // A field of SYSTEM__INTERRUPT_CONFIG_GPIO decides what a completed measurement reports: 1 below the low
        // threshold, 2 above the high one, 3 outside the window, 4 every sample, 0 nothing. A reported event stays
        // latched until it is cleared.
        private void Latch(int shift, int mode, int value, int low, int high, int errorField)
        {
            int evt = mode switch
            {
                1 => value < low ? 1 : 0,
                2 => value > high ? 2 : 0,
                3 => value < low || value > high ? 3 : 0,
                4 => 4,
                _ => 0,
            };

            int status = Value(ResultInterruptStatusGpio);
            if (evt != 0 && ((status >> shift) & 0x07) == 0)
            {
                status |= evt << shift;
            }

            if (errorField != 0 && (status & 0xC0) == 0)
            {
                status |= errorField << 6;
            }

            Registers[ResultInterruptStatusGpio].Value = (byte)status;
            UpdateGpio1();
        }

        // GPIO1: function bits [4:1] = 0b1000 make it the interrupt output, bit 5 = 1 active high. Otherwise it is
        // high impedance and the pull-up holds the line high.
        private void UpdateGpio1()
        {
            int mode = Value(SystemModeGpio1);
            bool asserted = ((mode >> 1) & 0x0F) == 0x08 && Value(ResultInterruptStatusGpio) != 0;
            Gpio1Asserted = asserted;
            if (_gpio1Pin is int pin)
            {
                bool level = ((mode >> 1) & 0x0F) != 0x08 || ((mode & 0x20) != 0 ? asserted : !asserted);
                Board.Pin(pin).DriveExternally(level);
            }
        }

        private static long ToTicks(double milliseconds) => (long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond);

        // Clock callbacks run inside a device Thread.Sleep: they are platform work, not driver work.
        private void At(long dueTicks, Action action) =>
            Board.Clock.ScheduleAt(dueTicks, () =>
            {
                using (AllocationLedger.Platform())
                {
                    action();
                }
            });

        private void CompleteOrStall(Action complete)
        {
            if (_neverCompletes)
            {
                _stalled.Add(complete);
            }
            else
            {
                complete();
            }
        }
    }
}
