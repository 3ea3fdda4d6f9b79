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
        self._b2 = bytearray(2)  # INTF, INTCAP
        self.int_capture = 0
        self.sync()

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
        """Enable interrupt-on-change for an input pin.

        defval None: interrupt when the pin changes from its previous value.
        defval 0 or 1: interrupt while the pin differs from defval (level-sensitive: it
        re-asserts after serve_interrupt() as long as the pin still differs).
        """
        m = _mask(pin)
        r = self._reg
        if defval is None:
            self._update(_INTCON, r[_INTCON] & ~m)
        elif defval == 0 or defval == 1:
            self._update(_DEFVAL, r[_DEFVAL] | m if defval else r[_DEFVAL] & ~m)
            self._update(_INTCON, r[_INTCON] | m)
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

    def serve_interrupt(self):
        """Read INTF and INTCAP (one 2-byte transfer) and so clear the interrupt.

        Returns the INTF mask (pins that caused it; 0 if none was pending) and stores the
        captured port value in `int_capture`. In byte mode (sequential=False) the two
        registers are read with two transfers.
        """
        b = self._b2
        if self._reg[_IOCON] & _SEQOP:
            b[0] = self._read(_INTF)
            b[1] = self._read(_INTCAP)
        else:
            self._i2c.readfrom_mem_into(self._addr, _INTF, b)
        self.int_capture = b[1]
        return b[0]

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
