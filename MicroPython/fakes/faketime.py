# Deterministic stand-in for MicroPython's time module (installed as sys.modules["time"]).
#
# Virtual clock: ticks only move when something sleeps or a test advances them. Ticks wrap
# like the real ones (period 2**30), and every path works on small ints, so nothing here
# allocates.

from micropython import const

_MASK = const(0x3FFFFFFF)
_HALF = const(0x20000000)

_us = 0
_ms = 0
_sub_ms = 0  # microseconds not yet carried into _ms


def ticks_us():
    return _us


def ticks_ms():
    return _ms


def ticks_cpu():
    return _us


def ticks_diff(end, start):
    return ((end - start + _HALF) & _MASK) - _HALF


def ticks_add(ticks, delta):
    return (ticks + delta) & _MASK


def advance_us(n):
    """Move the virtual clock forward by n microseconds."""
    global _us, _ms, _sub_ms
    if n < 0:
        raise ValueError("n must be >= 0")
    _us = (_us + n) & _MASK
    s = _sub_ms + n
    _ms = (_ms + s // 1000) & _MASK
    _sub_ms = s % 1000


def advance_ms(n):
    advance_us(n * 1000)


def set_ticks(us, ms):
    """Place the clock anywhere (e.g. just before a wrap)."""
    global _us, _ms, _sub_ms
    _us = us & _MASK
    _ms = ms & _MASK
    _sub_ms = 0


def sleep_ms(n):
    advance_us(n * 1000)


def sleep_us(n):
    advance_us(n)


def sleep(s):
    advance_us(int(s * 1000000))


def time():
    return _ms // 1000
