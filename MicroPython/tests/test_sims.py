# The simulators and fakes on their own, checked against the data sheets with raw bus
# transfers (no driver involved).

import time  # faketime, installed by the harness
import machine
from testing import eq, check, raises
from sim_vl6180x import VL6180XSim
from sim_mcp23008 import MCP23008Sim, IODIR, IPOL, GPINTEN, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO, OLAT


def vl():
    bus = machine.I2C(0)
    return bus, bus.attach(VL6180XSim())


def vl_status(bus):
    # RESULT__INTERRUPT_STATUS_GPIO; any transfer lets the simulator catch up with the clock.
    return bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16)[0]


def mcp():
    bus = machine.I2C(0)
    return bus, bus.attach(MCP23008Sim())


# --- VL6180X -------------------------------------------------------------------------------
def test_vl6180x_power_on_values():
    bus, sim = vl()
    eq(bus.readfrom_mem(0x29, 0x000, 1, addrsize=16), b"\xb4", "IDENTIFICATION__MODEL_ID")
    eq(bus.readfrom_mem(0x29, 0x016, 1, addrsize=16), b"\x01", "SYSTEM__FRESH_OUT_OF_RESET")
    eq(bus.readfrom_mem(0x29, 0x212, 1, addrsize=16), b"\x29", "I2C_SLAVE__DEVICE_ADDRESS")


def test_vl6180x_device_error_latches_error_field_without_new_sample():
    bus, sim = vl()
    sim.int_error = 2
    bus.writeto_mem(0x29, 0x014, b"\x24", addrsize=16)
    bus.writeto_mem(0x29, 0x018, b"\x01", addrsize=16)
    time.sleep_ms(20)
    eq(vl_status(bus), 0x80, "RESULT__INTERRUPT_STATUS_GPIO: PLL error, no range flag")
    bus.writeto_mem(0x29, 0x015, b"\x04", addrsize=16)
    eq(vl_status(bus), 0x00, "SYSTEM__INTERRUPT_CLEAR bit 2 clears the error field")


def test_vl6180x_integration_period_255_locks_the_als_out():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x014, b"\x24", addrsize=16)
    bus.writeto_mem(0x29, 0x040, b"\x00\xff", addrsize=16)
    bus.writeto_mem(0x29, 0x038, b"\x01", addrsize=16)
    time.sleep_ms(1000)
    eq(vl_status(bus) & 0x38, 0, "no ALS sample")
    check(sim.locked_out, "locked out")


def test_vl6180x_rejects_8_bit_index():
    bus, sim = vl()
    raises(OSError, bus.readfrom_mem, 0x29, 0x00, 1)


def test_vl6180x_auto_increment_and_big_endian_word():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x040, b"\x01\xcf", addrsize=16)  # 463: 464 ms
    eq(sim.integration_ms(), 464, "16-bit big-endian integration period")
    eq(bus.readfrom_mem(0x29, 0x03F, 3, addrsize=16), b"\x46\x01\xcf", "read across 0x03F..0x041")


def test_vl6180x_index_persists_across_stop():
    bus, sim = vl()
    bus.readfrom_mem(0x29, 0x000, 1, addrsize=16)
    eq(sim.pointer, 0x001, "index after a 1-byte read")


def test_vl6180x_single_shot_completes_on_virtual_time():
    bus, sim = vl()
    sim.distance_mm = 42
    bus.writeto_mem(0x29, 0x014, b"\x04", addrsize=16)
    bus.writeto_mem(0x29, 0x018, b"\x01", addrsize=16)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x00", "not ready at once")
    eq(bus.readfrom_mem(0x29, 0x04D, 1, addrsize=16)[0] & 1, 0, "device busy")
    time.sleep_us(sim.range_time_us)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x04", "new sample ready")
    eq(bus.readfrom_mem(0x29, 0x062, 1, addrsize=16), b"\x2a", "RESULT__RANGE_VAL")


def test_vl6180x_disabled_interrupt_field_reports_zero():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x018, b"\x01", addrsize=16)  # 0x014 still 0 (power-on)
    time.sleep_ms(20)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x00", "RESULT__INTERRUPT_STATUS_GPIO")


def test_vl6180x_clear_keeps_results():
    bus, sim = vl()
    sim.distance_mm = 77
    bus.writeto_mem(0x29, 0x014, b"\x24", addrsize=16)
    bus.writeto_mem(0x29, 0x018, b"\x01", addrsize=16)
    time.sleep_ms(20)
    bus.writeto_mem(0x29, 0x015, b"\x07", addrsize=16)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x00", "flags cleared")
    eq(bus.readfrom_mem(0x29, 0x062, 1, addrsize=16), b"\x4d", "result kept")


def test_vl6180x_read_only_registers_reject_writes():
    bus, sim = vl()
    raises(OSError, bus.writeto_mem, 0x29, 0x000, b"\x00", addrsize=16)
    raises(OSError, bus.writeto_mem, 0x29, 0x062, b"\x00", addrsize=16)


def test_vl6180x_one_byte_write_to_0x040_gives_wrong_integration():
    # The popular bug: 0x63 written to the high byte only.
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x040, b"\x63", addrsize=16)
    eq(sim.integration_ms(), 0x6363 + 1, "integration period")


def test_vl6180x_als_status_busy_during_single_shot():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x014, b"\x20", addrsize=16)
    bus.writeto_mem(0x29, 0x038, b"\x01", addrsize=16)
    eq(bus.readfrom_mem(0x29, 0x04E, 1, addrsize=16)[0] & 1, 0, "RESULT__ALS_STATUS ready while integrating")
    time.sleep_us(100 * 1000 + sim.als_overhead_us)  # 100 ms integration (power-on 0x0063)
    eq(bus.readfrom_mem(0x29, 0x04E, 1, addrsize=16)[0] & 1, 1, "ready after the measurement")
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x20", "ALS new sample ready")


def test_vl6180x_als_continuous_runs_every_period_until_stopped():
    bus, sim = vl()
    sim.als_counts = 321
    bus.writeto_mem(0x29, 0x014, b"\x20", addrsize=16)
    bus.writeto_mem(0x29, 0x03E, b"\x13", addrsize=16)  # (19 + 1) * 10 = 200 ms
    bus.writeto_mem(0x29, 0x038, b"\x03", addrsize=16)
    check(sim.als_continuous, "continuous ALS runs")
    eq(bus.readfrom_mem(0x29, 0x04E, 1, addrsize=16)[0] & 1, 1, "ready bit in continuous mode")
    time.sleep_us(100 * 1000 + sim.als_overhead_us - 1)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x00", "1 us before the first sample")
    time.sleep_us(1)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x20", "first sample")
    eq(bus.readfrom_mem(0x29, 0x050, 2, addrsize=16), b"\x01\x41", "RESULT__ALS_VAL 321")
    eq(sim.als_samples, 1, "samples after 100.5 ms")
    time.sleep_ms(200)
    vl_status(bus)
    eq(sim.als_samples, 2, "samples after 300.5 ms")
    time.sleep_ms(400)
    vl_status(bus)
    eq(sim.als_samples, 4, "samples after 700.5 ms")
    eq(sim.range_samples, 0, "no ranging outside interleaved mode")
    bus.writeto_mem(0x29, 0x038, b"\x01", addrsize=16)  # startstop toggles: stop
    check(not sim.als_continuous, "stopped")
    time.sleep_ms(1000)
    vl_status(bus)
    eq(sim.als_samples, 4, "no sample after the stop")


def test_vl6180x_als_continuous_period_shorter_than_integration():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x03E, b"\x00", addrsize=16)  # 10 ms period, 100 ms integration
    bus.writeto_mem(0x29, 0x038, b"\x03", addrsize=16)
    time.sleep_us(3 * (100 * 1000 + sim.als_overhead_us))
    vl_status(bus)
    eq(sim.als_samples, 3, "back-to-back measurements")


def test_vl6180x_interleaved_als_then_range_every_period():
    bus, sim = vl()
    sim.distance_mm = 42
    sim.als_counts = 1000
    bus.writeto_mem(0x29, 0x014, b"\x24", addrsize=16)
    bus.writeto_mem(0x29, 0x2A3, b"\x01", addrsize=16)
    bus.writeto_mem(0x29, 0x03E, b"\x13", addrsize=16)  # 200 ms
    bus.writeto_mem(0x29, 0x038, b"\x03", addrsize=16)
    check(sim.interleaved, "INTERLEAVED_MODE__ENABLE")
    time.sleep_us(100 * 1000 + sim.als_overhead_us)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x20", "ALS first, range not yet")
    eq((sim.als_samples, sim.range_samples), (1, 0), "samples after the ALS measurement")
    time.sleep_us(sim.range_time_us - 1)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x20", "1 us before the range")
    time.sleep_us(1)
    eq(bus.readfrom_mem(0x29, 0x04F, 1, addrsize=16), b"\x24", "then the range")
    eq(bus.readfrom_mem(0x29, 0x062, 1, addrsize=16), b"\x2a", "RESULT__RANGE_VAL")
    eq(bus.readfrom_mem(0x29, 0x050, 2, addrsize=16), b"\x03\xe8", "RESULT__ALS_VAL")
    bus.writeto_mem(0x29, 0x015, b"\x07", addrsize=16)
    time.sleep_ms(200)
    eq(vl_status(bus), 0x24, "second pair")
    eq((sim.als_samples, sim.range_samples), (2, 2), "one pair per 200 ms period")
    bus.writeto_mem(0x29, 0x038, b"\x01", addrsize=16)
    bus.writeto_mem(0x29, 0x2A3, b"\x00", addrsize=16)
    time.sleep_ms(1000)
    vl_status(bus)
    eq((sim.als_samples, sim.range_samples), (2, 2), "nothing after the stop")


def test_vl6180x_interleaved_cycle_longer_than_period():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x2A3, b"\x01", addrsize=16)
    bus.writeto_mem(0x29, 0x03E, b"\x00", addrsize=16)  # 10 ms period
    bus.writeto_mem(0x29, 0x038, b"\x03", addrsize=16)
    time.sleep_us(2 * (100 * 1000 + sim.als_overhead_us + sim.range_time_us))
    vl_status(bus)
    eq((sim.als_samples, sim.range_samples), (2, 2), "each ALS waits for the previous range")


def test_vl6180x_interleaved_single_shot_als_is_followed_by_range():
    bus, sim = vl()
    bus.writeto_mem(0x29, 0x2A3, b"\x01", addrsize=16)
    bus.writeto_mem(0x29, 0x038, b"\x01", addrsize=16)
    time.sleep_ms(200)
    vl_status(bus)
    eq((sim.als_samples, sim.range_samples), (1, 1), "one ALS, one range")


# --- MCP23008 --------------------------------------------------------------------------------
def test_mcp23008_power_on_values():
    bus, sim = mcp()
    regs = bus.readfrom_mem(0x20, 0x00, 11)
    eq(regs[IODIR], 0xFF, "IODIR")
    for r in (IPOL, GPINTEN, IOCON, GPPU, INTF, OLAT):
        eq(regs[r], 0, "register 0x%02X" % r)


def test_mcp23008_gpio_write_goes_to_olat():
    bus, sim = mcp()
    bus.writeto_mem(0x20, GPIO, b"\x3c")
    eq(bus.readfrom_mem(0x20, OLAT, 1), b"\x3c", "OLAT")


def test_mcp23008_seqop_disables_auto_increment():
    bus, sim = mcp()
    bus.writeto_mem(0x20, IOCON, b"\x20")
    bus.writeto_mem(0x20, IODIR, b"\x0f\x00")  # second byte lands on IODIR again
    eq(sim.regs[IODIR], 0x00, "IODIR holds the last byte")
    eq(sim.regs[IPOL], 0x00, "IPOL untouched")


def test_mcp23008_sequential_read_rolls_over():
    bus, sim = mcp()
    eq(bus.readfrom_mem(0x20, OLAT, 2), b"\x00\xff", "OLAT then IODIR")


def test_mcp23008_intf_intcap_cleared_by_gpio_read_not_writes():
    bus, sim = mcp()
    bus.writeto_mem(0x20, GPINTEN, b"\x01")
    sim.set_input(0, 1)
    eq(bus.readfrom_mem(0x20, INTF, 1), b"\x01", "INTF")
    bus.writeto_mem(0x20, INTF, b"\x00")  # ignored
    bus.writeto_mem(0x20, INTCAP, b"\x00")  # ignored
    check(sim.pending, "writes do not clear")
    eq(bus.readfrom_mem(0x20, INTCAP, 1), b"\x01", "INTCAP")
    check(not sim.pending, "INTCAP read clears")
    sim.set_input(0, 0)
    check(sim.pending, "the next change latches")
    bus.readfrom_mem(0x20, GPIO, 1)
    check(not sim.pending, "GPIO read clears")


def test_mcp23008_compare_condition_latches_again_in_the_clearing_read():
    bus, sim = mcp()
    pin = machine.Pin(27, machine.Pin.IN)
    sim.int_pin = pin
    bus.writeto_mem(0x20, GPINTEN, b"\x01\x00\x01")  # GPINTEN, DEFVAL = 0, INTCON = compare
    sim.set_input(0, 1)
    edges = []
    pin.irq(handler=lambda p: edges.append(p.value()), trigger=3)
    eq(bus.readfrom_mem(0x20, INTF, 3), b"\x01\x01\x01", "INTF, INTCAP, GPIO")
    check(sim.pending, "still pending: the condition holds")
    eq(edges, [], "INT never left the active level")
    eq(sim.events, 3, "latched at the change and at both clearing reads")


def test_mcp23008_change_while_pending_latches_again_at_the_clear():
    bus, sim = mcp()
    bus.writeto_mem(0x20, GPINTEN, b"\x03")
    sim.set_input(0, 1)
    sim.set_input(1, 1)  # while pending
    eq(bus.readfrom_mem(0x20, INTCAP, 1), b"\x01", "INTCAP of the first change")
    check(sim.pending, "latched again (MCP23017 datasheet)")
    eq(bus.readfrom_mem(0x20, INTF, 2), b"\x02\x03", "INTF, new INTCAP")


def test_mcp23008_change_while_pending_absorbed_in_the_other_reading():
    bus, sim = mcp()
    sim.relatch = False
    bus.writeto_mem(0x20, GPINTEN, b"\x03")
    sim.set_input(0, 1)
    sim.set_input(1, 1)
    bus.readfrom_mem(0x20, INTCAP, 1)
    check(not sim.pending, "absorbed into the reference")


def test_mcp23008_outputs_never_interrupt():
    bus, sim = mcp()
    bus.writeto_mem(0x20, GPINTEN, b"\xff")
    bus.writeto_mem(0x20, IODIR, b"\x00")
    bus.writeto_mem(0x20, OLAT, b"\xff")
    check(not sim.pending, "no interrupt from outputs")


def test_mcp23008_gpio_read_applies_ipol_to_inputs():
    bus, sim = mcp()
    bus.writeto_mem(0x20, IPOL, b"\x0f")
    eq(bus.readfrom_mem(0x20, GPIO, 1), b"\x0f", "undriven inputs low, inverted")


# --- machine fakes ---------------------------------------------------------------------------------
def test_i2c_missing_device_raises_enodev():
    bus = machine.I2C(0)
    e = raises(OSError, bus.readfrom_mem, 0x42, 0, 1)
    eq(e.args[0], 19, "errno")


def test_pin_irq_fires_only_on_configured_edge():
    calls = []
    p = machine.Pin(9, machine.Pin.IN)
    p.irq(handler=lambda pin: calls.append(pin.value()), trigger=machine.Pin.IRQ_FALLING)
    p.pulse()
    eq(calls, [0], "one falling edge")


def test_faketime_ticks_diff_wraps():
    eq(time.ticks_diff(5, 0x3FFFFFFF - 4), 10, "across the wrap")
    eq(time.ticks_diff(0x3FFFFFFF - 4, 5), -10, "backwards across the wrap")
    eq(time.ticks_add(0x3FFFFFFF, 1), 0, "ticks_add wraps")
