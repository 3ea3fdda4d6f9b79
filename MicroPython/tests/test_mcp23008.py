# MCP23008 driver against the register-level simulator. Expected values: DS21919E.

import machine
from testing import eq, check, raises, contains
from sim_mcp23008 import MCP23008Sim, IODIR, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO, OLAT
import mcp23008
from mcp23008 import MCP23008, INPUT, INPUT_PULLUP, OUTPUT


def make(address=0x20, **regs):
    bus = machine.I2C(0)
    sim = bus.attach(MCP23008Sim(address))
    for reg, value in regs.items():
        sim.regs[int(reg[1:], 16)] = value
    return bus, sim, MCP23008(bus, address)


# --- construction -----------------------------------------------------------------------
def test_address_outside_0x20_0x27_raises_value_error():
    bus = machine.I2C(0)
    contains(raises(ValueError, MCP23008, bus, 0x1F), "address")
    raises(ValueError, MCP23008, bus, 0x28)


def test_all_eight_addresses_work():
    for a in range(0x20, 0x28):
        bus, sim, dev = make(a)
        dev.set_mode(0, OUTPUT)
        dev.write_pin(0, 1)
        eq(sim.regs[OLAT], 1, "OLAT at address 0x%02X" % a)


def test_construction_syncs_shadows_without_writes():
    # r<hex register> = value presets the chip before the driver starts
    bus, sim, dev = make(r00=0x0F, r01=0x03, r06=0x30, r0A=0x5A)
    eq(bus.writes, 0, "I2C writes during construction")
    eq(dev.direction, 0x0F, "IODIR")
    eq(dev.polarity, 0x03, "IPOL")
    eq(dev.pullups, 0x30, "GPPU")
    eq(dev.output_latch, 0x5A, "OLAT")
    eq(dev.mode(7), OUTPUT, "pin 7 mode")
    eq(dev.mode(0), INPUT, "pin 0 mode")


def test_construction_keeps_pending_interrupt():
    bus = machine.I2C(0)
    sim = bus.attach(MCP23008Sim())
    sim.regs[GPINTEN] = 0x01
    sim.set_input(0, 1)
    check(sim.pending, "interrupt pending before the driver starts")
    MCP23008(bus)
    check(sim.pending, "construction cleared the pending interrupt (read GPIO or INTCAP)")


def test_construction_in_byte_mode_reads_each_register():
    bus = machine.I2C(0)
    sim = bus.attach(MCP23008Sim())
    sim.regs[IOCON] = 0x20  # SEQOP: no address increment
    sim.regs[GPPU] = 0x81
    sim.regs[IODIR] = 0xF0
    dev = MCP23008(bus)
    eq(dev.pullups, 0x81, "GPPU read in byte mode")
    eq(dev.direction, 0xF0, "IODIR read in byte mode")


# --- outputs ----------------------------------------------------------------------------
def test_write_pin_is_one_two_byte_write_to_olat():
    bus, sim, dev = make()
    dev.set_mode(3, OUTPUT)
    r, w = bus.reads, bus.writes
    dev.write_pin(3, 1)
    eq(bus.writes - w, 1, "writes")
    eq(bus.reads - r, 0, "reads")
    eq(bus.entry(1), (1, 0x20, OLAT, 1), "register + 1 data byte")
    eq(bus.last_data[0], 0x08, "OLAT value")
    eq(sim.pin_levels() & 0x08, 0x08, "pin 3 drives high")
    dev.write_pin(3, 0)
    eq(sim.pin_levels() & 0x08, 0, "pin 3 drives low")


def test_write_pin_keeps_latch_not_input_levels():
    # A read-modify-write of GPIO would copy the high input on pin 1 into OLAT.
    bus, sim, dev = make()
    dev.set_mode(0, OUTPUT, 1)
    sim.set_input(1, 1)
    dev.write_pin(0, 0)
    eq(sim.regs[OLAT], 0x00, "OLAT")
    dev.write_pin(5, 1)  # latch of an input pin: stored, driven once it is an output
    eq(sim.regs[OLAT], 0x20, "OLAT")
    eq(sim.pin_levels() & 0x20, 0, "input pin 5 not driven")
    dev.set_mode(5, OUTPUT)
    eq(sim.pin_levels() & 0x20, 0x20, "pin 5 drives its latch")


def test_set_mode_output_latches_value_before_driving():
    bus, sim, dev = make()
    mark = bus.log_n
    dev.set_mode(2, OUTPUT, 1)
    regs = [t[2] for t in bus.transfers_since(mark) if t[0] == 1]
    eq(regs, [OLAT, IODIR], "OLAT written before IODIR")
    eq(sim.regs[IODIR], 0xFB, "IODIR")


def test_toggle_pin():
    bus, sim, dev = make()
    dev.set_mode(6, OUTPUT, 0)
    dev.toggle_pin(6)
    eq(sim.regs[OLAT], 0x40, "after one toggle")
    dev.toggle_pin(6)
    eq(sim.regs[OLAT], 0x00, "after two toggles")


def test_port_write_and_read():
    bus, sim, dev = make()
    dev.direction = 0x00
    eq(sim.regs[IODIR], 0x00, "IODIR")
    dev.write_port(0xA5)
    eq(sim.regs[OLAT], 0xA5, "OLAT")
    eq(dev.read_port(), 0xA5, "GPIO reads the driven outputs")


# --- inputs -----------------------------------------------------------------------------
def test_read_pin_reads_gpio_level():
    bus, sim, dev = make()
    sim.set_input(4, 1)
    eq(dev.read_pin(4), 1, "high")
    sim.set_input(4, 0)
    eq(dev.read_pin(4), 0, "low")
    eq(bus.entry(1), (0, 0x20, 0x09, 1), "one 1-byte read of GPIO")


def test_input_pullup_reads_high_when_floating():
    bus, sim, dev = make()
    sim.float_levels = 0x00
    dev.set_mode(2, INPUT_PULLUP)
    eq(sim.regs[GPPU], 0x04, "GPPU")
    eq(dev.read_pin(2), 1, "floating input with pull-up")
    eq(dev.mode(2), INPUT_PULLUP, "mode")
    dev.set_mode(2, INPUT)
    eq(sim.regs[GPPU], 0x00, "GPPU cleared")
    eq(dev.read_pin(2), 0, "floating input without pull-up (simulated level 0)")


def test_pullups_mask_property():
    bus, sim, dev = make()
    dev.pullups = 0xF0
    eq(sim.regs[GPPU], 0xF0, "GPPU")
    eq(dev.read_port() & 0xF0, 0xF0, "pulled-up inputs read high")


def test_polarity_inverts_inputs_only():
    bus, sim, dev = make()
    dev.set_mode(7, OUTPUT, 1)
    dev.polarity = 0x81
    eq(sim.regs[IPOL], 0x81, "IPOL")
    sim.set_input(0, 1)
    eq(dev.read_pin(0), 0, "inverted input")
    eq(dev.read_pin(7), 1, "IPOL does not apply to an output")


def test_masks_and_values_validate_range():
    bus, sim, dev = make()
    contains(raises(ValueError, setattr, dev, "direction", 256), "direction")
    contains(raises(ValueError, setattr, dev, "pullups", -1), "pullups")
    contains(raises(ValueError, setattr, dev, "polarity", 0x100), "polarity")
    contains(raises(ValueError, dev.write_port, 300), "value")


def test_bad_pin_and_mode_raise_value_error():
    bus, sim, dev = make()
    contains(raises(ValueError, dev.write_pin, 8, 1), "pin")
    contains(raises(ValueError, dev.read_pin, -1), "pin")
    contains(raises(ValueError, dev.set_mode, 1, 9), "mode")
    contains(raises(ValueError, dev.enable_interrupt, 1, 2), "defval")


def test_set_mode_writes_only_changed_registers():
    bus, sim, dev = make()
    w = bus.writes
    dev.set_mode(1, INPUT)  # already an input without pull-up at power-on
    eq(bus.writes - w, 0, "writes")


# --- interrupts ---------------------------------------------------------------------------
def test_interrupt_on_change_flags_capture_and_port_in_one_read():
    bus, sim, dev = make()
    dev.enable_interrupt(4)
    eq((sim.regs[GPINTEN], sim.regs[INTCON]), (0x10, 0x00), "GPINTEN, INTCON")
    sim.set_input(4, 1)
    check(sim.pending, "interrupt latched")
    r = bus.reads
    eq(dev.serve_interrupt(), 0x10, "changed pins")
    eq(bus.reads - r, 1, "reads")
    eq(bus.entry(1), (0, 0x20, INTF, 3), "INTF + INTCAP + GPIO in one 3-byte read")
    eq((dev.int_flags, dev.int_capture, dev.port), (0x10, 0x10, 0x10), "INTF, INTCAP, GPIO")
    check(not sim.pending, "reading INTCAP clears the interrupt")


def test_enable_interrupt_on_change_serves_first_so_the_pin_level_is_known():
    bus, sim, dev = make()
    dev.set_mode(0, INPUT_PULLUP)  # high while not watched
    dev.enable_interrupt(0)
    sim.set_input(0, 0)
    eq(dev.serve_interrupt(), 0x01, "the change to low")
    eq(dev.port & 1, 0, "low")


def test_interrupt_change_while_pending_is_not_lost():
    bus, sim, dev = make()
    dev.enable_interrupt(0)
    dev.enable_interrupt(1)
    sim.set_input(0, 1)
    sim.set_input(1, 1)  # while pending: INTF/INTCAP frozen
    eq(dev.interrupt_flags, 0x01, "INTF")
    check(sim.pending, "reading INTF alone does not clear")
    eq(dev.serve_interrupt(), 0x03, "both pins")
    eq((dev.captured_changes, dev.int_capture), (0x01, 0x01), "captured at the first event")
    eq((dev.port_changes, dev.port), (0x02, 0x03), "the later change, from GPIO")
    check(not sim.pending, "cleared")


def test_interrupt_on_change_fires_on_both_edges():
    bus, sim, dev = make()
    dev.enable_interrupt(3)
    sim.set_input(3, 1)
    eq(dev.serve_interrupt(), 0x08, "rising")
    eq(dev.serve_interrupt(), 0x00, "nothing pending")
    sim.set_input(3, 0)
    eq(dev.serve_interrupt(), 0x08, "falling")
    eq(dev.int_capture & 0x08, 0, "captured low")


def test_interrupt_defval_compare_reported_once_each_way_and_int_released():
    bus, sim, dev = make()
    sim.set_input(5, 1)
    dev.enable_interrupt(5, defval=1)
    eq((sim.regs[DEFVAL], sim.regs[INTCON]), (0x20, 0x20), "DEFVAL, INTCON")
    check(not sim.pending, "no interrupt while the pin equals DEFVAL")
    sim.set_input(5, 0)
    r = bus.reads
    eq(dev.serve_interrupt(), 0x20, "left DEFVAL")
    eq(sim.regs[INTCON], 0x00, "held in on-change mode while away")
    eq(bus.reads - r, 2, "served again: the condition latched again at the clearing read")
    check(not sim.pending, "released while the pin stays away")
    eq(dev.serve_interrupt(), 0x00, "no second report")
    sim.set_input(5, 1)
    eq(dev.serve_interrupt(), 0x20, "back at DEFVAL")
    eq(sim.regs[INTCON], 0x20, "compare restored")
    check(not sim.pending, "released")


def test_interrupt_defval_pin_already_away_is_reported_at_once():
    bus, sim, dev = make()
    sim.set_input(2, 1)
    dev.enable_interrupt(2, defval=0)
    eq(dev.serve_interrupt(), 0x04, "away from DEFVAL when enabled")


def test_disable_interrupt():
    bus, sim, dev = make()
    dev.enable_interrupt(2)
    dev.disable_interrupt(2)
    eq(sim.regs[GPINTEN], 0, "GPINTEN")
    sim.set_input(2, 1)
    eq(dev.serve_interrupt(), 0, "no flags")


def test_read_pin_clears_interrupt_and_the_next_service_still_reports_the_change():
    bus, sim, dev = make()
    dev.enable_interrupt(0)
    sim.set_input(0, 1)
    dev.read_pin(1)
    check(not sim.pending, "a GPIO read clears the interrupt")
    eq(dev.serve_interrupt(), 0x01, "GPIO differs from the port last seen")


def test_byte_mode_serve_interrupt_reads_registers_separately():
    bus, sim, dev = make()
    dev.configure(sequential=False)
    eq(sim.regs[IOCON], 0x20, "IOCON.SEQOP")
    dev.enable_interrupt(6)
    sim.set_input(6, 1)
    mark = bus.log_n
    eq(dev.serve_interrupt(), 0x40, "changed pins")
    eq(dev.int_capture, 0x40, "INTCAP")
    eq(bus.transfers_since(mark), [(0, 0x20, INTF, 1), (0, 0x20, INTCAP, 1), (0, 0x20, GPIO, 1)], "three 1-byte reads")


# --- INT as a level, served from the INT pin's IRQ: every change reaches on_change --------
P = 0
Q = 1


def armed(compare, relatch):
    bus, sim, dev = make()
    sim.relatch = relatch
    sim.set_input(P, 0)
    sim.set_input(Q, 0)
    events = []
    dev.on_change = lambda pin, level: events.append((pin, level))
    for pin in (P, Q):
        dev.enable_interrupt(pin, 0 if compare else None)
    int_pin = machine.Pin(27, machine.Pin.IN)
    sim.int_pin = int_pin
    sim.set_input(P, 0)  # the sim drives the INT line from now on
    dev.attach_int_pin(int_pin)
    eq(events, [], "nothing before the scenario")
    return bus, sim, dev, events, int_pin


def on_next_read(sim, register, change):
    done = []

    def hook(r):
        if r == register and not done:
            done.append(1)
            change()

    sim.on_read = hook


def quiet(sim, dev, int_pin):
    eq(int_pin.value(), 1, "INT released")
    check(not sim.pending, "nothing pending")
    check(not dev.int_stuck, "not stuck")


def each_mode(scenario):
    for compare in (False, True):
        for relatch in (True, False):
            try:
                scenario(compare, relatch)
            except AssertionError as e:
                raise AssertionError("compare=%r relatch=%r: %s" % (compare, relatch, e))


def test_scenario_pin_changes_and_returns_within_one_service():
    def run(compare, relatch):
        bus, sim, dev, events, int_pin = armed(compare, relatch)
        on_next_read(sim, INTCAP, lambda: sim.set_input(P, 0))
        sim.set_input(P, 1)
        eq(events, [(P, 1), (P, 0)], "both levels")
        quiet(sim, dev, int_pin)

    each_mode(run)


def test_scenario_two_pins_change_in_quick_succession():
    def run(compare, relatch):
        bus, sim, dev, events, int_pin = armed(compare, relatch)
        on_next_read(sim, INTF, lambda: sim.set_input(Q, 1))
        sim.set_input(P, 1)
        eq(events, [(P, 1), (Q, 1)], "both pins")
        quiet(sim, dev, int_pin)

    each_mode(run)


def test_scenario_pin_changes_during_the_service():
    def run(compare, relatch):
        for register in (INTCAP, GPIO):
            bus, sim, dev, events, int_pin = armed(compare, relatch)
            on_next_read(sim, register, lambda: sim.set_input(Q, 1))
            sim.set_input(P, 1)
            eq(events, [(P, 1), (Q, 1)], "change after the byte of register 0x%02X" % register)
            quiet(sim, dev, int_pin)

    each_mode(run)


def test_scenario_compare_held_for_a_minute():
    def run(compare, relatch):
        bus, sim, dev, events, int_pin = armed(compare, relatch)
        sim.set_input(P, 1)
        expected = [(P, 1)]
        reads = bus.reads
        for second in range(1, 61):
            if second % 10 == 0:
                level = 1 if second % 20 == 10 else 0
                sim.set_input(Q, level)
                expected.append((Q, level))
        served = bus.reads - reads
        sim.set_input(P, 0)
        expected.append((P, 0))
        eq(events, expected, "every change, once")
        check(served <= 2 * 6, "no flood: %d reads for 6 changes" % served)
        quiet(sim, dev, int_pin)

    each_mode(run)


def test_int_held_active_behind_the_drivers_back_gives_up_after_8_services():
    bus, sim, dev, events, int_pin = armed(False, True)
    sim.set_input(2, 1)
    bus.writeto_mem(0x20, DEFVAL, b"\x00\x04")  # GP2 compare, unknown to the driver
    r = bus.reads
    bus.writeto_mem(0x20, GPINTEN, b"\x07")
    eq(bus.reads - r, 8, "bounded")
    check(dev.int_stuck, "reported")
    bus.writeto_mem(0x20, GPINTEN, b"\x03")
    dev.serve_interrupt()
    quiet(sim, dev, int_pin)


def test_configure_iocon_bits_and_int_pin():
    bus, sim, dev = make()
    dev.enable_interrupt(0)
    sim.set_input(0, 1)
    eq(sim.int_pin_level(), 0, "default: push-pull active low")
    dev.configure(active_high=True)
    eq(sim.regs[IOCON], 0x02, "INTPOL")
    eq(sim.int_pin_level(), 1, "active high")
    dev.configure(open_drain=True, active_high=True)
    eq(sim.regs[IOCON], 0x06, "ODR + INTPOL")
    eq(sim.int_pin_level(), 0, "open drain pulls low, INTPOL ignored")
    dev.configure(slew_rate_control=False)
    eq(sim.regs[IOCON], 0x10, "DISSLW")


def test_sync_rereads_registers():
    bus, sim, dev = make()
    sim.regs[OLAT] = 0x0F  # changed behind the driver's back
    dev.sync()
    eq(dev.output_latch, 0x0F, "OLAT shadow")


def test_register_constants_are_not_module_globals():
    check(not hasattr(mcp23008, "_OLAT"), "private register constant stored as a global")
    eq((mcp23008.INPUT, mcp23008.INPUT_PULLUP, mcp23008.OUTPUT), (0, 1, 2), "public modes")
