# MicroPython driver for the Microchip MCP23008 8-bit I2C GPIO expander.
#
# Source: Microchip datasheet DS21919E (register map, IOCON, interrupt logic).
# Register addresses are 8 bits wide.
#
# Outputs are written from a shadow of OLAT, so a pin write is exactly one I2C write of
# two bytes (register + value) and never copies input levels into the latch. All
# configuration registers are shadowed and synchronised from the chip at construction.
# write_pin(), read_pin(), toggle_pin(), read_port(), write_port() and serve_interrupt()
# allocate nothing.
#
# INT is a level (DS21919 section 1.7): a compare condition holds it asserted for as long
# as the pin differs from DEFVAL, and a change made during a service can keep it asserted
# with no new edge. So serve_interrupt() reads INTF, INTCAP and GPIO together and compares
# them with the port it last saw (as Linux pinctrl-mcp23s08 does), holds a compare pin that
# is away from DEFVAL in on-change mode until it returns, and, with an INT pin attached,
# serves again while that pin still reads active (at most 8 times).

from micropython import const

# --- Registers (DS21919E Table 1-3) ------------------------------------------------------
_IODIR = const(0x00)  # 1 = input
_IPOL = const(0x01)  # 1 = GPIO reads the inverted input level
_GPINTEN = const(0x02)  # 1 = interrupt-on-change enabled
_DEFVAL = const(0x03)  # compare value when INTCON = 1
_INTCON = const(0x04)  # 1 = compare with DEFVAL, 0 = with the previous value
_IOCON = const(0x05)
_GPPU = const(0x06)  # 1 = 100 kOhm pull-up (inputs only)
_INTF = const(0x07)  # read-only: pin that caused the interrupt
_INTCAP = const(0x08)  # read-only: port captured at the interrupt; reading clears it
_GPIO = const(0x09)  # read: port levels (clears the interrupt); write: OLAT
_OLAT = const(0x0A)
_NREGS = const(11)
_MAX_SERVICES = const(8)  # services in a row while INT still reads active

# IOCON bits
_SEQOP = const(0x20)  # 1 = sequential addressing disabled
_DISSLW = const(0x10)  # 1 = SDA slew-rate control disabled
_ODR = const(0x04)  # 1 = INT is open-drain
_INTPOL = const(0x02)  # 1 = INT active-high (push-pull only)


def _check(name, value, lo, hi):
    if not lo <= value <= hi:
        raise ValueError("%s must be %d..%d, got %r" % (name, lo, hi, value))


def _mask(pin):
    if not 0 <= pin <= 7:
        _check("pin", pin, 0, 7)  # raises
    return 1 << pin


# --- Public constants ---------------------------------------------------------------------
INPUT = const(0)
INPUT_PULLUP = const(1)
OUTPUT = const(2)


class MCP23008:
    """MCP23008 on a machine.I2C bus at 0x20..0x27 (A2..A0 strapping)."""

    def __init__(self, i2c, address=0x20):
        _check("address", address, 0x20, 0x27)
        self._i2c = i2c
        self._addr = address
        self._reg = bytearray(_NREGS)  # shadow, indexed by register address
        self._b1 = bytearray(1)
        self._b3 = bytearray(3)  # INTF, INTCAP, GPIO
        self.int_flags = 0
        self.int_capture = 0
        self.port = 0
        self.captured_changes = 0
        self.port_changes = 0
        self.on_change = None  # called as on_change(pin, level) for every change served
        self.int_stuck = False
        self._seen = 0  # port as last seen by a service (DEFVAL bits for new compare pins)
        self._compare = 0  # pins the application put in compare mode
        self._int_pin = None
        self._int_active = 0
        self._irq = None
        self._serving = False
        self._held_now = False
        self.sync()
        self._compare = self._reg[_INTCON]

    def sync(self):
        """Re-read the configuration registers and OLAT into the shadow (no writes).

        INTF, INTCAP and GPIO are not read, so a pending interrupt stays pending.
        """
        r = self._reg
        r[_IOCON] = self._read(_IOCON)
        if r[_IOCON] & _SEQOP:
            for reg in range(_IOCON):
                r[reg] = self._read(reg)
            r[_GPPU] = self._read(_GPPU)
        else:
            self._i2c.readfrom_mem_into(self._addr, _IODIR, memoryview(r)[:_INTF])
        r[_OLAT] = self._read(_OLAT)

    # --- register access ------------------------------------------------------------------
    def _read(self, reg):
        self._i2c.readfrom_mem_into(self._addr, reg, self._b1)
        return self._b1[0]

    def _write(self, reg, value):
        self._reg[reg] = value
        self._b1[0] = value
        self._i2c.writeto_mem(self._addr, reg, self._b1)

    def _update(self, reg, value):
        if self._reg[reg] != value:
            self._write(reg, value)


    # --- pins -----------------------------------------------------------------------------
    def set_mode(self, pin, mode, value=None):
        """Configure a pin as INPUT, INPUT_PULLUP or OUTPUT.

        For OUTPUT, `value` (0/1) is latched before the pin starts driving. A pin's pull-up
        bit is left alone while it is an output (GPPU only acts on inputs).
        """
        m = _mask(pin)
        r = self._reg
        if mode == OUTPUT:
            if value is not None:
                self._update(_OLAT, r[_OLAT] | m if value else r[_OLAT] & ~m)
            self._update(_IODIR, r[_IODIR] & ~m)
        elif mode == INPUT or mode == INPUT_PULLUP:
            self._update(_GPPU, r[_GPPU] | m if mode == INPUT_PULLUP else r[_GPPU] & ~m)
            self._update(_IODIR, r[_IODIR] | m)
        else:
            raise ValueError("mode must be INPUT, INPUT_PULLUP or OUTPUT, got %r" % (mode,))

    def mode(self, pin):
        m = _mask(pin)
        if not self._reg[_IODIR] & m:
            return OUTPUT
        return INPUT_PULLUP if self._reg[_GPPU] & m else INPUT

    def write_pin(self, pin, value):
        """Set the output latch of a pin: one 2-byte write to OLAT."""
        m = _mask(pin)
        olat = self._reg[_OLAT]
        self._write(_OLAT, olat | m if value else olat & ~m)

    def toggle_pin(self, pin):
        self._write(_OLAT, self._reg[_OLAT] ^ _mask(pin))

    def read_pin(self, pin):
        """Level of a pin as GPIO reports it (IPOL applied to inputs): 0 or 1.

        Reading GPIO clears a pending interrupt (datasheet behaviour).
        """
        m = _mask(pin)
        return 1 if self._read(_GPIO) & m else 0

    def read_port(self):
        return self._read(_GPIO)

    def write_port(self, value):
        _check("value", value, 0, 0xFF)
        self._write(_OLAT, value)

    @property
    def output_latch(self):
        return self._reg[_OLAT]

    @property
    def direction(self):
        """IODIR mask: 1 = input, 0 = output."""
        return self._reg[_IODIR]

    @direction.setter
    def direction(self, mask):
        _check("direction", mask, 0, 0xFF)
        self._write(_IODIR, mask)

    @property
    def pullups(self):
        """GPPU mask: 1 = 100 kOhm pull-up on that input."""
        return self._reg[_GPPU]

    @pullups.setter
    def pullups(self, mask):
        _check("pullups", mask, 0, 0xFF)
        self._write(_GPPU, mask)

    @property
    def polarity(self):
        """IPOL mask: 1 = GPIO reads the inverted level of that input."""
        return self._reg[_IPOL]

    @polarity.setter
    def polarity(self, mask):
        _check("polarity", mask, 0, 0xFF)
        self._write(_IPOL, mask)

    # --- interrupts -----------------------------------------------------------------------
    def enable_interrupt(self, pin, defval=None):
        """Enable an interrupt for an input pin.

        defval None: on change (INTCON = 0). The chip is served once first, so the pin's
        level is known before it is watched.
        defval 0 or 1: compare (INTCON = 1): a change is reported when the pin leaves
        defval (at once if it already differs) and when it returns. On the chip this is a
        level that holds INT asserted; serve_interrupt() therefore holds the pin in
        on-change mode while it is away (one INTCON write each way).
        """
        m = _mask(pin)
        r = self._reg
        if defval is None:
            self._compare &= ~m
            self._update(_INTCON, r[_INTCON] & ~m)
            self._serve()
        elif defval == 0 or defval == 1:
            self._update(_DEFVAL, r[_DEFVAL] | m if defval else r[_DEFVAL] & ~m)
            self._update(_INTCON, r[_INTCON] | m)
            self._compare |= m
            self._seen = (self._seen & ~m) | (r[_DEFVAL] & m)
        else:
            raise ValueError("defval must be None, 0 or 1, got %r" % (defval,))
        self._update(_GPINTEN, r[_GPINTEN] | m)

    def disable_interrupt(self, pin):
        m = _mask(pin)
        self._update(_GPINTEN, self._reg[_GPINTEN] & ~m)

    @property
    def interrupt_flags(self):
        """INTF without clearing the interrupt."""
        return self._read(_INTF)

    def attach_int_pin(self, pin):
        """Serve the chip from the IRQ of the machine.Pin wired to INT (both edges).

        The handler serves while the pin reads active, so a change made during a service
        that keeps INT asserted is not lost. The bound handler is created once.
        """
        iocon = self._reg[_IOCON]
        self._int_active = 1 if (iocon & (_ODR | _INTPOL)) == _INTPOL else 0
        if self._irq is None:
            self._irq = self._on_int
        self._int_pin = pin
        pin.irq(handler=self._irq, trigger=pin.IRQ_FALLING | pin.IRQ_RISING)
        self.serve_interrupt()

    def _on_int(self, pin):
        if not self._serving:
            self.serve_interrupt()

    def serve_interrupt(self):
        """Serve the interrupt: INTF, INTCAP and GPIO in one 3-byte read (which clears it).

        Returns the pins that changed (bit n = GPn), from INTCAP and GPIO compared with the
        port last seen; `captured_changes` / `int_capture` and `port_changes` / `port` say
        which change was captured at the interrupt and which came later (a pin that changed
        and came back is in both). `on_change(pin, level)` is called for each, captured ones
        first. A compare pin found away from DEFVAL is held in on-change mode (one INTCON
        write) and served once more, since its condition latched again at the clearing read.
        With an INT pin attached, serves again while it reads active, at most 8 times;
        `int_stuck` is then True if INT is still active. In byte mode the registers are read
        one per transfer (INTCAP only when INTF is set).
        """
        pin = self._int_pin
        changed = 0
        if pin is None:
            for _ in range(_MAX_SERVICES):
                changed |= self._serve()
                if not self._held_now:  # a pin just held: its condition latched again
                    break
            return changed
        self._serving = True
        try:
            for _ in range(_MAX_SERVICES):
                if pin.value() != self._int_active:
                    self.int_stuck = False
                    return changed
                changed |= self._serve()
            self.int_stuck = pin.value() == self._int_active
        finally:
            self._serving = False
        return changed

    def _serve(self):
        b = self._b3
        r = self._reg
        if r[_IOCON] & _SEQOP:
            b[0] = self._read(_INTF)
            b[1] = self._read(_INTCAP) if b[0] else 0
            b[2] = self._read(_GPIO)
        else:
            self._i2c.readfrom_mem_into(self._addr, _INTF, b)
        flags = b[0]
        cap = b[1]
        port = b[2]
        watched = (r[_GPINTEN] & r[_IODIR]) | flags
        seen = self._seen
        cap_changes = 0
        if flags:  # INTCAP is only fresh when something was pending
            cap_changes = (cap ^ seen) & watched
            seen = (seen & ~cap_changes) | (cap & cap_changes)
        port_changes = (port ^ seen) & watched
        self._seen = port
        self.int_flags = flags
        self.int_capture = cap
        self.port = port
        self.captured_changes = cap_changes
        self.port_changes = port_changes
        held = self._compare & r[_GPINTEN]
        away = (port ^ r[_DEFVAL]) & held
        self._held_now = (r[_INTCON] & away) != 0
        self._update(_INTCON, (r[_INTCON] & ~held) | (held & ~away))
        cb = self.on_change
        if cb is not None:
            for i in range(8):
                if cap_changes >> i & 1:
                    cb(i, cap >> i & 1)
            for i in range(8):
                if port_changes >> i & 1:
                    cb(i, port >> i & 1)
        return cap_changes | port_changes

    def configure(self, sequential=True, open_drain=False, active_high=False, slew_rate_control=True):
        """Write IOCON: address auto-increment (SEQOP), INT output type (ODR) and polarity
        (INTPOL, push-pull only), SDA slew-rate control (DISSLW)."""
        self._write(
            _IOCON,
            (0 if sequential else _SEQOP)
            | (0 if slew_rate_control else _DISSLW)
            | (_ODR if open_drain else 0)
            | (_INTPOL if active_high else 0),
        )
