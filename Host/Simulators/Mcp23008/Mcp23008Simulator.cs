using System;
using VirtualBoard;

namespace Simulators
{
    /// <summary>
    /// Register-level model of the Microchip MCP23008 8-bit I2C GPIO expander, written from its datasheet (DS21919) and
    /// hardware.md §2: eleven registers with their power-on values, sequential or byte-mode addressing (IOCON.SEQOP) with
    /// the pointer kept across a STOP and rolling over from OLAT to IODIR, GPIO writes landing in OLAT, pull-ups, input
    /// polarity, the interrupt logic of DS21919 §1.7 and an INT output that drives an ESP32 pin of the board.
    /// </summary>
    /// <remarks>
    /// <para>INT is a level, never a pulse (DS21919 §1.7; hardware.md Corrections). It goes active when an interrupt
    /// latches (INTF, INTCAP) and inactive only when a read of INTCAP or GPIO clears it with no condition left. In compare
    /// mode (INTCON = 1) the condition "remains as long as the condition exists, regardless if the INTCAP or GPIO is read"
    /// (DS21919 §1.7), so the clearing read latches again at once and the line never leaves the active level. While an
    /// interrupt is pending, later changes do not latch (DS21919 §1.7).</para>
    /// <para>The on-change reference of a pin is its level when the interrupt latched, reset to the level at the clearing
    /// read (MCP23017 datasheet DS20001952 §3.6.5; DS21919 says "previous value"). What happens at the clearing read to an
    /// on-change pin that moved while the interrupt was pending is stated only for the MCP23017: the interrupt clears and
    /// sets again, and INTCAP takes the port as it is then (DS20001952, interrupt logic, per hardware.md Corrections).
    /// DS21919 is silent, so this is unverified for the MCP23008: <see cref="RelatchChangesWhilePending"/> selects that
    /// reading (true, the default) or the other one, where the change is absorbed into the new reference (false). A clear
    /// and a new latch in the same read leave the INT line untouched: no glitch reaches the ESP32 pin.</para>
    /// <para>Modelling choices where the datasheets are silent (unverified): the comparators and INTCAP see the GPIO value
    /// (after IPOL); a pin that is not an enabled on-change input follows the port in its reference; when several pins
    /// change at once only the lowest is flagged in INTF (as reported for sibling parts); INTCAP powers up as 0x00.</para>
    /// </remarks>
    public sealed class Mcp23008Simulator : RegisterTarget
    {
        // DS21919 Table 1-2.
        public const int IODIR = 0x00;
        public const int IPOL = 0x01;
        public const int GPINTEN = 0x02;
        public const int DEFVAL = 0x03;
        public const int INTCON = 0x04;
        public const int IOCON = 0x05;
        public const int GPPU = 0x06;
        public const int INTF = 0x07;
        public const int INTCAP = 0x08;
        public const int GPIO = 0x09;
        public const int OLAT = 0x0A;

        // IOCON (DS21919 §1.6.6).
        public const int IoconSeqop = 0x20;
        public const int IoconOdr = 0x04;
        public const int IoconIntpol = 0x02;

        private const int PinCount = 8;

        private readonly object _sync = new object();
        private readonly RegisterMap _map = new RegisterMap("MCP23008");
        private readonly bool?[] _inputs = new bool?[PinCount];
        private byte _reference;
        private bool _pending;
        private bool _relatch = true;
        private bool _floatingInputLevel;

        /// <summary>Creates the chip in its power-on state.</summary>
        /// <param name="interruptPin">The ESP32 GPIO its INT output is wired to (the bench: 27), or null if unconnected.</param>
        public Mcp23008Simulator(int? interruptPin = 27)
            : base(1)
        {
            InterruptPin = interruptPin;

            // DS21919 Table 1-2 and Registers 1-1 to 1-11: eleven 8-bit registers. A write to a configuration register
            // re-runs the interrupt logic (Store); INTF and INTCAP are read-only; a read of INTCAP or GPIO clears INTF
            // (§1.7), after which the interrupt logic decides whether it latches again (InterruptCleared).
            _map.Define(IODIR, "IODIR", 0xFF).OnWrite = v => Store(IODIR, v);
            _map.Define(IPOL, "IPOL").OnWrite = v => Store(IPOL, v);
            _map.Define(GPINTEN, "GPINTEN").OnWrite = v => Store(GPINTEN, v);
            _map.Define(DEFVAL, "DEFVAL").OnWrite = v => Store(DEFVAL, v);
            _map.Define(INTCON, "INTCON").OnWrite = v => Store(INTCON, v);
            Register iocon = _map.Define(IOCON, "IOCON")
                .Field("unimplemented", 6, 2, RegisterAccess.ReadOnly)
                .Field("SEQOP", 5, 1, RegisterAccess.ReadWrite)
                .Field("DISSLW", 4, 1, RegisterAccess.ReadWrite)
                .Field("HAEN", 3, 1, RegisterAccess.ReadWrite) // MCP23S08 only; kept writable here [unverified]
                .Field("ODR", 2, 1, RegisterAccess.ReadWrite)
                .Field("INTPOL", 1, 1, RegisterAccess.ReadWrite)
                .Field("unimplemented0", 0, 1, RegisterAccess.ReadOnly);
            iocon.OnWrite = v => Store(IOCON, v);
            _map.Define(GPPU, "GPPU").OnWrite = v => Store(GPPU, v);
            Register intf = _map.Define(INTF, "INTF", 0x00, RegisterAccess.ReadOnly);
            intf.Cleared += _ => InterruptCleared();

            // INTCAP powers up undefined ("x", Register 1-9); modelled as 0x00 [unverified].
            _map.Define(INTCAP, "INTCAP", 0x00, RegisterAccess.ReadOnly).ClearsOnRead(intf, 0xFF);
            Register gpio = _map.Define(GPIO, "GPIO").ClearsOnRead(intf, 0xFF);
            gpio.OnRead = PortValue;
            gpio.OnWrite = v => Store(OLAT, v);
            _map.Define(OLAT, "OLAT").OnWrite = v => Store(OLAT, v);

            // IOCON.SEQOP = 1 stops the address pointer (byte mode); in sequential mode it rolls over from OLAT to IODIR
            // (stated for the MCP23S08 and MCP23017; unverified for the I2C MCP23008).
            _map.AutoIncrementDisabledBy(iocon, IoconSeqop);
            _map.WrapsAround(OLAT, IODIR);
            _reference = (byte)PortValue();
        }

        /// <summary>
        /// Raised after each register byte the bus reads (its side effects done), with the register address, while the
        /// transfer is under way: a test drives pins here to change them in the middle of a driver's I2C transfer.
        /// </summary>
        public event Action<int> RegisterRead;

        /// <summary>The ESP32 GPIO the INT output drives, or null.</summary>
        public int? InterruptPin { get; }

        /// <summary>The register file (names, power-on values, access), for tests that check the datasheet.</summary>
        public RegisterMap Registers => _map;

        /// <summary>Level of an input that nothing drives and whose pull-up is off (the datasheet leaves it undefined). Default low.</summary>
        public bool FloatingInputLevel
        {
            get
            {
                lock (_sync)
                {
                    return _floatingInputLevel;
                }
            }

            set
            {
                using (AllocationLedger.Platform())
                {
                    lock (_sync)
                    {
                        _floatingInputLevel = value;
                        Settle();
                    }
                }
            }
        }

        /// <summary>
        /// What a clearing read does to an on-change pin that moved while the interrupt was pending (unverified for the
        /// MCP23008, see the remarks): true, the interrupt latches again at once with INTCAP = the port then (the MCP23017
        /// datasheet's statement); false, the change becomes the new reference and raises nothing.
        /// </summary>
        public bool RelatchChangesWhilePending
        {
            get
            {
                lock (_sync)
                {
                    return _relatch;
                }
            }

            set
            {
                lock (_sync)
                {
                    _relatch = value;
                }
            }
        }

        /// <summary>True while an interrupt is pending (INTF latched, INT active).</summary>
        public bool InterruptPending
        {
            get
            {
                lock (_sync)
                {
                    return _pending;
                }
            }
        }

        /// <summary>Interrupts latched since power-on.</summary>
        public long InterruptCount { get; private set; }

        /// <summary>The physical levels of GP0..GP7 (bit n = GPn): OLAT on outputs, the input level on inputs.</summary>
        public byte PinLevels
        {
            get
            {
                lock (_sync)
                {
                    return (byte)Levels();
                }
            }
        }

        /// <summary>The physical level of one pin.</summary>
        public bool PinLevel(int pin) => (PinLevels & Bit(pin)) != 0;

        /// <summary>Drives one pin from outside (a switch, a sensor): the level an input reads.</summary>
        public void DriveInput(int pin, bool level) => DriveInputs(Bit(pin), level ? 0xFF : 0x00);

        /// <summary>Stops driving one pin: it then reads its pull-up, or <see cref="FloatingInputLevel"/>.</summary>
        public void ReleaseInput(int pin)
        {
            Bit(pin);
            using (AllocationLedger.Platform())
            {
                lock (_sync)
                {
                    _inputs[pin] = null;
                    Settle();
                }
            }
        }

        /// <summary>Drives several pins at once (one simultaneous change): bit n of <paramref name="mask"/> selects GPn.</summary>
        public void DriveInputs(int mask, int levels)
        {
            using (AllocationLedger.Platform())
            {
                lock (_sync)
                {
                    for (int pin = 0; pin < PinCount; pin++)
                    {
                        if ((mask & (1 << pin)) != 0)
                        {
                            _inputs[pin] = (levels & (1 << pin)) != 0;
                        }
                    }

                    Settle();
                }
            }
        }

        /// <summary>A register's content without the side effects of a bus read (GPIO: the port value now).</summary>
        public byte Peek(int address)
        {
            lock (_sync)
            {
                return (byte)(address == GPIO ? PortValue() : _map[address].Value);
            }
        }

        /// <summary>A power-on reset (RESET pin low): every register back to its power-on value, interrupt cleared.</summary>
        public void PowerOnReset()
        {
            using (AllocationLedger.Platform())
            {
                lock (_sync)
                {
                    _map.ResetAll();
                    _pending = false;
                    _reference = (byte)PortValue();
                    DriveInterruptPin();
                }
            }
        }

        public override void Attached(I2cBus bus, int address)
        {
            base.Attached(bus, address);
            using (AllocationLedger.Platform())
            {
                lock (_sync)
                {
                    DriveInterruptPin();
                }
            }
        }

        protected override byte ReadRegister(int index)
        {
            byte value;
            lock (_sync)
            {
                value = _map.BusRead(index);
            }

            RegisterRead?.Invoke(index);
            return value;
        }

        protected override void WriteRegister(int index, byte value)
        {
            lock (_sync)
            {
                _map.BusWrite(index, value);
            }
        }

        protected override int NextIndex(int index)
        {
            lock (_sync)
            {
                return _map.NextAddress(index);
            }
        }

        private static int Bit(int pin)
        {
            if (pin < 0 || pin >= PinCount)
            {
                throw new ArgumentOutOfRangeException(nameof(pin), pin, "MCP23008 pins are 0..7.");
            }

            return 1 << pin;
        }

        private void Store(int address, int value)
        {
            _map[address].Value = value;
            Settle();
        }

        // After any change of levels or configuration: the interrupt logic, then the INT line.
        private void Settle()
        {
            Evaluate();
            DriveInterruptPin();
        }

        // DS21919 §1.7: the read of GPIO or INTCAP that the table turned into a clear of INTF. A compare condition that
        // still holds latches again at once; so does, in the MCP23017's reading, an on-change pin that moved while the
        // interrupt was pending. The line is driven once, with the final state.
        private void InterruptCleared()
        {
            _pending = false;
            int current = PortValue();
            int onChange = OnChangeInputs();
            if (!_relatch)
            {
                _reference = (byte)((_reference & ~onChange) | (current & onChange));
            }

            Evaluate();
            DriveInterruptPin();
        }

        // DS21919 §1.7: only inputs with GPINTEN = 1 interrupt; INTCON selects the reference (previous value) or DEFVAL.
        // The first cause latches INTF (one pin: the lowest) and INTCAP; while pending nothing else is latched.
        private void Evaluate()
        {
            int current = PortValue();
            int enabled = _map[GPINTEN].Value & _map[IODIR].Value;
            int onChange = enabled & ~_map[INTCON].Value;
            _reference = (byte)((_reference & onChange) | (current & ~onChange));
            if (_pending)
            {
                return;
            }

            int changed = (current ^ _reference) & onChange;
            int differs = (current ^ _map[DEFVAL].Value) & enabled & _map[INTCON].Value;
            int causes = changed | differs;
            if (causes == 0)
            {
                return;
            }

            _pending = true;
            _reference = (byte)current;
            _map[INTF].Value = (byte)(causes & -causes);
            _map[INTCAP].Value = (byte)current;
            InterruptCount++;
            DriveInterruptPin();
        }

        private int OnChangeInputs() => _map[GPINTEN].Value & _map[IODIR].Value & ~_map[INTCON].Value;

        // GPIO read value: pin levels, inputs XOR IPOL (DS21919 §1.6.2: polarity applies to inputs only).
        private int PortValue() => Levels() ^ (_map[IPOL].Value & _map[IODIR].Value);

        private int Levels()
        {
            int iodir = _map[IODIR].Value;
            int gppu = _map[GPPU].Value;
            int levels = 0;
            for (int pin = 0; pin < PinCount; pin++)
            {
                int bit = 1 << pin;
                bool level;
                if ((iodir & bit) == 0)
                {
                    level = (_map[OLAT].Value & bit) != 0;
                }
                else if (_inputs[pin].HasValue)
                {
                    level = _inputs[pin].Value;
                }
                else
                {
                    level = (gppu & bit) != 0 || _floatingInputLevel;
                }

                if (level)
                {
                    levels |= bit;
                }
            }

            return levels;
        }

        // INT (DS21919 §1.6.6): push-pull active low (INTPOL = 0) or high (INTPOL = 1); open drain (ODR = 1) pulls low
        // while active and releases the line otherwise, leaving its level to the pull-up on the ESP32 side.
        private void DriveInterruptPin()
        {
            if (!InterruptPin.HasValue)
            {
                return;
            }

            int iocon = _map[IOCON].Value;
            bool? level;
            if ((iocon & IoconOdr) != 0)
            {
                level = _pending ? false : (bool?)null;
            }
            else
            {
                bool activeHigh = (iocon & IoconIntpol) != 0;
                level = _pending == activeHigh;
            }

            Board.Pin(InterruptPin.Value).DriveExternally(level);
        }
    }
}
