# FlowMeter driver with the Pin fake and the virtual clock.
# Expected values: sensor K-factors (YF-S201 7.5 Hz per L/min = 450 pulses/L, YF-S401 98,
# FS300A 5.5, FS400A 4.8) and Q [L/min] = f [Hz] / k.

import time  # faketime, installed by the harness
import machine
from machine import Pin
from testing import eq, near, check, raises, contains
import flowmeter
from flowmeter import FlowMeter


def make(ppl=flowmeter.YF_S201, **kw):
    pin = Pin(5, Pin.IN)
    return pin, FlowMeter(pin, ppl, **kw)


def flow(pin, k_hz_per_lpm, lpm, ms, step_us=100):
    """Drive the pin as a sensor at `lpm` for `ms`: phase accumulation, 50 % duty."""
    step = int(k_hz_per_lpm * lpm * step_us + 0.5)  # phase step in micro-cycles
    phase = 0
    for _ in range(ms * 1000 // step_us):
        time.advance_us(step_us)
        phase += step
        if phase >= 1000000:
            phase -= 1000000
            pin.drive(1)
        elif phase >= 500000:
            pin.drive(0)


def pulses(pin, n, interval_us):
    for _ in range(n):
        time.advance_us(interval_us)
        pin.pulse()


def test_presets_are_pulses_per_litre():
    eq(flowmeter.YF_S201, 450, "YF-S201 = 60 * 7.5")
    eq(flowmeter.YF_S401, 5880, "YF-S401 = 60 * 98")
    eq(flowmeter.FS300A, 330, "FS300A = 60 * 5.5")
    eq(flowmeter.FS400A, 288, "FS400A = 60 * 4.8")


def test_irq_registered_on_rising_edge_with_handler_created_once():
    pin, fm = make()
    eq(pin._trigger, Pin.IRQ_RISING, "trigger")
    check(pin._handler is fm._irq_ref, "the registered handler is the reference stored in __init__")
    pin.pulse()
    check(pin._handler is fm._irq_ref, "handler unchanged after an edge")


def test_counts_rising_edges_only():
    pin, fm = make()
    pulses(pin, 10, 5000)
    eq(fm.pulses, 10, "pulses for 10 full pulses")


def test_totals_in_pulses_and_litres():
    pin, fm = make()
    pulses(pin, 900, 4000)
    eq(fm.pulses, 900, "pulses")
    near(fm.litres, 2.0, 1e-9, "litres at 450 pulses/L")


def test_rate_at_30_lpm_yf_s201():
    pin, fm = make()
    t0 = time.ticks_ms()
    flow(pin, 7.5, 30, 2000)
    rate = fm.sample()
    eq(fm.window_ms, time.ticks_diff(time.ticks_ms(), t0), "window length measured")
    eq(fm.window_pulses, 450, "225 Hz for 2 s")
    near(rate, 30.0, 1e-9, "L/min")


def test_rate_uses_measured_elapsed_time_not_nominal():
    pin, fm = make()
    pulses(pin, 225, 4000)  # 0.9 s of pulses
    time.advance_ms(600)  # the caller was late: the window is 1.5 s
    rate = fm.sample()
    eq(fm.window_ms, 1500, "window_ms")
    near(rate, 225 / 450 * 60 / 1.5, 1e-9, "L/min over 1.5 s")


def test_sample_restarts_window():
    pin, fm = make()
    pulses(pin, 100, 5000)
    fm.sample()
    time.advance_ms(1000)
    eq(fm.sample(), 0.0, "empty second window")
    eq(fm.window_pulses, 0, "window pulses")
    eq(fm.pulses, 100, "total kept")


def test_yf_s401_at_588_hz_keeps_every_pulse_with_default_filter():
    pin, fm = make(flowmeter.YF_S401)
    flow(pin, 98, 6, 1000, step_us=50)  # 588 Hz, period 1.7 ms
    near(fm.sample(), 6.0, 0.005, "L/min")
    eq(fm.rejected, 0, "rejected edges")


def test_sample_is_atomic_pulses_in_critical_section_go_to_next_window():
    pin, fm = make()
    pulses(pin, 50, 5000)
    n0 = machine.critical_sections

    def burst():  # an edge arriving while IRQs are disabled
        time.advance_us(5000)
        pin.pulse()

    machine.on_disable_irq = burst
    try:
        fm.sample()
    finally:
        machine.on_disable_irq = None
    check(machine.critical_sections > n0, "sample() disables IRQs")
    eq(fm.window_pulses, 50, "sampled window excludes the edge held during the critical section")
    eq(fm.pulses, 51, "held edge delivered after enable_irq, not lost")
    time.advance_ms(10)
    fm.sample()
    eq(fm.window_pulses, 1, "held edge counted in the next window")


def test_bounce_filter_rejects_close_edges():
    pin, fm = make(min_interval_us=1000)
    pin.pulse()
    time.advance_us(200)
    pin.pulse()  # bounce
    time.advance_us(700)
    pin.pulse()  # still 900 us after the counted edge
    time.advance_us(200)
    pin.pulse()  # 1100 us: counted
    eq(fm.pulses, 2, "counted")
    eq(fm.rejected, 2, "rejected")


def test_bounce_filter_off_counts_everything():
    pin, fm = make(min_interval_us=0)
    for _ in range(5):
        pin.pulse()
    eq(fm.pulses, 5, "pulses")


def test_filter_across_tick_wrap():
    time.set_ticks(0x3FFFFFFF - 300, 0x3FFFFFFF - 5)
    pin, fm = make()
    pulses(pin, 4, 400)  # crosses the 2**30 wrap of ticks_us
    # 400 us after a counted edge is rejected; 800 us after it passes
    eq((fm.pulses, fm.rejected), (2, 2), "pulses, rejected")
    pulses(pin, 3, 600)
    eq(fm.pulses, 5, "edges 600 us apart pass")
    time.advance_ms(2000)
    fm.sample()
    check(fm.window_ms > 0, "window length positive across the ticks_ms wrap")


def test_calibrate_from_measured_volume():
    pin, fm = make()
    pulses(pin, 1000, 3000)
    fm.calibrate(2.0)
    near(fm.pulses_per_litre, 500, 1e-9, "pulses per litre")
    near(fm.litres, 2.0, 1e-9, "litres after calibration")
    time.advance_ms(1000)
    fm.sample()
    fm.reset()
    pulses(pin, 500, 2000)  # 1 s of pulses
    near(fm.sample(), 60.0, 1e-9, "500 pulses/L, 500 pulses in 1 s")


def test_reset_zeroes_counts_and_window():
    pin, fm = make(min_interval_us=1000)
    pulses(pin, 20, 300)
    fm.reset()
    eq((fm.pulses, fm.rejected, fm.window_pulses), (0, 0, 0), "after reset")
    time.advance_ms(250)
    pulses(pin, 5, 2000)
    fm.sample()
    eq(fm.window_ms, 260, "window starts at reset")


def test_deinit_detaches_handler():
    pin, fm = make()
    fm.deinit()
    check(pin._handler is None, "handler removed")
    pulses(pin, 5, 5000)
    eq(fm.pulses, 0, "no counting after deinit")


def test_bad_inputs_raise_value_error():
    pin = Pin(6, Pin.IN)
    contains(raises(ValueError, FlowMeter, pin, 0), "pulses_per_litre")
    raises(ValueError, FlowMeter, pin, -450)
    contains(raises(ValueError, FlowMeter, pin, 450, -1), "min_interval_us")
    pin2, fm = make()
    contains(raises(ValueError, fm.calibrate, 0), "measured_litres")
    contains(raises(ValueError, fm.calibrate, 1.0), "no pulses")


def test_zero_length_window_returns_zero_rate():
    pin, fm = make()
    fm.sample()
    eq(fm.sample(), 0.0, "no time elapsed")
