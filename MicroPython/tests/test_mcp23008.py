# MCP23008 driver against the register-level simulator. Expected values: DS21919E.

import machine
from testing import eq, check, raises, contains
from sim_mcp23008 import MCP23008Sim, IODIR, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, OLAT
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
def test_interrupt_on_change_flags_and_capture_in_one_read():
    bus, sim, dev = make()
    dev.enable_interrupt(4)
    eq((sim.regs[GPINTEN], sim.regs[INTCON]), (0x10, 0x00), "GPINTEN, INTCON")
    sim.set_input(4, 1)
    check(sim.pending, "interrupt latched")
    r = bus.reads
    flags = dev.serve_interrupt()
    eq(bus.reads - r, 1, "reads")
    eq(bus.entry(1), (0, 0x20, INTF, 2), "INTF + INTCAP in one 2-byte read")
    eq(flags, 0x10, "INTF")
    eq(dev.int_capture, 0x10, "INTCAP")
    check(not sim.pending, "reading INTCAP clears the interrupt")


def test_interrupt_capture_latched_until_served():
    bus, sim, dev = make()
    dev.enable_interrupt(0)
    dev.enable_interrupt(1)
    sim.set_input(0, 1)
    sim.set_input(1, 1)  # while pending: no new event, INTF/INTCAP frozen
    eq(dev.interrupt_flags, 0x01, "INTF")
    check(sim.pending, "reading INTF alone does not clear")
    eq(dev.serve_interrupt(), 0x01, "INTF")
    eq(dev.int_capture, 0x01, "INTCAP captured at the first event")


def test_interrupt_on_change_fires_on_both_edges():
    bus, sim, dev = make()
    dev.enable_interrupt(3)
    sim.set_input(3, 1)
    eq(dev.serve_interrupt(), 0x08, "rising")
    eq(dev.serve_interrupt(), 0x00, "nothing pending")
    sim.set_input(3, 0)
    eq(dev.serve_interrupt(), 0x08, "falling")
    eq(dev.int_capture & 0x08, 0, "captured low")


def test_interrupt_defval_compare_is_level_sensitive():
    bus, sim, dev = make()
    sim.set_input(5, 1)
    dev.enable_interrupt(5, defval=1)
    eq((sim.regs[DEFVAL], sim.regs[INTCON]), (0x20, 0x20), "DEFVAL, INTCON")
    check(not sim.pending, "no interrupt while the pin equals DEFVAL")
    sim.set_input(5, 0)
    eq(dev.serve_interrupt(), 0x20, "pin differs from DEFVAL")
    check(sim.pending, "re-asserted: the pin still differs")
    sim.set_input(5, 1)
    dev.serve_interrupt()
    check(not sim.pending, "released when the pin is back at DEFVAL")


def test_disable_interrupt():
    bus, sim, dev = make()
    dev.enable_interrupt(2)
    dev.disable_interrupt(2)
    eq(sim.regs[GPINTEN], 0, "GPINTEN")
    sim.set_input(2, 1)
    eq(dev.serve_interrupt(), 0, "no flags")


def test_read_pin_clears_interrupt():
    bus, sim, dev = make()
    dev.enable_interrupt(0)
    sim.set_input(0, 1)
    dev.read_pin(1)
    check(not sim.pending, "a GPIO read clears the interrupt")


def test_byte_mode_serve_interrupt_reads_registers_separately():
    bus, sim, dev = make()
    dev.configure(sequential=False)
    eq(sim.regs[IOCON], 0x20, "IOCON.SEQOP")
    dev.enable_interrupt(6)
    sim.set_input(6, 1)
    mark = bus.log_n
    eq(dev.serve_interrupt(), 0x40, "INTF")
    eq(dev.int_capture, 0x40, "INTCAP")
    eq(bus.transfers_since(mark), [(0, 0x20, INTF, 1), (0, 0x20, INTCAP, 1)], "two 1-byte reads")


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
