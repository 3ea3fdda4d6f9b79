# Host stand-in for MicroPython's machine module: I2C, Pin and IRQ masking.
#
# I2C routes register transfers to simulated targets (see sim_bus.py) and keeps a
# preallocated ring log of transfers for tests. Pin stores its IRQ handler and lets tests
# drive levels. An edge that arrives while IRQs are disabled is held and delivered by
# enable_irq(), as the interrupt controller would: one pending flag per pin, so several
# edges inside one critical section coalesce into one interrupt. Nothing on the transfer or edge paths
# allocates, so a driver measured through these fakes shows only its own allocations.

from micropython import const

_LOG = const(64)  # transfers kept in the ring log
_DATA = const(32)  # bytes of the last write kept

_masked = False
_pins = []
critical_sections = 0  # number of disable_irq() calls
on_disable_irq = None  # test hook: called inside each critical section


def disable_irq():
    global _masked, critical_sections
    state = _masked
    _masked = True
    critical_sections += 1
    hook = on_disable_irq
    if hook is not None:
        hook()
    return state


def enable_irq(state=False):
    global _masked
    _masked = state
    if not state:
        for p in _pins:
            if p._pending:
                p._pending = 0
                h = p._handler
                if h is not None:
                    h(p)


class Pin:
    IN = 1
    OUT = 3
    OPEN_DRAIN = 7
    PULL_UP = 2
    PULL_DOWN = 1
    IRQ_RISING = 1
    IRQ_FALLING = 2

    def __init__(self, id, mode=-1, pull=-1, value=None):
        self.id = id
        self.mode = mode
        self.pull = pull
        self._level = 0 if value is None else (1 if value else 0)
        self._handler = None
        self._trigger = 0
        self._hard = False
        self._pending = 0
        self.irq_calls = 0  # number of irq() configurations
        _pins.append(self)

    def value(self, v=None):
        if v is None:
            return self._level
        self.drive(1 if v else 0)

    def irq(self, handler=None, trigger=3, priority=1, wake=None, hard=False):
        self._handler = handler
        self._trigger = trigger if handler is not None else 0
        self._hard = hard
        self.irq_calls += 1

    # --- test side ---------------------------------------------------------------------
    def drive(self, level):
        """Set the level seen on the pin; fires the handler on a configured edge."""
        if level == self._level:
            return
        self._level = level
        if self._handler is None:
            return
        if self._trigger & (Pin.IRQ_RISING if level else Pin.IRQ_FALLING):
            if _masked:
                self._pending = 1
            else:
                self._handler(self)

    def pulse(self):
        self.drive(1)
        self.drive(0)


class I2C:
    """Bus with attached simulated targets, addressed by their current `address`."""

    def __init__(self, id=0, *, scl=None, sda=None, freq=400000, timeout=50000):
        self._targets = []
        self.reads = 0
        self.writes = 0
        self.nack_next = 0  # number of upcoming transfers to fail with ENODEV
        # ring log: transfer n is at n % _LOG
        self.log_n = 0
        self.log_write = bytearray(_LOG)  # 1 = write, 0 = read
        self.log_addr = bytearray(_LOG)
        self.log_reg = [0] * _LOG
        self.log_len = [0] * _LOG
        self.last_data = bytearray(_DATA)  # payload of the last write

    def attach(self, target):
        self._targets.append(target)
        return target

    def _target(self, addr, memaddr, addrsize):
        if self.nack_next:
            self.nack_next -= 1
            raise OSError(19)  # ENODEV, as MicroPython reports a NACKed address
        for t in self._targets:
            if t.address == addr:
                if addrsize != t.index_bits:
                    raise OSError(
                        "I2C fake: target 0x%02X uses %d-bit register indices, transfer used addrsize=%d"
                        % (addr, t.index_bits, addrsize)
                    )
                if not 0 <= memaddr < (1 << addrsize):
                    raise OSError("I2C fake: register index 0x%X does not fit addrsize=%d" % (memaddr, addrsize))
                return t
        raise OSError(19)

    def _log(self, write, addr, memaddr, n):
        i = self.log_n % _LOG
        self.log_write[i] = write
        self.log_addr[i] = addr
        self.log_reg[i] = memaddr
        self.log_len[i] = n
        self.log_n += 1

    def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
        t = self._target(addr, memaddr, addrsize)
        self.reads += 1
        self._log(0, addr, memaddr, len(buf))
        t.set_pointer(memaddr)
        t.read(buf)

    def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
        t = self._target(addr, memaddr, addrsize)
        self.writes += 1
        n = len(buf)
        self._log(1, addr, memaddr, n)
        d = self.last_data
        for i in range(n if n < _DATA else _DATA):
            d[i] = buf[i]
        t.set_pointer(memaddr)
        t.write(buf)

    def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
        buf = bytearray(nbytes)
        self.readfrom_mem_into(addr, memaddr, buf, addrsize=addrsize)
        return bytes(buf)

    def scan(self):
        return [t.address for t in self._targets]

    # --- test side ---------------------------------------------------------------------
    def entry(self, back):
        """(write, addr, reg, length) of a logged transfer; back = 1 is the latest."""
        i = (self.log_n - back) % _LOG
        return (self.log_write[i], self.log_addr[i], self.log_reg[i], self.log_len[i])

    def transfers_since(self, mark):
        """Logged (write, addr, reg, length) tuples after log position `mark`."""
        return [self.entry(k) for k in range(self.log_n - mark, 0, -1)]
