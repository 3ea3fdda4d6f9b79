# VL6180X driver against the register-level simulator.
# Expected values: DocID026171 (datasheet) and AN4545 (settings, error codes).

import gc
import time  # faketime, installed by the harness
import machine
from testing import eq, near, check, raises, contains
from sim_vl6180x import VL6180XSim
import vl6180x
from vl6180x import VL6180X, RangeError

# AN4545 Rev 2 private registers (0x0E3 = 0x01, 0x0E4 = 0x03 distinguish it from Rev 1).
PRIVATE_REV2 = (
    (0x207, 0x01), (0x208, 0x01), (0x096, 0x00), (0x097, 0xFD), (0x0E3, 0x01),
    (0x0E4, 0x03), (0x0E5, 0x02), (0x0E6, 0x01), (0x0E7, 0x03), (0x0F5, 0x02),
    (0x0D9, 0x05), (0x0DB, 0xCE), (0x0DC, 0x03), (0x0DD, 0xF8), (0x09F, 0x00),
    (0x0A3, 0x3C), (0x0B7, 0x00), (0x0BB, 0x3C), (0x0B2, 0x09), (0x0CA, 0x09),
    (0x198, 0x01), (0x1B0, 0x17), (0x1AD, 0x00), (0x0FF, 0x05), (0x100, 0x05),
    (0x199, 0x05), (0x1A6, 0x1B), (0x1AC, 0x3E), (0x1A7, 0x1F), (0x030, 0x00),
)
# Recommended public registers (8-bit ones; 0x040 is a 16-bit register).
PUBLIC = ((0x011, 0x10), (0x10A, 0x30), (0x03F, 0x46), (0x031, 0xFF), (0x01B, 0x09), (0x03E, 0x31), (0x014, 0x24))
# Actual ALS gains by gain code (DocID026171).
ACTUAL_GAIN = (20.0, 10.32, 5.21, 2.60, 1.72, 1.28, 1.01, 40.0)


def rig(**kw):
    bus = machine.I2C(0)
    sim = bus.attach(VL6180XSim(**kw))
    return bus, sim


def make(**kw):
    timeout_ms = kw.pop("timeout_ms", 250)
    bus, sim = rig(**kw)
    return bus, sim, VL6180X(bus, timeout_ms=timeout_ms)


def lux_datasheet(counts, gain_code, t_ms):
    return 0.32 * counts / ACTUAL_GAIN[gain_code] * 100 / t_ms


# --- identification and initialisation ------------------------------------------------
def test_init_wrong_model_id_raises_naming_id_found():
    bus, sim = rig(model_id=0xB5)
    e = raises(RuntimeError, VL6180X, bus)
    contains(e, "0xB5")
    contains(e, "0xB4")


def test_init_no_device_raises_oserror():
    bus = machine.I2C(0)
    raises(OSError, VL6180X, bus)


def test_init_fresh_loads_private_settings_rev2():
    bus, sim, dev = make()
    for reg, val in PRIVATE_REV2:
        eq(sim.regs[reg], val, "register 0x%03X" % reg)


def test_init_fresh_writes_recommended_public_settings():
    bus, sim, dev = make()
    for reg, val in PUBLIC:
        eq(sim.regs[reg], val, "register 0x%03X" % reg)
    eq(sim.regs[0x02E], 0x01, "SYSRANGE__VHV_RECALIBRATE")


def test_init_fresh_clears_fresh_out_of_reset():
    bus, sim, dev = make()
    eq(sim.regs[0x016], 0, "SYSTEM__FRESH_OUT_OF_RESET")


def test_init_integration_period_written_as_one_16_bit_write():
    bus, sim = rig()
    sim.regs[0x040] = 0x12  # garbage in the high byte must be overwritten
    mark = bus.log_n
    VL6180X(bus)
    eq(sim.word(0x040), 0x0063, "SYSALS__INTEGRATION_PERIOD")
    writes = [t for t in bus.transfers_since(mark) if t[0] == 1 and t[2] in (0x040, 0x041)]
    eq(writes, [(1, 0x29, 0x040, 2)], "writes to 0x040/0x041")


def test_init_not_fresh_writes_only_the_stop_and_keeps_registers():
    bus, sim = rig(fresh=False)
    sim.regs[0x0E3] = 0xAA
    sim.regs[0x014] = 0x24
    VL6180X(bus)
    # ALS stop, interleaved off, clear + range stop burst from 0x015, clear all
    eq(bus.writes, 4, "I2C writes")
    eq(bus.last_data[0], 0x07, "last write: SYSTEM__INTERRUPT_CLEAR range, ALS and error")
    eq(sim.regs[0x2A3], 0, "INTERLEAVED_MODE__ENABLE")
    eq(sim.regs[0x0E3], 0xAA, "register 0x0E3")
    eq(sim.regs[0x04F], 0, "no interrupt flag left")


def test_init_not_fresh_stops_continuous_ranging_left_running():
    bus, sim, first = make()
    first.start_continuous(50)
    time.sleep_ms(120)
    dev = VL6180X(bus)  # a warm restart: the chip kept ranging
    check(not sim.continuous, "continuous ranging stopped")
    sim.distance_mm = 80
    eq(dev.read_range(), 80, "single shot after the restart")
    n = sim.range_samples
    time.sleep_ms(500)
    bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16)
    eq(sim.range_samples, n, "no measurement after the stop")


def test_init_not_fresh_stops_interleaved_mode_left_running():
    bus, sim, first = make()
    sim.lux = 100
    first.start_interleaved(200)
    time.sleep_ms(330)
    dev = VL6180X(bus)
    check(not sim.als_continuous, "continuous ALS stopped")
    check(not sim.interleaved, "INTERLEAVED_MODE__ENABLE = 0")
    eq(dev.read_range(), 50, "single-shot range")
    near(dev.read_lux(), 100, 0.01, "single-shot lux")


def test_init_not_fresh_syncs_integration_and_scaling():
    bus, sim = rig(fresh=False)
    sim.regs[0x014] = 0x24
    sim.regs[0x040], sim.regs[0x041] = 0x00, 49  # 50 ms
    sim.regs[0x096], sim.regs[0x097] = 0, 127  # 2x
    dev = VL6180X(bus)
    eq(dev.als_integration_ms, 50, "integration ms")
    eq(dev.scaling, 2, "scaling")


def test_init_keeps_factory_offset():
    bus, sim, dev = make(factory_offset=-3)
    eq(sim.regs[0x024], 0xFD, "SYSRANGE__PART_TO_PART_RANGE_OFFSET")
    eq(dev.offset, -3, "offset")
    sim.distance_mm = 50
    eq(dev.read_range(), 50, "range with the factory offset kept")


def test_init_bad_arguments_raise_value_error():
    bus, sim = rig()
    contains(raises(ValueError, VL6180X, bus, address=0x78), "address")
    contains(raises(ValueError, VL6180X, bus, timeout_ms=0), "timeout_ms")


# --- single-shot ranging ------------------------------------------------------------------
def test_read_range_returns_distance_mm():
    bus, sim, dev = make()
    for d in (0, 1, 87, 200):
        sim.distance_mm = d
        eq(dev.read_range(), d, "range at %d mm" % d)


def test_read_range_waits_for_new_sample_not_stale_value():
    bus, sim, dev = make()
    sim.distance_mm = 40
    eq(dev.read_range(), 40, "first")
    sim.distance_mm = 120
    sim.range_time_us = 30000
    t0 = time.ticks_ms()
    eq(dev.read_range(), 120, "second")
    check(time.ticks_diff(time.ticks_ms(), t0) >= 30, "returned before the 30 ms measurement ended")


def test_read_range_start_is_one_burst_clear_and_start():
    bus, sim, dev = make()
    mark = bus.log_n
    dev.read_range()
    writes = [t for t in bus.transfers_since(mark) if t[0] == 1]
    eq(writes, [(1, 0x29, 0x015, 4)], "writes during read_range")
    eq(bus.last_data[0] & 0x05, 0x05, "SYSTEM__INTERRUPT_CLEAR range+error bits")
    eq(bus.last_data[3], 0x01, "SYSRANGE__START single shot")
    eq(sim.range_samples, 1, "measurements run")


def test_read_range_reads_status_and_result_in_one_transfer():
    bus, sim, dev = make()
    sim.range_time_us = 0  # result ready at the first poll
    mark = bus.log_n
    dev.read_range()
    reads = [t for t in bus.transfers_since(mark) if t[0] == 0]
    # device-ready check (RESULT__RANGE_STATUS), then one burst 0x04D..0x062
    eq(reads, [(0, 0x29, 0x04D, 1), (0, 0x29, 0x04D, 22)], "reads during read_range")


def test_read_range_error_codes_raise_never_return_distance():
    bus, sim, dev = make()
    for code in (1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15):
        sim.range_error = code
        e = raises(RangeError, dev.read_range)
        eq(e.code, code, "RangeError.code")
        eq(dev.range_status, code, "range_status")


def test_read_range_no_target_raises_max_convergence():
    bus, sim, dev = make()
    sim.distance_mm = None
    e = raises(RangeError, dev.read_range)
    eq(e.code, vl6180x.ERROR_MAX_CONVERGENCE, "code")
    eq(e.code, 7, "AN4545 code for no target")


def test_range_status_zero_after_valid_measurement():
    bus, sim, dev = make()
    sim.range_error = 13
    raises(RangeError, dev.read_range)
    sim.range_error = 0
    dev.read_range()
    eq(dev.range_status, vl6180x.ERROR_NONE, "range_status")


def test_read_range_sensor_never_ready_raises_within_timeout():
    bus, sim, dev = make(timeout_ms=100)
    sim.range_time_us = None
    t0 = time.ticks_ms()
    e = raises(OSError, dev.read_range)
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(100 <= waited <= 102, "waited %d ms for a 100 ms timeout" % waited)
    contains(e, "RESULT__INTERRUPT_STATUS_GPIO")


def test_read_range_pll_error_bits_raise_naming_pll_before_the_timeout():
    bus, sim, dev = make(timeout_ms=100)
    sim.int_error = 2
    t0 = time.ticks_ms()
    e = raises(OSError, dev.read_range)
    check(time.ticks_diff(time.ticks_ms(), t0) < 100, "raised before the timeout")
    contains(e, "PLL error")
    check("laser" not in str(e), "names only the error reported: %s" % e)


def test_read_range_laser_safety_error_bits_raise_naming_it():
    bus, sim, dev = make()
    sim.int_error = 1
    e = raises(OSError, dev.read_range)
    contains(e, "laser safety error")
    check("PLL" not in str(e), "names only the error reported: %s" % e)


def test_read_range_after_device_error_clears_it_and_reads_again():
    bus, sim, dev = make()
    sim.int_error = 2
    raises(OSError, dev.read_range)
    eq(sim.regs[0x04F] & 0xC0, 0, "error field cleared by the driver")
    sim.int_error = 0
    eq(dev.read_range(), 50, "next reading")


def test_read_lux_device_error_raises_naming_it():
    bus, sim, dev = make()
    sim.int_error = 1
    contains(raises(OSError, dev.read_lux), "laser safety error")


def test_read_interleaved_device_error_raises_naming_it():
    bus, sim, dev = make()
    dev.start_interleaved(200)
    sim.int_error = 2
    contains(raises(OSError, dev.read_interleaved), "PLL error")


def test_read_range_needs_new_sample_interrupt_mode():
    bus, sim, dev = make()
    dev.configure_interrupt(range_mode=vl6180x.INT_LEVEL_LOW)
    contains(raises(RuntimeError, dev.read_range), "INT_NEW_SAMPLE")


# --- continuous ranging ---------------------------------------------------------------------
def test_continuous_start_writes_period_code_and_mode():
    bus, sim, dev = make()
    dev.start_continuous(250)
    eq(sim.regs[0x01B], 24, "SYSRANGE__INTERMEASUREMENT_PERIOD for 250 ms")
    eq(bus.entry(1)[2:], (0x015, 4), "start burst register and length")
    eq(bus.last_data[3], 0x03, "SYSRANGE__START continuous")
    check(sim.continuous, "simulator runs continuously")


def test_continuous_period_limits():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.start_continuous, 9), "period_ms")
    contains(raises(ValueError, dev.start_continuous, 2551), "period_ms")
    dev.start_continuous(10)
    eq(sim.regs[0x01B], 0, "code for 10 ms")
    dev.start_continuous(2550)
    eq(sim.regs[0x01B], 254, "code for 2550 ms")


def test_continuous_reads_successive_samples_one_period_apart():
    bus, sim, dev = make()
    sim.distance_mm = 30
    dev.start_continuous(100)
    eq(dev.read_range_continuous(), 30, "first sample")
    t0 = time.ticks_ms()
    sim.distance_mm = 31
    eq(dev.read_range_continuous(), 31, "second sample")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(95 <= waited <= 101, "second sample after %d ms, period 100" % waited)


def test_continuous_error_raises_range_error():
    bus, sim, dev = make()
    dev.start_continuous(20)
    sim.range_error = 11
    eq(raises(RangeError, dev.read_range_continuous).code, vl6180x.ERROR_MAX_SNR, "code")


def test_stop_continuous_sends_one_stop_and_nothing_when_stopped():
    bus, sim, dev = make()
    dev.start_continuous(50)
    w = bus.writes
    dev.stop_continuous()
    eq(bus.writes - w, 1, "writes for stop")
    eq(bus.entry(1)[2], 0x018, "stop register")
    check(not sim.continuous, "simulator stopped")
    w = bus.writes
    dev.stop_continuous()
    eq(bus.writes - w, 0, "writes for a second stop")


def test_single_shot_refused_while_continuous():
    bus, sim, dev = make()
    dev.start_continuous(50)
    raises(RuntimeError, dev.read_range)
    dev.stop_continuous()
    raises(RuntimeError, dev.read_range_continuous)


# --- ambient light -------------------------------------------------------------------------------
def test_lux_each_gain_uses_actual_gain():
    bus, sim, dev = make()
    sim.als_counts = 1000
    for code in range(8):
        lux = dev.read_lux(code)
        eq(sim.regs[0x03F], 0x40 | code, "SYSALS__ANALOGUE_GAIN for code %d" % code)
        near(lux, lux_datasheet(1000, code, 100), 1e-6, "lux at gain code %d" % code)


def test_lux_gain_1_67_and_40_values():
    # The two gains popular drivers got wrong (1.76 and 20 divisors).
    bus, sim, dev = make()
    sim.als_counts = 500
    near(dev.read_lux(vl6180x.ALS_GAIN_1_67), 0.32 * 500 / 1.72, 1e-6, "gain 1.67 (actual 1.72)")
    near(dev.read_lux(vl6180x.ALS_GAIN_40), 0.32 * 500 / 40, 1e-6, "gain 40")


def test_lux_integration_period_16_bit_and_scaling():
    bus, sim, dev = make()
    dev.set_als_integration_ms(50)
    eq(sim.word(0x040), 49, "SYSALS__INTEGRATION_PERIOD for 50 ms")
    sim.als_counts = 613
    # 613 counts, gain code 6 (actual 1.01), 50 ms
    near(dev.read_lux(vl6180x.ALS_GAIN_1), 0.32 * 613 * 100 / (1.01 * 50), 1e-6, "lux at 50 ms")
    dev.set_als_integration_ms(464)
    eq(sim.word(0x040), 463, "SYSALS__INTEGRATION_PERIOD for 464 ms")
    eq(bus.entry(1), (1, 0x29, 0x040, 2), "one 2-byte write")
    dev.set_als_integration_ms(1)
    eq(sim.word(0x040), 0, "1 ms")


def test_lux_integration_period_never_writes_255():
    bus, sim, dev = make()
    dev.set_als_integration_ms(256)
    eq(sim.word(0x040), 256, "register value")
    eq(dev.als_integration_ms, 257, "integration time used")
    sim.lux = 100
    near(dev.read_lux(), 100, 0.01, "lux at 257 ms")
    check(not sim.locked_out, "not locked out")


def test_lux_integration_period_no_value_writes_255():
    bus, sim, dev = make()
    for ms in range(1, 465):
        dev.set_als_integration_ms(ms)
        check(sim.word(0x040) != 255, "%d ms wrote 255" % ms)


def test_lux_integration_period_limits():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.set_als_integration_ms, 0), "ms")
    raises(ValueError, dev.set_als_integration_ms, 465)


def test_lux_waits_for_integration():
    bus, sim, dev = make()
    sim.als_counts = 100
    t0 = time.ticks_ms()
    dev.read_lux()
    check(time.ticks_diff(time.ticks_ms(), t0) >= 100, "read_lux returned before the 100 ms integration")


def test_lux_from_physical_light_level():
    bus, sim, dev = make()
    sim.lux = 250.0
    for code in range(8):  # 250 lux is within the range of every gain (gain 40 tops at ~520)
        near(dev.read_lux(code), 250.0, 0.01, "lux at gain code %d" % code)


def test_lux_overflow_raises():
    bus, sim, dev = make()
    sim.als_counts = 70000
    e = raises(OverflowError, dev.read_lux, vl6180x.ALS_GAIN_40)
    contains(e, "RESULT__ALS_STATUS")


def test_lux_bad_gain_raises_value_error():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.read_lux, 8), "gain")
    raises(ValueError, dev.read_lux, -1)


def test_lux_never_ready_times_out():
    bus, sim, dev = make(timeout_ms=50)
    sim.regs[0x014] = 0x04  # chip configured without ALS interrupt: the flag never rises
    dev._int_cfg = 0x24  # driver believes otherwise (e.g. chip reset behind its back)
    t0 = time.ticks_ms()
    contains(raises(OSError, dev.read_lux), "ALS")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(150 <= waited <= 152, "waited %d ms (100 ms integration + 50 ms timeout)" % waited)


# --- continuous ambient light -----------------------------------------------------------------
def writes_since(bus, mark):
    return [t[2] for t in bus.transfers_since(mark) if t[0] == 1]


def per_call_bytes(fn, n=20):
    # Heap bytes allocated per call, GC disabled, after one warm-up call.
    fn()
    gc.collect()
    gc.disable()
    try:
        a = gc.mem_alloc()
        for _ in range(n):
            fn()
        b = gc.mem_alloc()
    finally:
        gc.enable()
    return (b - a) // n


def test_als_continuous_start_writes_gain_period_and_mode():
    bus, sim, dev = make()
    mark = bus.log_n
    dev.start_als_continuous(250, vl6180x.ALS_GAIN_10)
    eq(writes_since(bus, mark), [0x03F, 0x03E, 0x015, 0x038], "registers written")
    eq(sim.regs[0x03F], 0x41, "SYSALS__ANALOGUE_GAIN gain code 1, dark gain 4")
    eq(sim.regs[0x03E], 24, "SYSALS__INTERMEASUREMENT_PERIOD for 250 ms")
    eq(bus.last_data[0], 0x03, "SYSALS__START continuous")
    check(sim.als_continuous, "simulator runs continuous ALS")
    eq(sim.regs[0x2A3], 0, "INTERLEAVED_MODE__ENABLE left at 0")


def test_als_continuous_period_and_gain_limits():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.start_als_continuous, 9), "period_ms")
    contains(raises(ValueError, dev.start_als_continuous, 2551), "period_ms")
    contains(raises(ValueError, dev.start_als_continuous, 100, 8), "gain")
    dev.start_als_continuous(10)
    eq(sim.regs[0x03E], 0, "code for 10 ms")
    dev.start_als_continuous(2550)
    eq(sim.regs[0x03E], 254, "code for 2550 ms")
    w = bus.writes
    raises(ValueError, dev.start_als_continuous, 5)
    eq(bus.writes - w, 0, "writes for a refused start")
    check(sim.als_continuous, "still running after a refused start")


def test_als_continuous_restart_changes_period_and_keeps_running():
    bus, sim, dev = make()
    dev.start_als_continuous(200)
    dev.start_als_continuous(300)  # a bare second 0x03 would toggle the chip off
    eq(sim.regs[0x03E], 29, "code for 300 ms")
    check(sim.als_continuous, "runs after the restart")


def test_als_continuous_reads_successive_samples_without_restarting():
    bus, sim, dev = make()
    sim.als_counts = 1000
    dev.start_als_continuous(200, vl6180x.ALS_GAIN_1)
    near(dev.read_lux_continuous(), lux_datasheet(1000, 6, 100), 1e-6, "first sample")
    sim.als_counts = 2500
    t0 = time.ticks_ms()
    w = bus.writes
    near(dev.read_lux_continuous(), lux_datasheet(2500, 6, 100), 1e-6, "second sample")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(199 <= waited <= 201, "second sample after %d ms, period 200" % waited)
    eq(bus.writes - w, 1, "writes during the read")
    eq(bus.entry(1), (1, 0x29, 0x015, 1), "only the ALS flag is cleared, nothing restarted")
    eq(bus.last_data[0] & 0x06, 0x06, "SYSTEM__INTERRUPT_CLEAR ALS + error bits")
    eq(bus.entry(2), (0, 0x29, 0x04D, 5), "poll reads 0x04D..0x051 in one transfer")
    eq(sim.als_samples, 2, "measurements run")
    eq(sim.range_samples, 0, "no ranging")


def test_als_continuous_uses_gain_and_integration_period():
    bus, sim, dev = make()
    dev.set_als_integration_ms(50)
    sim.als_counts = 613
    dev.start_als_continuous(100, vl6180x.ALS_GAIN_40)
    # 613 counts, actual gain 40, 50 ms
    near(dev.read_lux_continuous(), 0.32 * 613 * 100 / (40.0 * 50), 1e-6, "lux")
    sim.lux = 100.0
    near(dev.read_lux_continuous(), 100.0, 0.01, "physical light level")


def test_als_continuous_overflow_raises():
    bus, sim, dev = make()
    sim.als_counts = 70000
    dev.start_als_continuous(200, vl6180x.ALS_GAIN_40)
    contains(raises(OverflowError, dev.read_lux_continuous), "RESULT__ALS_STATUS")


def test_als_continuous_never_ready_times_out():
    bus, sim, dev = make(timeout_ms=50)
    dev.start_als_continuous(200)
    sim.regs[0x014] = 0x04  # chip lost its ALS interrupt configuration: the flag never rises
    t0 = time.ticks_ms()
    contains(raises(OSError, dev.read_lux_continuous), "ALS")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(350 <= waited <= 352, "waited %d ms (200 ms period + 100 ms integration + 50 ms timeout)" % waited)


def test_stop_als_continuous_sends_one_stop_and_nothing_when_stopped():
    bus, sim, dev = make()
    dev.start_als_continuous(100)
    mark = bus.log_n
    dev.stop_als_continuous()
    eq(writes_since(bus, mark), [0x038], "stop register")
    eq(bus.last_data[0], 0x01, "SYSALS__START startstop")
    check(not sim.als_continuous, "simulator stopped")
    n = sim.als_samples
    time.sleep_ms(1000)
    dev.interrupt_status
    eq(sim.als_samples, n, "no sample after the stop")
    w = bus.writes
    dev.stop_als_continuous()
    eq(bus.writes - w, 0, "writes for a second stop")
    raises(RuntimeError, dev.read_lux_continuous)
    near(dev.read_lux(), 0.0, 1e-6, "single shot works again")


def test_als_continuous_refuses_other_measurements():
    bus, sim, dev = make()
    dev.start_als_continuous(100)
    w = bus.writes
    for fn, args in ((dev.read_lux, ()), (dev.read_range, ()), (dev.start_continuous, (100,)),
                     (dev.start_interleaved, (200,)), (dev.set_als_integration_ms, (50,))):
        contains(raises(RuntimeError, fn, *args), "continuous ALS")
    raises(RuntimeError, dev.read_range_continuous)
    raises(RuntimeError, dev.read_interleaved)
    eq(bus.writes - w, 0, "writes for refused calls")
    check(sim.als_continuous, "still running")


def test_continuous_ranging_refuses_als_modes():
    bus, sim, dev = make()
    dev.start_continuous(100)
    contains(raises(RuntimeError, dev.start_als_continuous, 200), "continuous ranging")
    contains(raises(RuntimeError, dev.start_interleaved, 200), "continuous ranging")
    dev.set_als_integration_ms(50)  # no ALS measurement runs
    eq(sim.word(0x040), 49, "integration period written while ranging")


def test_als_continuous_needs_new_sample_interrupt_mode():
    bus, sim, dev = make()
    dev.configure_interrupt(als_mode=vl6180x.INT_OFF)
    contains(raises(RuntimeError, dev.start_als_continuous), "INT_NEW_SAMPLE")
    dev.configure_interrupt(range_mode=vl6180x.INT_LEVEL_LOW)
    dev.start_als_continuous()  # the range field does not matter
    check(sim.als_continuous, "started")


def test_read_lux_continuous_allocates_only_the_float():
    bus, sim, dev = make()
    sim.als_counts = 1234
    dev.start_als_continuous(10)
    eq(per_call_bytes(dev.read_lux_continuous), 16, "bytes per call (one boxed float)")


# --- interleaved mode ----------------------------------------------------------------------------
def test_interleaved_start_enables_then_starts_continuous_als():
    bus, sim, dev = make()
    mark = bus.log_n
    dev.start_interleaved(300, vl6180x.ALS_GAIN_5)
    eq(writes_since(bus, mark), [0x2A3, 0x03F, 0x03E, 0x015, 0x038], "registers written, enable first")
    eq(sim.regs[0x2A3], 1, "INTERLEAVED_MODE__ENABLE")
    eq(sim.regs[0x03F], 0x42, "SYSALS__ANALOGUE_GAIN gain code 2")
    eq(sim.regs[0x03E], 29, "SYSALS__INTERMEASUREMENT_PERIOD for 300 ms")
    eq(bus.last_data[0], 0x03, "SYSALS__START continuous")
    check(sim.als_continuous and sim.interleaved, "simulator runs interleaved")
    check(not sim.continuous, "no continuous ranging of its own")


def test_interleaved_period_and_gain_limits_send_nothing():
    bus, sim, dev = make()
    w = bus.writes
    contains(raises(ValueError, dev.start_interleaved, 9), "period_ms")
    contains(raises(ValueError, dev.start_interleaved, 2551), "period_ms")
    contains(raises(ValueError, dev.start_interleaved, 500, 8), "gain")
    eq(bus.writes - w, 0, "writes for refused starts")
    eq(sim.regs[0x2A3], 0, "INTERLEAVED_MODE__ENABLE untouched")
    dev.start_interleaved(2550)
    eq(sim.regs[0x03E], 254, "code for 2550 ms")


def test_interleaved_reads_range_and_lux_of_each_pair():
    bus, sim, dev = make()
    sim.distance_mm = 87
    sim.als_counts = 500
    dev.start_interleaved(200, vl6180x.ALS_GAIN_1)
    eq(dev.read_interleaved(), vl6180x.ERROR_NONE, "range error code")
    eq(dev.range_mm, 87, "range_mm")
    near(dev.lux, lux_datasheet(500, 6, 100), 1e-6, "lux")
    eq((sim.als_samples, sim.range_samples), (1, 1), "one ALS and one range measurement")
    sim.distance_mm = 120
    sim.als_counts = 800
    t0 = time.ticks_ms()
    w = bus.writes
    eq(dev.read_interleaved(), 0, "second pair code")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(199 <= waited <= 201, "second pair after %d ms, period 200" % waited)
    eq(dev.range_mm, 120, "second range_mm")
    near(dev.lux, lux_datasheet(800, 6, 100), 1e-6, "second lux")
    eq((sim.als_samples, sim.range_samples), (2, 2), "measurements run")
    eq(bus.writes - w, 1, "writes during the read")
    eq(bus.entry(1), (1, 0x29, 0x015, 1), "one clear, nothing restarted")
    for k in range(2, 60):
        eq(bus.entry(k), (0, 0x29, 0x04D, 22), "poll %d back reads 0x04D..0x062 in one transfer" % k)
    eq(bus.last_data[0], 0x07, "SYSTEM__INTERRUPT_CLEAR range, ALS and error bits")


def test_interleaved_start_clears_stale_range_flag():
    bus, sim, dev = make()
    sim.distance_mm = 40
    eq(dev.read_range(), 40, "single shot")  # leaves the range flag latched
    eq(dev.interrupt_status & 7, 4, "range flag latched")
    sim.distance_mm = 90
    dev.start_interleaved(200)
    eq(dev.read_interleaved(), 0, "code")
    eq(dev.range_mm, 90, "range of the new pair, not the single shot's")
    eq(sim.range_samples, 2, "range measurements")


def test_interleaved_range_error_keeps_lux():
    bus, sim, dev = make()
    sim.distance_mm = None  # no target
    sim.als_counts = 300
    dev.start_interleaved(200)
    eq(dev.read_interleaved(), vl6180x.ERROR_MAX_CONVERGENCE, "code for no target")
    eq(dev.range_mm, None, "no distance for an error")
    near(dev.lux, lux_datasheet(300, 6, 100), 1e-6, "lux of the same pair")
    sim.distance_mm = 50
    sim.range_error = 11
    eq(dev.read_interleaved(), vl6180x.ERROR_MAX_SNR, "forced error code")
    eq(dev.range_mm, None, "no distance")
    sim.range_error = 0
    eq(dev.read_interleaved(), 0, "valid again")
    eq(dev.range_mm, 50, "range_mm")


def test_interleaved_als_overflow_keeps_range():
    bus, sim, dev = make()
    sim.distance_mm = 60
    sim.als_counts = 70000
    dev.start_interleaved(200, vl6180x.ALS_GAIN_40)
    eq(dev.read_interleaved(), 0, "range code")
    eq(dev.range_mm, 60, "range_mm")
    eq(dev.lux, None, "no lux for an ALS overflow")


def test_interleaved_range_scaling():
    bus, sim, dev = make()
    dev.set_scaling(3)
    sim.distance_mm = 400
    dev.start_interleaved(200)
    eq(dev.read_interleaved(), 0, "code")
    eq(dev.range_mm, 399, "400 mm at 3x (3 mm steps)")


def test_interleaved_pair_never_complete_times_out():
    bus, sim, dev = make(timeout_ms=50)
    sim.range_time_us = None  # the ALS sample arrives, its range never does
    dev.start_interleaved(200)
    t0 = time.ticks_ms()
    contains(raises(OSError, dev.read_interleaved), "range and ALS")
    waited = time.ticks_diff(time.ticks_ms(), t0)
    check(350 <= waited <= 352, "waited %d ms (200 ms period + 100 ms integration + 50 ms timeout)" % waited)


def test_stop_interleaved_stops_als_then_disables():
    bus, sim, dev = make()
    dev.start_interleaved(200)
    dev.read_interleaved()
    mark = bus.log_n
    dev.stop_interleaved()
    eq(writes_since(bus, mark), [0x038, 0x2A3], "stop, then INTERLEAVED_MODE__ENABLE")
    eq(sim.regs[0x2A3], 0, "INTERLEAVED_MODE__ENABLE")
    check(not sim.als_continuous, "simulator stopped")
    n = (sim.als_samples, sim.range_samples)
    time.sleep_ms(1000)
    dev.interrupt_status
    eq((sim.als_samples, sim.range_samples), n, "no measurement after the stop")
    w = bus.writes
    dev.stop_interleaved()
    eq(bus.writes - w, 0, "writes for a second stop")
    raises(RuntimeError, dev.read_interleaved)
    sim.distance_mm = 33
    eq(dev.read_range(), 33, "single-shot ranging works again")
    dev.read_lux()
    eq(sim.range_samples, n[1] + 1, "a single-shot ALS is no longer followed by a range")


def test_interleaved_refuses_other_measurements():
    bus, sim, dev = make()
    dev.start_interleaved(200)
    w = bus.writes
    for fn, args in ((dev.read_lux, ()), (dev.read_range, ()), (dev.start_continuous, (100,)),
                     (dev.start_als_continuous, (200,)), (dev.set_als_integration_ms, (50,))):
        contains(raises(RuntimeError, fn, *args), "interleaved mode")
    raises(RuntimeError, dev.read_range_continuous)
    raises(RuntimeError, dev.read_lux_continuous)
    dev.stop_continuous()
    dev.stop_als_continuous()
    eq(bus.writes - w, 0, "writes for refused calls and stops of modes that do not run")
    check(sim.als_continuous and sim.interleaved, "still running")


def test_interleaved_needs_both_new_sample_interrupt_modes():
    bus, sim, dev = make()
    dev.configure_interrupt(range_mode=vl6180x.INT_LEVEL_LOW)
    contains(raises(RuntimeError, dev.start_interleaved), "INT_NEW_SAMPLE")
    dev.configure_interrupt(als_mode=vl6180x.INT_OFF)
    contains(raises(RuntimeError, dev.start_interleaved), "INT_NEW_SAMPLE")
    eq(sim.regs[0x2A3], 0, "INTERLEAVED_MODE__ENABLE untouched")


def test_interleaved_restart_changes_period_and_keeps_running():
    bus, sim, dev = make()
    dev.start_interleaved(200)
    dev.start_interleaved(400)
    eq(sim.regs[0x03E], 39, "code for 400 ms")
    check(sim.als_continuous and sim.interleaved, "runs after the restart")


def test_read_interleaved_allocates_only_the_float():
    bus, sim, dev = make()
    sim.als_counts = 1234
    dev.start_interleaved(200)
    eq(per_call_bytes(dev.read_interleaved), 16, "bytes per call (one boxed float)")
    sim.als_counts = 70000  # lux None: nothing at all
    eq(per_call_bytes(dev.read_interleaved), 0, "bytes per call without lux")


# --- offset, scaling, address, interrupts ------------------------------------------------------
def test_offset_write_read_signed():
    bus, sim, dev = make()
    dev.offset = -20
    eq(sim.regs[0x024], 0xEC, "two's complement of -20")
    eq(dev.offset, -20, "offset")
    dev.offset = 127
    eq(sim.regs[0x024], 0x7F, "127")
    contains(raises(ValueError, setattr, dev, "offset", 128), "offset")
    raises(ValueError, setattr, dev, "offset", -129)


def test_scaling_writes_range_scaler_and_scales_results():
    bus, sim, dev = make()
    sim.distance_mm = 150
    for factor, scaler in ((2, 127), (3, 84), (1, 253)):
        dev.set_scaling(factor)
        eq(sim.word(0x096), scaler, "RANGE_SCALER for %dx" % factor)
        eq(sim.regs[0x021], 20 // factor, "CROSSTALK_VALID_HEIGHT for %dx" % factor)
        eq(sim.regs[0x02D] & 1, 1 if factor == 1 else 0, "early convergence estimate at %dx" % factor)
        eq(dev.read_range(), 150, "range at %dx" % factor)


def test_scaling_extends_range():
    bus, sim, dev = make()
    sim.distance_mm = 400
    eq(raises(RangeError, dev.read_range).code, vl6180x.ERROR_OVERFLOW, "400 mm at 1x")
    dev.set_scaling(3)
    eq(dev.read_range(), 399, "400 mm at 3x (3 mm steps)")


def test_scaling_rescales_factory_offset():
    bus, sim, dev = make(factory_offset=6)
    dev.set_scaling(2)
    eq(sim.regs[0x024], 3, "offset register at 2x")
    dev.set_scaling(1)
    eq(sim.regs[0x024], 6, "offset register back at 1x")


def test_scaling_bad_factor():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.set_scaling, 4), "factor")


def test_set_address_moves_chip_and_driver():
    bus, sim, dev = make()
    dev.set_address(0x30)
    eq(sim.address, 0x30, "simulator address")
    eq(dev.address, 0x30, "driver address")
    eq(dev.read_range(), 50, "range at the new address")


def test_set_address_limits_and_nack():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.set_address, 0x07), "address")
    raises(ValueError, dev.set_address, 0x78)
    bus.nack_next = 1
    raises(OSError, dev.set_address, 0x31)
    eq(dev.address, 0x29, "address kept after a failed write")


def test_configure_interrupt_writes_config_and_polarity():
    bus, sim, dev = make()
    dev.configure_interrupt(range_mode=vl6180x.INT_OUT_OF_WINDOW, als_mode=vl6180x.INT_OFF, active_high=True)
    eq(sim.regs[0x014], 0x03, "SYSTEM__INTERRUPT_CONFIG_GPIO")
    eq(sim.regs[0x011], 0x30, "SYSTEM__MODE_GPIO1 active high")
    dev.configure_interrupt()
    eq(sim.regs[0x014], 0x24, "new sample ready for both")
    eq(sim.regs[0x011], 0x10, "active low")
    contains(raises(ValueError, dev.configure_interrupt, 5), "range_mode")
    contains(raises(ValueError, dev.configure_interrupt, 4, 7), "als_mode")


def test_threshold_interrupt_and_clear():
    bus, sim, dev = make()
    dev.set_range_thresholds(20, 100)
    eq((sim.regs[0x01A], sim.regs[0x019]), (20, 100), "SYSRANGE__THRESH_LOW/HIGH")
    dev.configure_interrupt(range_mode=vl6180x.INT_LEVEL_LOW)
    sim.distance_mm = 10
    bus.writeto_mem(0x29, 0x018, b"\x01", addrsize=16)  # start one measurement by hand
    time.sleep_ms(20)
    eq(dev.interrupt_status & 7, vl6180x.INT_LEVEL_LOW, "range field")
    dev.clear_interrupt()
    eq(dev.interrupt_status, 0, "after clear")
    eq(bus.entry(2)[2], 0x015, "clear register")


def test_interrupt_latched_until_cleared():
    bus, sim, dev = make()
    dev.read_range()
    eq(dev.interrupt_status & 7, 4, "new sample flag after read_range")
    eq(dev.interrupt_status & 7, 4, "still latched")
    dev.clear_interrupt()
    eq(dev.interrupt_status & 7, 0, "cleared")


def test_public_constants_match_datasheet():
    eq((vl6180x.ALS_GAIN_20, vl6180x.ALS_GAIN_10, vl6180x.ALS_GAIN_5, vl6180x.ALS_GAIN_2_5,
        vl6180x.ALS_GAIN_1_67, vl6180x.ALS_GAIN_1_25, vl6180x.ALS_GAIN_1, vl6180x.ALS_GAIN_40),
       (0, 1, 2, 3, 4, 5, 6, 7), "ALS gain codes")
    eq((vl6180x.ERROR_EARLY_CONVERGENCE, vl6180x.ERROR_MAX_CONVERGENCE, vl6180x.ERROR_IGNORE_THRESHOLD,
        vl6180x.ERROR_MAX_SNR, vl6180x.ERROR_RAW_UNDERFLOW, vl6180x.ERROR_RAW_OVERFLOW,
        vl6180x.ERROR_UNDERFLOW, vl6180x.ERROR_OVERFLOW), (6, 7, 8, 11, 12, 13, 14, 15), "error codes")


def test_register_constants_are_not_module_globals():
    # _NAME = const(...) is inlined: nothing is stored in the module.
    check(not hasattr(vl6180x, "_RESULT__RANGE_STATUS"), "private register constant stored as a global")
