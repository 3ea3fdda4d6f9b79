# MicroPython driver for the ST VL6180X time-of-flight range and ambient-light sensor.
#
# Sources: ST datasheet DocID026171 (register map, I2C protocol, lux formula),
# ST application note AN4545 (initialisation settings, Rev 2, and range error codes).
# Register indices are 16 bits wide (sent MSB first); multi-byte registers are big-endian.
#
# Memory notes: register addresses are underscore-private const() values, so they are
# inlined and cost nothing once the module is shipped as .mpy or frozen. All transfer
# buffers are allocated in __init__; read_range(), read_range_continuous() and the
# register accessors allocate nothing. read_lux(), read_lux_continuous() and
# read_interleaved() create one float (the lux value), which MicroPython stores on the
# heap (one 16-byte block per call).

from micropython import const
import time

# --- Registers (DocID026171 Table 22 / section 6) -------------------------------------
_IDENTIFICATION__MODEL_ID = const(0x000)
_SYSTEM__MODE_GPIO1 = const(0x011)
_SYSTEM__INTERRUPT_CONFIG_GPIO = const(0x014)
_SYSTEM__INTERRUPT_CLEAR = const(0x015)  # 0x015..0x018 are written as one 4-byte burst
_SYSTEM__FRESH_OUT_OF_RESET = const(0x016)
_SYSRANGE__START = const(0x018)
_SYSRANGE__THRESH_HIGH = const(0x019)
_SYSRANGE__THRESH_LOW = const(0x01A)
_SYSRANGE__INTERMEASUREMENT_PERIOD = const(0x01B)
_SYSRANGE__CROSSTALK_VALID_HEIGHT = const(0x021)
_SYSRANGE__PART_TO_PART_RANGE_OFFSET = const(0x024)
_SYSRANGE__RANGE_CHECK_ENABLES = const(0x02D)
_SYSRANGE__VHV_RECALIBRATE = const(0x02E)
_SYSRANGE__VHV_REPEAT_RATE = const(0x031)
_SYSALS__START = const(0x038)
_SYSALS__INTERMEASUREMENT_PERIOD = const(0x03E)
_SYSALS__ANALOGUE_GAIN = const(0x03F)
_SYSALS__INTEGRATION_PERIOD = const(0x040)  # 16 bit
_RESULT__RANGE_STATUS = const(0x04D)  # 0x04D..0x062 are read as one burst
_RESULT__ALS_STATUS = const(0x04E)
_RESULT__INTERRUPT_STATUS_GPIO = const(0x04F)
_RANGE_SCALER = const(0x096)  # 16 bit
_READOUT__AVERAGING_SAMPLE_PERIOD = const(0x10A)
_I2C_SLAVE__DEVICE_ADDRESS = const(0x212)
_INTERLEAVED_MODE__ENABLE = const(0x2A3)

_MODEL_ID = const(0xB4)
_RESULT_LEN = const(22)  # 0x04D (RANGE_STATUS) .. 0x062 (RANGE_VAL)
_ALS_RESULT_LEN = const(5)  # 0x04D .. 0x051 (ALS_VAL, 16 bit)
_RANGE_VAL_INDEX = const(21)  # 0x062 - 0x04D
# RESULT__INTERRUPT_STATUS_GPIO when a field reports "new sample ready" (4): [2:0] range,
# [5:3] ALS. The field mask is want | want >> 1 | want >> 2.
_NEW_RANGE = const(0x04)
_NEW_ALS = const(0x20)
_NEW_BOTH = const(0x24)
_START_SINGLE = const(0x01)  # SYSRANGE__START / SYSALS__START: single shot, or stop continuous
_START_CONTINUOUS = const(0x03)

# What runs (self._mode).
_MODE_RANGE = const(1)  # continuous ranging
_MODE_ALS = const(2)  # continuous ALS
_MODE_INTERLEAVED = const(3)  # continuous ALS, each measurement followed by a range

# --- Public constants (passed to or returned by the driver) -----------------------------
# ALS analogue gain codes, SYSALS__ANALOGUE_GAIN[2:0] (name = nominal gain).
ALS_GAIN_20 = const(0)
ALS_GAIN_10 = const(1)
ALS_GAIN_5 = const(2)
ALS_GAIN_2_5 = const(3)
ALS_GAIN_1_67 = const(4)
ALS_GAIN_1_25 = const(5)
ALS_GAIN_1 = const(6)
ALS_GAIN_40 = const(7)

# Range error codes, RESULT__RANGE_STATUS[7:4] (AN4545 Table 1). 9 and 10 are unused.
ERROR_NONE = const(0)
ERROR_VCSEL_CONTINUITY = const(1)
ERROR_VCSEL_WATCHDOG_TEST = const(2)
ERROR_VCSEL_WATCHDOG = const(3)
ERROR_PLL1_LOCK = const(4)
ERROR_PLL2_LOCK = const(5)
ERROR_EARLY_CONVERGENCE = const(6)
ERROR_MAX_CONVERGENCE = const(7)  # no target
ERROR_IGNORE_THRESHOLD = const(8)
ERROR_MAX_SNR = const(11)  # ambient light too high
ERROR_RAW_UNDERFLOW = const(12)
ERROR_RAW_OVERFLOW = const(13)
ERROR_UNDERFLOW = const(14)
ERROR_OVERFLOW = const(15)  # beyond the measurable range

# Interrupt modes for configure_interrupt(), SYSTEM__INTERRUPT_CONFIG_GPIO fields.
INT_OFF = const(0)
INT_LEVEL_LOW = const(1)
INT_LEVEL_HIGH = const(2)
INT_OUT_OF_WINDOW = const(3)
INT_NEW_SAMPLE = const(4)

# Actual ALS gains x100 by gain code (DocID026171 "actual gain values"): 20, 10.32, 5.21,
# 2.60, 1.72, 1.28, 1.01, 40. Integers keep read_lux() to a single float allocation.
_GAIN_X100 = (2000, 1032, 521, 260, 172, 128, 101, 4000)


def _check(name, value, lo, hi):
    if not lo <= value <= hi:
        raise ValueError("%s must be %d..%d, got %r" % (name, lo, hi, value))


class RangeError(Exception):
    """A range measurement finished with an error; `code` is one of ERROR_*.

    The distance register holds 255 or 0 in that case, so no distance is returned.
    """

    @property
    def code(self):
        return self.args[0]


class VL6180X:
    """VL6180X on a machine.I2C bus.

    Loads the AN4545 settings only when the chip reports SYSTEM__FRESH_OUT_OF_RESET and
    leaves the factory range offset as it is. `timeout_ms` bounds every wait for the chip;
    a wait that expires raises OSError naming the register and the status seen.
    """

    def __init__(self, i2c, address=0x29, timeout_ms=250):
        _check("address", address, 0x08, 0x77)
        _check("timeout_ms", timeout_ms, 1, 60000)
        self._i2c = i2c
        self._addr = address
        self.timeout_ms = timeout_ms
        self._res = bytearray(_RESULT_LEN)
        mv = memoryview(self._res)
        self._res1 = mv[:1]
        self._res2 = mv[:2]
        self._res_als = mv[:_ALS_RESULT_LEN]
        self._cmd = bytearray(4)
        mv = memoryview(self._cmd)
        self._cmd1 = mv[:1]
        self._cmd2 = mv[:2]
        self._mode = 0  # _MODE_* running, 0 = none
        self._period_ms = 100  # period of the running continuous mode
        self.range_mm = None  # latest interleaved pair
        self.lux = None
        self._gain = -1  # gain code last written; -1 = unknown
        self._scaling = 1
        self._offset_mm = 0
        self._int_cfg = 0
        self._t_int = 100

        model = self._read8(_IDENTIFICATION__MODEL_ID)
        if model != _MODEL_ID:
            raise RuntimeError(
                "VL6180X not found at 0x%02X: IDENTIFICATION__MODEL_ID is 0x%02X, expected 0xB4"
                % (address, model)
            )
        # Factory (NVM) part-to-part offset, read before anything else; kept as it is.
        self._offset_mm = self._read_offset_register()
        if self._read8(_SYSTEM__FRESH_OUT_OF_RESET) & 1:
            self._load_settings()
            self._write8(_SYSTEM__FRESH_OUT_OF_RESET, 0)
        else:
            self._stop_left_running()
        # Bring the shadows in line with the chip (also after a warm restart).
        self._int_cfg = self._read8(_SYSTEM__INTERRUPT_CONFIG_GPIO)
        self._t_int = self._read16(_SYSALS__INTEGRATION_PERIOD) + 1
        scaler = self._read16(_RANGE_SCALER)
        self._scaling = 2 if scaler == 127 else 3 if scaler == 84 else 1
        self._offset_mm *= self._scaling

    def _stop_left_running(self):
        # A chip that is not fresh out of reset keeps a continuous or interleaved mode across
        # a warm restart of the host; a single-shot start would then only halt it and wait for
        # a sample that never comes (DocID026171 SYSRANGE__START: in continuous mode the
        # start/stop bit toggles). Whether bit 1 reads back the mode is not stated, so both
        # channels get the stop command 0x01 (which otherwise starts one single shot),
        # interleaved mode is switched off after the ALS stop, and once both channels report
        # device ready every interrupt flag is cleared. The range command goes in the burst
        # from 0x015, which also releases a grouped-parameter hold left set.
        self._write8(_SYSALS__START, _START_SINGLE)
        self._write8(_INTERLEAVED_MODE__ENABLE, 0)
        self._start(0x05, _START_SINGLE)
        self._wait_ready(_RESULT__ALS_STATUS)
        self._wait_ready()
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x07)

    # --- register access (all through preallocated buffers) --------------------------
    def _read8(self, reg):
        self._i2c.readfrom_mem_into(self._addr, reg, self._res1, addrsize=16)
        return self._res[0]

    def _read16(self, reg):
        self._i2c.readfrom_mem_into(self._addr, reg, self._res2, addrsize=16)
        return (self._res[0] << 8) | self._res[1]

    def _write8(self, reg, value):
        self._cmd[0] = value
        self._i2c.writeto_mem(self._addr, reg, self._cmd1, addrsize=16)

    def _write16(self, reg, value):
        self._cmd[0] = value >> 8
        self._cmd[1] = value & 0xFF
        self._i2c.writeto_mem(self._addr, reg, self._cmd2, addrsize=16)

    def _load_settings(self):
        # AN4545 Rev 2 "mandatory: private registers", in published order:
        # (index high, index low, value).
        table = (
            b"\x02\x07\x01\x02\x08\x01\x00\x96\x00\x00\x97\xfd\x00\xe3\x01"
            b"\x00\xe4\x03\x00\xe5\x02\x00\xe6\x01\x00\xe7\x03\x00\xf5\x02"
            b"\x00\xd9\x05\x00\xdb\xce\x00\xdc\x03\x00\xdd\xf8\x00\x9f\x00"
            b"\x00\xa3\x3c\x00\xb7\x00\x00\xbb\x3c\x00\xb2\x09\x00\xca\x09"
            b"\x01\x98\x01\x01\xb0\x17\x01\xad\x00\x00\xff\x05\x01\x00\x05"
            b"\x01\x99\x05\x01\xa6\x1b\x01\xac\x3e\x01\xa7\x1f\x00\x30\x00"
        )
        for i in range(0, len(table), 3):
            self._write8((table[i] << 8) | table[i + 1], table[i + 2])
        # Recommended public registers (AN4545 / DocID026171):
        self._write8(_SYSTEM__MODE_GPIO1, 0x10)  # GPIO1 = interrupt output, active low
        self._write8(_READOUT__AVERAGING_SAMPLE_PERIOD, 0x30)  # 48 units, ~4.3 ms
        self._write8(_SYSALS__ANALOGUE_GAIN, 0x46)  # ALS gain 1 (dark gain nibble 4)
        self._write8(_SYSRANGE__VHV_REPEAT_RATE, 0xFF)
        self._write16(_SYSALS__INTEGRATION_PERIOD, 0x0063)  # 100 ms, both bytes
        self._write8(_SYSRANGE__VHV_RECALIBRATE, 0x01)  # one temperature calibration now
        self._write8(_SYSRANGE__INTERMEASUREMENT_PERIOD, 0x09)  # 100 ms
        self._write8(_SYSALS__INTERMEASUREMENT_PERIOD, 0x31)  # 500 ms
        self._write8(_SYSTEM__INTERRUPT_CONFIG_GPIO, 0x24)  # new sample ready: range, ALS

    # --- waiting ------------------------------------------------------------------------
    def _wait_ready(self, reg=_RESULT__RANGE_STATUS):
        # RESULT__RANGE_STATUS / RESULT__ALS_STATUS bit 0 = device ready for a new command.
        start = time.ticks_ms()
        while not self._read8(reg) & 1:
            if time.ticks_diff(time.ticks_ms(), start) >= self.timeout_ms:
                raise OSError(
                    "VL6180X: not ready within %d ms (%s 0x%02X)"
                    % (
                        self.timeout_ms,
                        "RESULT__RANGE_STATUS" if reg == _RESULT__RANGE_STATUS else "RESULT__ALS_STATUS",
                        self._res[0],
                    )
                )
            time.sleep_ms(1)

    def _wait_sample(self, buf, want, budget_ms):
        # Reads from RESULT__RANGE_STATUS (0x04D) onward in one transfer until the
        # fields `want` (_NEW_*) of RESULT__INTERRUPT_STATUS_GPIO (0x04F) report new samples.
        res = self._res
        mask = want | want >> 1 | want >> 2
        start = time.ticks_ms()
        while True:
            self._i2c.readfrom_mem_into(self._addr, _RESULT__RANGE_STATUS, buf, addrsize=16)
            status = res[2]
            if status & 0xC0:
                self._device_error(status)
            if status & mask == want:
                return
            if time.ticks_diff(time.ticks_ms(), start) >= budget_ms:
                raise OSError(
                    "VL6180X: no new %s sample within %d ms (RESULT__INTERRUPT_STATUS_GPIO 0x%02X)"
                    % ("range" if want == _NEW_RANGE else "ALS" if want == _NEW_ALS else "range and ALS", budget_ms, status)
                )
            time.sleep_ms(1)

    def _device_error(self, status):
        # RESULT__INTERRUPT_STATUS_GPIO [7:6]: 1 laser safety, 2 PLL. The new-sample flag never
        # comes with an error, so ST's VL6180x_RangePollMeasurement checks this field first.
        # The flag is cleared so that the next measurement can be tried.
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x04)
        err = status >> 6
        raise OSError(
            "VL6180X: %s error (RESULT__INTERRUPT_STATUS_GPIO 0x%02X, bits [7:6] = %d), no sample"
            % ("laser safety" if err == 1 else "PLL" if err == 2 else "undefined", status, err)
        )

    def _range_result(self):
        code = self._res[0] >> 4
        if code:
            raise RangeError(code)
        return self._res[_RANGE_VAL_INDEX] * self._scaling

    def _start(self, clear, start):
        # One burst from SYSTEM__INTERRUPT_CLEAR: clear flags, FRESH_OUT_OF_RESET = 0,
        # GROUPED_PARAMETER_HOLD = 0, SYSRANGE__START.
        c = self._cmd
        c[0] = clear
        c[1] = 0
        c[2] = 0
        c[3] = start
        self._i2c.writeto_mem(self._addr, _SYSTEM__INTERRUPT_CLEAR, c, addrsize=16)

    def _need_new_sample_mode(self, want):
        if self._int_cfg & (want | want >> 1 | want >> 2) != want:
            raise RuntimeError(
                "VL6180X: %s interrupt mode must be INT_NEW_SAMPLE (SYSTEM__INTERRUPT_CONFIG_GPIO 0x%02X)"
                % ("range" if want == _NEW_RANGE else "ALS" if want == _NEW_ALS else "range and ALS", self._int_cfg)
            )

    def _refuse_unless(self, mode):
        # Raises unless nothing runs or `mode` runs.
        m = self._mode
        if m and m != mode:
            raise RuntimeError(
                "VL6180X: %s runs, stop it first"
                % ("continuous ranging", "continuous ALS", "interleaved mode")[m - 1]
            )

    def _set_period(self, reg, period_ms):
        # (n + 1) * 10 ms, n = 0..254; period_ms already checked.
        code = period_ms // 10 - 1
        self._write8(reg, code)
        self._period_ms = (code + 1) * 10

    def _set_gain(self, gain):
        if gain != self._gain:
            self._write8(_SYSALS__ANALOGUE_GAIN, 0x40 | gain)  # dark gain nibble must be 4
            self._gain = gain

    # --- ranging ------------------------------------------------------------------------
    def read_range(self):
        """Single-shot range in mm (scaling applied).

        Waits for the new sample; raises RangeError(code) when the chip reports an error,
        OSError on timeout. Allocates nothing on success.
        """
        self._refuse_unless(0)
        self._need_new_sample_mode(_NEW_RANGE)
        self._wait_ready()
        self._start(0x05, _START_SINGLE)  # clear range + error flags, start single shot
        self._wait_sample(self._res, _NEW_RANGE, self.timeout_ms)
        return self._range_result()

    @property
    def range_status(self):
        """Error code 0..15 of the latest range measurement (RESULT__RANGE_STATUS[7:4])."""
        return self._read8(_RESULT__RANGE_STATUS) >> 4

    def start_continuous(self, period_ms=100):
        """Start continuous ranging, one measurement every period_ms (10..2550, step 10)."""
        _check("period_ms", period_ms, 10, 2550)
        self._refuse_unless(_MODE_RANGE)
        self._need_new_sample_mode(_NEW_RANGE)
        self.stop_continuous()
        self._wait_ready()
        self._set_period(_SYSRANGE__INTERMEASUREMENT_PERIOD, period_ms)
        self._start(0x05, _START_CONTINUOUS)
        self._mode = _MODE_RANGE

    def stop_continuous(self):
        """Stop continuous ranging (no command is sent when it is not running)."""
        if self._mode == _MODE_RANGE:
            self._write8(_SYSRANGE__START, _START_SINGLE)
            self._mode = 0

    def read_range_continuous(self):
        """Latest continuous-mode range in mm; waits at most one period + timeout_ms."""
        if self._mode != _MODE_RANGE:
            raise RuntimeError("VL6180X: start_continuous() first")
        self._wait_sample(self._res, _NEW_RANGE, self._period_ms + self.timeout_ms)
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x05)
        return self._range_result()

    # --- ambient light ------------------------------------------------------------------
    @property
    def als_integration_ms(self):
        return self._t_int

    def set_als_integration_ms(self, ms):
        """ALS integration period 1..464 ms, written as the 16-bit register value ms - 1.

        The register value 255 is never written (ST API: it locks the device); 256 ms
        is set as 257 ms and als_integration_ms reports the time actually used.
        """
        _check("ms", ms, 1, 464)
        self._refuse_unless(_MODE_RANGE)
        n = ms - 1
        if n == 255:
            n = 256
        self._write16(_SYSALS__INTEGRATION_PERIOD, n)
        self._t_int = n + 1

    def read_lux(self, gain=ALS_GAIN_1):
        """Single-shot ambient light in lux (float, 0.32 lux/count calibration without glass).

        lux = 0.32 * counts / actual_gain * 100 / integration_ms (DocID026171 2.13.4).
        Raises OverflowError when RESULT__ALS_STATUS reports an overflow.
        """
        _check("gain", gain, 0, 7)
        self._refuse_unless(0)
        self._need_new_sample_mode(_NEW_ALS)
        self._set_gain(gain)
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x06)  # clear ALS + error flags
        self._write8(_SYSALS__START, _START_SINGLE)
        self._wait_sample(self._res_als, _NEW_ALS, self._t_int + self.timeout_ms)
        return self._lux()

    def _lux(self):
        # From RESULT__ALS_STATUS (res[1]) and RESULT__ALS_VAL (res[3:5]) in self._res.
        res = self._res
        if res[1] >> 4 == 1:
            raise OverflowError(
                "VL6180X: ALS overflow (RESULT__ALS_STATUS 0x%02X) at gain code %d, %d ms"
                % (res[1], self._gain, self._t_int)
            )
        counts = (res[3] << 8) | res[4]
        # 0.32 * 100 = 32 and gains x100: one int numerator, one int denominator.
        return 3200 * counts / (_GAIN_X100[self._gain] * self._t_int)

    def _start_als(self, period_ms, gain, mode):
        # Continuous ALS (_MODE_ALS) or interleaved mode (_MODE_INTERLEAVED). Everything
        # that can be refused is checked before anything is sent.
        _check("period_ms", period_ms, 10, 2550)
        _check("gain", gain, 0, 7)
        self._refuse_unless(mode)
        interleaved = mode == _MODE_INTERLEAVED
        self._need_new_sample_mode(_NEW_BOTH if interleaved else _NEW_ALS)
        self._stop_als(mode)  # a restart: stop first, since 0x03 toggles a running mode off
        if interleaved:
            self._wait_ready()
        self._wait_ready(_RESULT__ALS_STATUS)
        if interleaved:
            self._write8(_INTERLEAVED_MODE__ENABLE, 1)
        self._set_gain(gain)
        self._set_period(_SYSALS__INTERMEASUREMENT_PERIOD, period_ms)
        # clear ALS + error flags (interleaved: range too), then start continuous ALS
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x07 if interleaved else 0x06)
        self._write8(_SYSALS__START, _START_CONTINUOUS)
        self._mode = mode

    def _stop_als(self, mode):
        if self._mode == mode:
            self._write8(_SYSALS__START, _START_SINGLE)
            if mode == _MODE_INTERLEAVED:
                self._write8(_INTERLEAVED_MODE__ENABLE, 0)  # only after the stop
            self._mode = 0

    def start_als_continuous(self, period_ms=500, gain=ALS_GAIN_1):
        """Start continuous ALS, one measurement every period_ms (10..2550, step 10).

        The period should be longer than the integration period (als_integration_ms);
        otherwise the next measurement starts when the previous one ends.
        """
        self._start_als(period_ms, gain, _MODE_ALS)

    def stop_als_continuous(self):
        """Stop continuous ALS (no command is sent when it is not running)."""
        self._stop_als(_MODE_ALS)

    def read_lux_continuous(self):
        """Latest continuous-mode ALS sample in lux (float), without restarting.

        Waits at most one period + integration + timeout_ms for a new sample, then clears
        the ALS flag. Raises OverflowError when RESULT__ALS_STATUS reports an overflow.
        """
        if self._mode != _MODE_ALS:
            raise RuntimeError("VL6180X: start_als_continuous() first")
        self._wait_sample(self._res_als, _NEW_ALS, self._period_ms + self._t_int + self.timeout_ms)
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x06)
        return self._lux()

    # --- interleaved mode ---------------------------------------------------------------
    def start_interleaved(self, period_ms=500, gain=ALS_GAIN_1):
        """Start interleaved mode: every period_ms (10..2550) an ALS measurement followed by a range.

        INTERLEAVED_MODE__ENABLE = 1, then continuous ALS (DocID026171; ST recommends it
        over running range and ALS continuous modes side by side). The period should be
        longer than the integration period plus the ranging time (up to ~60 ms).
        """
        self._start_als(period_ms, gain, _MODE_INTERLEAVED)

    def stop_interleaved(self):
        """Stop interleaved mode: SYSALS__START stop, then INTERLEAVED_MODE__ENABLE = 0.

        No command is sent when it is not running.
        """
        self._stop_als(_MODE_INTERLEAVED)

    def read_interleaved(self):
        """Wait for the next interleaved pair and return its range error code (ERROR_*).

        Sets `range_mm` (mm, scaling applied; None unless the code is ERROR_NONE) and `lux`
        (float; None when RESULT__ALS_STATUS reports an overflow or underflow) from one
        read of 0x04D..0x062, then clears the flags. Waits at most one period +
        integration + timeout_ms. Allocates only the lux float.
        """
        if self._mode != _MODE_INTERLEAVED:
            raise RuntimeError("VL6180X: start_interleaved() first")
        self._wait_sample(self._res, _NEW_BOTH, self._period_ms + self._t_int + self.timeout_ms)
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x07)
        res = self._res
        code = res[0] >> 4
        self.range_mm = None if code else res[_RANGE_VAL_INDEX] * self._scaling
        self.lux = None if res[1] >> 4 else self._lux()
        return code

    # --- calibration and configuration --------------------------------------------------
    def _read_offset_register(self):
        v = self._read8(_SYSRANGE__PART_TO_PART_RANGE_OFFSET)
        return v - 256 if v > 127 else v

    @property
    def offset(self):
        """Part-to-part range offset in mm (signed); the factory value is kept at init."""
        return self._read_offset_register() * self._scaling

    @offset.setter
    def offset(self, mm):
        _check("offset", mm, -128, 127)
        self._offset_mm = mm
        self._write8(_SYSRANGE__PART_TO_PART_RANGE_OFFSET, self._scaled(mm) & 0xFF)

    def _scaled(self, mm):
        s = self._scaling
        q = (abs(mm) + s // 2) // s
        return -q if mm < 0 else q

    @property
    def scaling(self):
        return self._scaling

    def set_scaling(self, factor):
        """Range scaling 1, 2 or 3 (RANGE_SCALER 253, 127, 84); extends the range, coarser steps.

        Rescales the offset and the crosstalk valid height, and enables the early
        convergence estimate only at 1x.
        """
        _check("factor", factor, 1, 3)
        self._write16(_RANGE_SCALER, (253, 127, 84)[factor - 1])
        self._scaling = factor
        self._write8(_SYSRANGE__CROSSTALK_VALID_HEIGHT, 20 // factor)
        self._write8(_SYSRANGE__PART_TO_PART_RANGE_OFFSET, self._scaled(self._offset_mm) & 0xFF)
        checks = self._read8(_SYSRANGE__RANGE_CHECK_ENABLES)
        self._write8(_SYSRANGE__RANGE_CHECK_ENABLES, checks | 1 if factor == 1 else checks & 0xFE)

    @property
    def address(self):
        return self._addr

    def set_address(self, address):
        """Move the chip to a new 7-bit address (0x08..0x77); volatile until power-down."""
        _check("address", address, 0x08, 0x77)
        self._write8(_I2C_SLAVE__DEVICE_ADDRESS, address)  # raises if not acknowledged
        self._addr = address

    def configure_interrupt(self, range_mode=INT_NEW_SAMPLE, als_mode=INT_NEW_SAMPLE, active_high=False):
        """Set the GPIO1 interrupt sources (INT_* for range and ALS) and polarity.

        read_range() and read_lux() poll for INT_NEW_SAMPLE and refuse other modes.
        """
        _check("range_mode", range_mode, 0, 4)
        _check("als_mode", als_mode, 0, 4)
        self._int_cfg = (als_mode << 3) | range_mode
        self._write8(_SYSTEM__INTERRUPT_CONFIG_GPIO, self._int_cfg)
        self._write8(_SYSTEM__MODE_GPIO1, 0x30 if active_high else 0x10)

    def set_range_thresholds(self, low_mm, high_mm):
        """Thresholds for INT_LEVEL_LOW / INT_LEVEL_HIGH / INT_OUT_OF_WINDOW, in mm."""
        top = 255 * self._scaling
        _check("low_mm", low_mm, 0, top)
        _check("high_mm", high_mm, 0, top)
        self._write8(_SYSRANGE__THRESH_HIGH, high_mm // self._scaling)
        self._write8(_SYSRANGE__THRESH_LOW, low_mm // self._scaling)

    @property
    def interrupt_status(self):
        """RESULT__INTERRUPT_STATUS_GPIO: [2:0] range, [5:3] ALS, [7:6] error."""
        return self._read8(_RESULT__INTERRUPT_STATUS_GPIO)

    def clear_interrupt(self):
        """Clear the range, ALS and error interrupt flags (releases GPIO1)."""
        self._write8(_SYSTEM__INTERRUPT_CLEAR, 0x07)
