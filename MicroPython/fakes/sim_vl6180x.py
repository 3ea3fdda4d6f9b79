# Register-level simulator of the ST VL6180X, written from datasheet DocID026171 and
# AN4545 (not from any driver).
#
# * 16-bit register index, auto-increment on reads and writes, index kept across STOP.
# * Measurements run on the virtual clock (time.ticks_us of faketime): a start command
#   completes after `range_time_us` (range) or integration + `als_overhead_us` (ALS).
# * SYSRANGE__START and SYSALS__START: bit0 startstop, bit1 mode. 0x01 arms one measurement
#   (or stops a running continuous one), 0x03 starts continuous mode; one measurement every
#   (n+1)*10 ms of SYSRANGE__ / SYSALS__INTERMEASUREMENT_PERIOD, the next one starting when
#   the previous has finished if the period is shorter.
# * INTERLEAVED_MODE__ENABLE (0x2A3) = 1: every ALS measurement is followed by a range
#   measurement; in continuous ALS the next ALS period starts when that range has finished.
# * RESULT__RANGE_STATUS / RESULT__ALS_STATUS bit0 (device ready) reads 0 while a
#   single-shot measurement of that channel runs.
# * RESULT__INTERRUPT_STATUS_GPIO fields latch only for modes enabled in
#   SYSTEM__INTERRUPT_CONFIG_GPIO and stay until SYSTEM__INTERRUPT_CLEAR clears them;
#   results stay intact on clear.
# * Physical inputs are plain attributes: distance_mm (None = no target), als_counts or
#   lux, range_error (force an error code), int_error (force error bits [7:6]).
# * int_error (1 laser safety, 2 PLL; DocID026171 RESULT__INTERRUPT_STATUS_GPIO [7:6]):
#   a measurement that ends with an error latches the error field and never its
#   new-sample flag, and leaves the results as they were (ST's VL6180x_RangePollMeasurement
#   stops polling on the error field; a comment in VL6180x_RangeGetInterruptStatus says the
#   sample flag does not show up with an error). SYSTEM__INTERRUPT_CLEAR bit 2 clears it.
# * SYSALS__INTEGRATION_PERIOD = 255 locks the device out (ST's VL6180x_AlsSetIntegrationPeriod
#   never writes it); what that looks like is not published [U]: an ALS measurement started
#   with it never ends and locked_out becomes True.
# Range and ALS paths with integer inputs allocate nothing.
# Not modelled: history buffer, thresholds for ALS, ALS underflow, SYSRANGE__START while
# interleaved mode runs, interleaved mode started while continuous ranging runs (both raise).

from micropython import const
import time

from sim_bus import I2CTarget

_MODEL_ID = const(0x000)
_SYSTEM__INTERRUPT_CONFIG_GPIO = const(0x014)
_SYSTEM__INTERRUPT_CLEAR = const(0x015)
_SYSTEM__FRESH_OUT_OF_RESET = const(0x016)
_SYSRANGE__START = const(0x018)
_SYSRANGE__THRESH_HIGH = const(0x019)
_SYSRANGE__THRESH_LOW = const(0x01A)
_SYSRANGE__INTERMEASUREMENT_PERIOD = const(0x01B)
_SYSRANGE__MAX_CONVERGENCE_TIME = const(0x01C)
_SYSRANGE__PART_TO_PART_RANGE_OFFSET = const(0x024)
_SYSALS__START = const(0x038)
_SYSALS__INTERMEASUREMENT_PERIOD = const(0x03E)
_SYSALS__ANALOGUE_GAIN = const(0x03F)
_SYSALS__INTEGRATION_PERIOD = const(0x040)
_RESULT__RANGE_STATUS = const(0x04D)
_RESULT__ALS_STATUS = const(0x04E)
_RESULT__INTERRUPT_STATUS_GPIO = const(0x04F)
_RESULT__ALS_VAL = const(0x050)
_RESULT__RANGE_VAL = const(0x062)
_RESULT__RANGE_RAW = const(0x064)
_RANGE_SCALER = const(0x096)
_READOUT__AVERAGING_SAMPLE_PERIOD = const(0x10A)
_I2C_SLAVE__DEVICE_ADDRESS = const(0x212)
_INTERLEAVED_MODE__ENABLE = const(0x2A3)
_SIZE = const(0x300)

# Actual ALS gain x100 per SYSALS__ANALOGUE_GAIN[2:0] (DocID026171).
GAIN_X100 = (2000, 1032, 521, 260, 172, 128, 101, 4000)


class VL6180XSim(I2CTarget):
    index_bits = 16

    def __init__(self, address=0x29, factory_offset=0, fresh=True, model_id=0xB4):
        super().__init__(address)
        self.regs = bytearray(_SIZE)
        self.factory_offset = factory_offset  # mm the raw sensor is off by, corrected by NVM
        self.distance_mm = 50
        self.max_range_mm = 200  # beyond this at 1x: ranging overflow
        self.range_error = 0
        self.int_error = 0
        self.locked_out = False
        self.range_time_us = 8000  # None: the measurement never completes
        self.als_counts = 0  # used when lux is None
        self.lux = None
        self.als_overhead_us = 500  # [U] not in the datasheet
        self.range_samples = 0
        self.als_samples = 0
        self.byte_writes = 0
        self._ranging = False
        self._continuous = False
        self._range_at = 0
        self._als_running = False  # an ALS measurement is integrating
        self._als_at = 0  # when it completes
        self._als_continuous = False
        self._als_start = 0  # start of the current continuous ALS period
        self._als_cycle = False  # the running range measurement follows an ALS one (interleaved)
        self._range_code = 0
        self._als_code = 0
        r = self.regs
        # Power-on values. [V] DocID026171: model ID, fresh-out-of-reset, NVM offset,
        # averaging period 48, convergence 49 ms, address 0x29. [U]: the rest.
        r[_MODEL_ID] = model_id
        r[0x001] = 1
        r[0x002] = 3
        r[_SYSTEM__FRESH_OUT_OF_RESET] = 1 if fresh else 0
        r[_SYSRANGE__MAX_CONVERGENCE_TIME] = 49
        r[_SYSRANGE__PART_TO_PART_RANGE_OFFSET] = factory_offset & 0xFF
        r[_SYSRANGE__INTERMEASUREMENT_PERIOD] = 0xFF
        r[_SYSALS__ANALOGUE_GAIN] = 0x46
        r[_SYSALS__INTEGRATION_PERIOD + 1] = 0x63
        r[_RANGE_SCALER + 1] = 253
        r[_READOUT__AVERAGING_SAMPLE_PERIOD] = 48
        r[_I2C_SLAVE__DEVICE_ADDRESS] = address

    # --- framing hooks ---------------------------------------------------------------
    def on_transfer(self):
        self._advance_time()

    def read_byte(self, i):
        if i >= _SIZE:
            raise OSError("VL6180X sim: read of undeclared register 0x%03X" % i)
        if i == _RESULT__RANGE_STATUS:
            ready = 0 if self._ranging and not self._continuous else 1
            return (self._range_code << 4) | ready
        if i == _RESULT__ALS_STATUS:
            ready = 0 if self._als_running and not self._als_continuous else 1
            return (self._als_code << 4) | ready
        if i == _SYSTEM__INTERRUPT_CLEAR:
            return 0
        return self.regs[i]

    def write_byte(self, i, v):
        if i >= _SIZE:
            raise OSError("VL6180X sim: write to undeclared register 0x%03X" % i)
        if i <= 0x008 or _RESULT__RANGE_STATUS <= i <= 0x083:
            raise OSError("VL6180X sim: write to read-only register 0x%03X" % i)
        self.byte_writes += 1
        r = self.regs
        if i == _SYSTEM__INTERRUPT_CLEAR:
            st = r[_RESULT__INTERRUPT_STATUS_GPIO]
            if v & 1:
                st &= 0xF8
            if v & 2:
                st &= 0xC7
            if v & 4:
                st &= 0x3F
            r[_RESULT__INTERRUPT_STATUS_GPIO] = st
        elif i == _SYSRANGE__START:
            r[i] = 0  # start bit self-clears
            if v & 1:
                if self._als_continuous and r[_INTERLEAVED_MODE__ENABLE] & 1:
                    raise OSError("VL6180X sim: SYSRANGE__START while interleaved mode runs is not modelled")
                self._range_command(v & 2)
        elif i == _SYSALS__START:
            r[i] = 0
            if v & 1:
                self._als_command(v & 2)
        elif i == _I2C_SLAVE__DEVICE_ADDRESS:
            r[i] = v & 0x7F
            self.address = v & 0x7F
        else:
            r[i] = v

    # --- behaviour ---------------------------------------------------------------------
    def integration_ms(self):
        return ((self.regs[_SYSALS__INTEGRATION_PERIOD] << 8) | self.regs[_SYSALS__INTEGRATION_PERIOD + 1]) + 1

    def period_us(self):
        return (self.regs[_SYSRANGE__INTERMEASUREMENT_PERIOD] + 1) * 10000

    def scaling(self):
        w = (self.regs[_RANGE_SCALER] << 8) | self.regs[_RANGE_SCALER + 1]
        return 2 if w == 127 else 3 if w == 84 else 1

    def als_period_us(self):
        return (self.regs[_SYSALS__INTERMEASUREMENT_PERIOD] + 1) * 10000

    @property
    def continuous(self):
        return self._continuous

    @property
    def als_continuous(self):
        return self._als_continuous

    @property
    def interleaved(self):
        return bool(self.regs[_INTERLEAVED_MODE__ENABLE] & 1)

    def _range_command(self, continuous_bit):
        now = time.ticks_us()
        if self._continuous:
            # startstop toggles: a running continuous measurement stops.
            self._continuous = False
            self._ranging = False
            return
        if self.range_time_us is None:
            self._ranging = True
            self._continuous = bool(continuous_bit)
            self._range_at = now
            return
        self._ranging = True
        self._continuous = bool(continuous_bit)
        self._range_at = time.ticks_add(now, self.range_time_us)

    def _als_command(self, continuous_bit):
        r = self.regs
        if self._als_continuous:
            # startstop toggles: continuous ALS stops, with the range measurement that
            # would follow the current ALS one in interleaved mode.
            self._als_continuous = False
            self._als_running = False
            if self._als_cycle:
                self._als_cycle = False
                self._ranging = False
            return
        if r[_SYSALS__ANALOGUE_GAIN] >> 4 != 4:
            raise OSError(
                "VL6180X sim: SYSALS__ANALOGUE_GAIN 0x%02X, upper nibble (dark gain) must be 4"
                % r[_SYSALS__ANALOGUE_GAIN]
            )
        if r[_INTERLEAVED_MODE__ENABLE] & 1 and self._continuous:
            raise OSError("VL6180X sim: interleaved mode while continuous ranging runs is not modelled")
        self._als_continuous = bool(continuous_bit)
        self._start_als(time.ticks_us())

    def _start_als(self, at):
        self._als_start = at
        self._als_running = True
        if self.integration_ms() - 1 == 255:
            self.locked_out = True
        self._als_at = time.ticks_add(at, self.integration_ms() * 1000 + self.als_overhead_us)

    def _als_done(self, end):
        # One ALS measurement (and in interleaved mode its range measurement) has ended.
        if self._als_continuous:
            nxt = time.ticks_add(self._als_start, self.als_period_us())
            self._start_als(end if time.ticks_diff(end, nxt) > 0 else nxt)

    def _advance_time(self):
        # Completes due measurements in time order.
        now = time.ticks_us()
        while True:
            range_due = (
                self._ranging and self.range_time_us is not None and time.ticks_diff(now, self._range_at) >= 0
            )
            als_due = self._als_running and not self.locked_out and time.ticks_diff(now, self._als_at) >= 0
            if range_due and not (als_due and time.ticks_diff(self._range_at, self._als_at) > 0):
                at = self._range_at
                self._complete_range()
                if self._continuous:
                    self._range_at = time.ticks_add(at, self.period_us())
                else:
                    self._ranging = False
                    if self._als_cycle:
                        self._als_cycle = False
                        self._als_done(at)
            elif als_due:
                at = self._als_at
                self._als_running = False
                self._complete_als()
                if self.regs[_INTERLEAVED_MODE__ENABLE] & 1:
                    # the range measurement that follows every ALS measurement
                    self._als_cycle = True
                    self._ranging = True
                    self._continuous = False
                    self._range_at = time.ticks_add(at, self.range_time_us or 0)
                else:
                    self._als_done(at)
            else:
                return

    def _complete_range(self):
        r = self.regs
        self.range_samples += 1
        if self.int_error:
            self._latch_error()
            return
        s = self.scaling()
        code = self.range_error
        raw = 0
        if code == 0:
            d = self.distance_mm
            if d is None:
                code = 7  # max convergence: no target
            elif d > self.max_range_mm * s:
                code = 15
            else:
                off = r[_SYSRANGE__PART_TO_PART_RANGE_OFFSET]
                if off > 127:
                    off -= 256
                raw = (d - self.factory_offset + s // 2) // s + off
                if raw < 0:
                    code = 14
                elif raw > 255:
                    code = 15
        if code:
            val = 0 if code == 12 or code == 14 else 255
        else:
            val = raw
        r[_RESULT__RANGE_VAL] = val
        r[_RESULT__RANGE_RAW] = val
        self._range_code = code
        mode = r[_SYSTEM__INTERRUPT_CONFIG_GPIO] & 7
        hit = 0
        if mode == 4:
            hit = 4
        elif mode == 1 and val < r[_SYSRANGE__THRESH_LOW]:
            hit = 1
        elif mode == 2 and val > r[_SYSRANGE__THRESH_HIGH]:
            hit = 2
        elif mode == 3 and (val < r[_SYSRANGE__THRESH_LOW] or val > r[_SYSRANGE__THRESH_HIGH]):
            hit = 3
        if hit:
            r[_RESULT__INTERRUPT_STATUS_GPIO] = (r[_RESULT__INTERRUPT_STATUS_GPIO] & 0xF8) | hit

    def _latch_error(self):
        st = self.regs[_RESULT__INTERRUPT_STATUS_GPIO]
        if not st & 0xC0:
            self.regs[_RESULT__INTERRUPT_STATUS_GPIO] = st | ((self.int_error & 3) << 6)

    def _complete_als(self):
        r = self.regs
        self.als_samples += 1
        if self.int_error:
            self._latch_error()
            return
        g = r[_SYSALS__ANALOGUE_GAIN] & 7
        if self.lux is None:
            counts = self.als_counts
        else:
            # inverse of lux = 0.32 * counts * 100 / (gain * t_ms)
            counts = int(self.lux * GAIN_X100[g] * self.integration_ms() / 3200 + 0.5)
        code = 0
        if counts > 0xFFFF:
            counts = 0xFFFF
            code = 1  # overflow
        r[_RESULT__ALS_VAL] = counts >> 8
        r[_RESULT__ALS_VAL + 1] = counts & 0xFF
        self._als_code = code
        if (r[_SYSTEM__INTERRUPT_CONFIG_GPIO] >> 3) & 7 == 4:
            r[_RESULT__INTERRUPT_STATUS_GPIO] = (r[_RESULT__INTERRUPT_STATUS_GPIO] & 0xC7) | 0x20

    # --- test side ---------------------------------------------------------------------
    def word(self, i):
        return (self.regs[i] << 8) | self.regs[i + 1]
