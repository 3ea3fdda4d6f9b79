# MicroPython driver for hall-effect turbine flow meters (YF-S201, YF-S401, FS300A, ...).
#
# The sensor outputs one pulse per fixed volume: pulses per litre = 60 * k, where
# k (Hz per L/min) comes from the sensor's data sheet (YF-S201: k = 7.5 -> 450 pulses/L).
# Output is open collector: enable a pull-up on the pin (or fit one).
#
# Counting happens in a Pin IRQ handler that allocates nothing: a small-int counter and a
# minimum-interval filter on time.ticks_us(). The handler's bound method is created once
# in __init__. The IRQ counter only holds the pulses of the current window (sample()
# moves them to the total), so it stays a small int; call sample() at least every few
# days (the window must also stay below 2**29 ms for ticks_diff()).

from micropython import const
import machine
import time

# Pulses per litre of common sensors (public: pass one as pulses_per_litre).
YF_S201 = const(450)  # 1/2", k = 7.5, 1..30 L/min
YF_S401 = const(5880)  # ~6 mm, k = 98, 0.3..6 L/min
FS300A = const(330)  # 3/4", k = 5.5
FS400A = const(288)  # 1", k = 4.8

_SMALL_INT_MASK = const(0x3FFFFFFF)


class FlowMeter:
    """Pulse-counting flow meter on a machine.Pin (rising edges).

    min_interval_us rejects edges closer than that to the previous counted edge (contact
    bounce, noise); 500 us keeps every pulse up to 2 kHz (YF-S401 tops out near 588 Hz).
    Pass 0 to count every edge.
    """

    def __init__(self, pin, pulses_per_litre=YF_S201, min_interval_us=500, hard=True):
        if not pulses_per_litre > 0:
            raise ValueError("pulses_per_litre must be > 0, got %r" % (pulses_per_litre,))
        if not 0 <= min_interval_us <= 1000000:
            raise ValueError("min_interval_us must be 0..1000000, got %d" % min_interval_us)
        self._pin = pin
        self._ppl = pulses_per_litre
        self._min_us = min_interval_us
        self._count = 0  # pulses in the current window (written by the IRQ handler)
        self._rejected = 0  # edges dropped by the interval filter
        self._last_us = time.ticks_add(time.ticks_us(), -min_interval_us)
        self._total = 0  # pulses of closed windows
        self._t0 = time.ticks_ms()
        self.window_pulses = 0
        self.window_ms = 0
        self._irq_ref = self._irq  # bound method created once, not per interrupt
        pin.irq(trigger=machine.Pin.IRQ_RISING, handler=self._irq_ref, hard=hard)

    def _irq(self, pin):
        # Runs in interrupt context: small ints only, no allocation.
        t = time.ticks_us()
        if 0 <= time.ticks_diff(t, self._last_us) < self._min_us:
            self._rejected = (self._rejected + 1) & _SMALL_INT_MASK
            return
        self._last_us = t
        self._count += 1

    def sample(self):
        """Close the current window and return its mean flow in L/min (float).

        The pulse count is taken and zeroed with interrupts disabled, and the window
        length is the measured time since the previous sample()/reset() (ticks_ms).
        `window_pulses` and `window_ms` keep the raw figures.
        """
        state = machine.disable_irq()
        n = self._count
        self._count = 0
        now = time.ticks_ms()
        machine.enable_irq(state)
        ms = time.ticks_diff(now, self._t0)
        self._t0 = now
        self._total += n
        self.window_pulses = n
        self.window_ms = ms
        if ms <= 0:
            return 0.0
        return n * 60000 / (self._ppl * ms)

    def reset(self):
        """Zero all counts and start a new window."""
        state = machine.disable_irq()
        self._count = 0
        self._total = 0
        self._rejected = 0
        self._t0 = time.ticks_ms()
        machine.enable_irq(state)
        self.window_pulses = 0
        self.window_ms = 0

    def deinit(self):
        """Detach the IRQ handler from the pin."""
        self._pin.irq(handler=None)

    @property
    def pulses(self):
        """Pulses counted since construction or reset()."""
        return self._total + self._count

    @property
    def litres(self):
        return self.pulses / self._ppl

    @property
    def rejected(self):
        """Edges dropped by the minimum-interval filter."""
        return self._rejected

    @property
    def pulses_per_litre(self):
        return self._ppl

    def calibrate(self, measured_litres):
        """Set pulses_per_litre from the volume actually collected since reset()."""
        if not measured_litres > 0:
            raise ValueError("measured_litres must be > 0, got %r" % (measured_litres,))
        n = self.pulses
        if n <= 0:
            raise ValueError("no pulses counted since reset(): run water through first")
        self._ppl = n / measured_litres
