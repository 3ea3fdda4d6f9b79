# Register-level simulator of the Microchip MCP23008, written from datasheet DS21919E
# (not from any driver).
#
# * 11 registers, 8-bit index; sequential addressing unless IOCON.SEQOP = 1; the pointer
#   rolls over from OLAT (0x0A) to IODIR (0x00) [U for the I2C part].
# * GPIO write -> OLAT; GPIO read = pin levels XOR (IPOL AND IODIR).
# * Inputs: external level where driven, else 1 with GPPU, else `float_levels` [U].
# * Interrupt logic (DS21919 section 1.7) for inputs with GPINTEN: INTCON = 0 against the
#   level at the last interrupt or clear (MCP23017 datasheet DS20001952 section 3.6.5),
#   INTCON = 1 against DEFVAL. The first event latches one INTF bit (lowest pin) and
#   INTCAP = GPIO; later changes do not touch them until a read of GPIO or INTCAP clears
#   the interrupt. INT is a level, never a pulse: a compare condition that still holds
#   latches again in the clearing read itself ("as long as the condition exists,
#   regardless if the INTCAP or GPIO is read"). An on-change pin that moved while the
#   interrupt was pending latches again at the clearing read with a new INTCAP, as the
#   MCP23017 datasheet states; DS21919 is silent [U for the MCP23008]: `relatch = False`
#   selects the other reading, where the change becomes the new reference.
# * `int_pin`: a machine.Pin the INT output drives (level changes only, like a wire).
# * `on_read`: test hook called after each register byte read, to change pins in the
#   middle of a transfer.
# INTF and INTCAP ignore writes. Comparison uses the GPIO value (IPOL applied) [U].
# Nothing allocates on the register paths.

from micropython import const

from sim_bus import I2CTarget

IODIR = const(0x00)
IPOL = const(0x01)
GPINTEN = const(0x02)
DEFVAL = const(0x03)
INTCON = const(0x04)
IOCON = const(0x05)
GPPU = const(0x06)
INTF = const(0x07)
INTCAP = const(0x08)
GPIO = const(0x09)
OLAT = const(0x0A)

_SEQOP = const(0x20)
_ODR = const(0x04)
_INTPOL = const(0x02)
_IOCON_IMPLEMENTED = const(0x3E)  # bits 7, 6 and 0 read 0


class MCP23008Sim(I2CTarget):
    def __init__(self, address=0x20):
        super().__init__(address)
        self.regs = bytearray(11)
        self.regs[IODIR] = 0xFF  # power-on: all inputs
        self.ext_level = 0  # levels applied from outside
        self.ext_driven = 0  # mask of pins driven from outside
        self.float_levels = 0  # level of undriven inputs without pull-up [U]
        self.pending = False
        self.events = 0  # interrupts latched so far
        self.relatch = True  # see the header [U for the MCP23008]
        self.int_pin = None
        self.on_read = None
        self._ref = self.gpio_value()

    # --- framing hooks -------------------------------------------------------------------
    def next_index(self, i):
        if self.regs[IOCON] & _SEQOP:
            return i
        return 0 if i >= OLAT else i + 1

    def read_byte(self, i):
        if i > OLAT:
            raise OSError("MCP23008 sim: read of undeclared register 0x%02X" % i)
        if i == GPIO:
            v = self.gpio_value()
            self._clear()
        elif i == INTCAP:
            v = self.regs[INTCAP]
            self._clear()
        else:
            v = self.regs[i]
        hook = self.on_read
        if hook is not None:
            hook(i)
        return v

    def write_byte(self, i, v):
        if i > OLAT:
            raise OSError("MCP23008 sim: write to undeclared register 0x%02X" % i)
        r = self.regs
        if i == INTF or i == INTCAP:
            return  # read-only: writes ignored
        if i == GPIO:
            r[OLAT] = v
        elif i == IOCON:
            r[IOCON] = v & _IOCON_IMPLEMENTED
        else:
            r[i] = v
        self._evaluate()

    # --- pins ----------------------------------------------------------------------------
    def pin_levels(self):
        r = self.regs
        undriven = ~self.ext_driven & 0xFF
        inputs = (
            (self.ext_level & self.ext_driven)
            | (undriven & r[GPPU])
            | (undriven & ~r[GPPU] & self.float_levels)
        )
        return ((inputs & r[IODIR]) | (r[OLAT] & ~r[IODIR])) & 0xFF

    def gpio_value(self):
        r = self.regs
        return self.pin_levels() ^ (r[IPOL] & r[IODIR])

    def set_input(self, pin, level):
        m = 1 << pin
        self.ext_driven |= m
        if level:
            self.ext_level |= m
        else:
            self.ext_level &= ~m
        self._evaluate()

    def release(self, pin):
        self.ext_driven &= ~(1 << pin)
        self._evaluate()

    # --- interrupt logic -------------------------------------------------------------------
    def _on_change(self):
        r = self.regs
        return r[GPINTEN] & r[IODIR] & ~r[INTCON] & 0xFF

    def _clear(self):
        if not self.pending:
            return
        self.pending = False
        self.regs[INTF] = 0
        if not self.relatch:
            m = self._on_change()
            self._ref = (self._ref & ~m) | (self.gpio_value() & m)
        self._evaluate()

    def _evaluate(self):
        r = self.regs
        g = self.gpio_value()
        enabled = r[GPINTEN] & r[IODIR]
        m = self._on_change()
        self._ref = (self._ref & m) | (g & ~m & 0xFF)
        if not self.pending:
            hit = ((g ^ self._ref) & m) | ((g ^ r[DEFVAL]) & enabled & r[INTCON])
            if hit:
                r[INTF] = hit & -hit  # one flag: the lowest pin
                r[INTCAP] = g
                self._ref = g
                self.pending = True
                self.events += 1
        pin = self.int_pin
        if pin is not None:
            pin.drive(self.int_pin_level())

    def int_pin_level(self):
        """Level on the INT pin (open-drain assumed pulled up externally)."""
        iocon = self.regs[IOCON]
        if iocon & _ODR:
            return 0 if self.pending else 1
        if iocon & _INTPOL:
            return 1 if self.pending else 0
        return 0 if self.pending else 1
