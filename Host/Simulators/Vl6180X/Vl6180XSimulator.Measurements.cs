using System;
using VirtualBoard;
using static Simulators.Vl6180X.Vl6180XRegisters;

namespace Simulators.Vl6180X
{
    public sealed partial class Vl6180XSimulator
    {
        /// <summary>Range pre-calibration time, ms (DocID026171 §2.7.1).</summary>
        public const double PreCalibrationMilliseconds = 3.2;

        /// <summary>
        /// Convergence time of a 3 % target at 50 mm, ms (DocID026171 §2.7.1). The model scales it with the return
        /// signal: time ∝ distance² / reflectance.
        /// </summary>
        public const double ReferenceConvergenceMilliseconds = 4.35;

        /// <summary>Final range (in units of the scaling) above which the device reports overflow 15; raw values above 255 give 13.</summary>
        public const int OverflowUnits = 200;

        /// <summary>ALS time beyond the integration period, ms. The datasheet gives no figure: assumed [U].</summary>
        public const double AlsOverheadMilliseconds = 1.0;

        /// <summary>Actual ALS gains of the eight SYSALS__ANALOGUE_GAIN codes (DocID026171 Table 13).</summary>
        public static readonly double[] ActualAlsGains = { 20.0, 10.32, 5.21, 2.60, 1.72, 1.28, 1.01, 40.0 };

        private bool _rangeBusy;
        private bool _rangeContinuous;
        private long _rangeStartTicks;
        private int _rangeRun;
        private bool _alsBusy;
        private bool _alsContinuous;
        private long _alsStartTicks;
        private int _alsRun;

        /// <summary>Range measurements completed since power-up.</summary>
        public int RangeMeasurementsCompleted { get; private set; }

        /// <summary>ALS measurements completed since power-up.</summary>
        public int AlsMeasurementsCompleted { get; private set; }

        /// <summary>Whether a range measurement is in progress.</summary>
        public bool RangeBusy => _rangeBusy;

        /// <summary>Whether continuous ranging runs.</summary>
        public bool RangeContinuous => _rangeContinuous;

        /// <summary>Whether an ALS measurement is in progress.</summary>
        public bool AlsBusy => _alsBusy;

        /// <summary>Whether continuous ALS (or interleaved) runs.</summary>
        public bool AlsContinuous => _alsContinuous;

        /// <summary>Range scaling factor from RANGE_SCALER: 253 → 1, 127 → 2, 84 → 3 (otherwise 253 / value).</summary>
        public double RangeScalingFactor
        {
            get
            {
                int scaler = Register16(RangeScaler);
                return scaler switch
                {
                    253 => 1,
                    127 => 2,
                    84 => 3,
                    0 => 1,
                    _ => 253.0 / scaler,
                };
            }
        }

        /// <summary>Duration in ms of a range measurement with the current inputs and registers (DocID026171 §2.7.1).</summary>
        public double RangeMeasurementMilliseconds =>
            PreCalibrationMilliseconds + Math.Min(ConvergenceMilliseconds(), Value(SysrangeMaxConvergenceTime)) + AveragingMilliseconds();

        /// <summary>Integration period in ms: SYSALS__INTEGRATION_PERIOD (16-bit) + 1.</summary>
        public int AlsIntegrationMilliseconds => Register16(SysalsIntegrationPeriod) + 1;

        private void ResetMeasurements()
        {
            _rangeBusy = false;
            _rangeContinuous = false;
            _rangeRun++;
            _alsBusy = false;
            _alsContinuous = false;
            _alsRun++;
        }

        // Readout averaging: 1.3 ms + 64.5 µs × READOUT__AVERAGING_SAMPLE_PERIOD (DocID026171 §2.7.1).
        private double AveragingMilliseconds() => 1.3 + (0.0645 * Value(ReadoutAveragingSamplePeriod));

        private double ConvergenceMilliseconds()
        {
            if (TargetDistanceMillimeters is not double distance || TargetReflectancePercent <= 0)
            {
                return double.PositiveInfinity;
            }

            double d = Math.Max(0, distance) / 50.0;
            return ReferenceConvergenceMilliseconds * d * d * (3.0 / TargetReflectancePercent);
        }

        // SYSRANGE__START / SYSALS__START: bit 0 starts (or, in continuous mode, stops) and clears itself; bit 1
        // selects continuous mode. A start while a measurement of that kind runs is lost.
        private void WriteRangeStart(byte value)
        {
            Registers[SysrangeStart].Value = (byte)(value & 0x02);
            if ((value & 0x01) == 0)
            {
                return;
            }

            if (_rangeContinuous)
            {
                _rangeContinuous = false;
                _rangeRun++;
                return;
            }

            if (_rangeBusy)
            {
                IgnoredStarts++;
                return;
            }

            _rangeContinuous = (value & 0x02) != 0;
            _rangeRun++;
            BeginRange(Board.Clock.NowTicks);
        }

        private void WriteAlsStart(byte value)
        {
            Registers[SysalsStart].Value = (byte)(value & 0x02);
            if ((value & 0x01) == 0)
            {
                return;
            }

            if (_alsContinuous)
            {
                _alsContinuous = false;
                _alsRun++;
                return;
            }

            if (_alsBusy)
            {
                IgnoredStarts++;
                return;
            }

            _alsContinuous = (value & 0x02) != 0;
            _alsRun++;
            BeginAls(Board.Clock.NowTicks);
        }

        private void BeginRange(long startTicks)
        {
            _rangeBusy = true;
            _rangeStartTicks = startTicks;
            SetDeviceReady(ResultRangeStatus, false);
            int run = _rangeRun;
            RangeOutcome outcome = MeasureRange();
            At(startTicks + ToTicks(outcome.DurationMilliseconds), () => CompleteOrStall(() => CompleteRange(run, outcome)));
        }

        private void CompleteRange(int run, RangeOutcome outcome)
        {
            if (run != _rangeRun && !_rangeBusy)
            {
                return; // powered down meanwhile
            }

            Registers[ResultRangeVal].Value = (byte)outcome.Value;
            Registers[ResultRangeRaw].Value = (byte)outcome.Raw;
            Registers[ResultRangeStatus].Value = (byte)((outcome.Code << 4) | 0x01);
            _rangeBusy = false;
            RangeMeasurementsCompleted++;
            Latch(0, Value(SystemInterruptConfigGpio) & 0x07, outcome.Value, Value(SysrangeThreshLow), Value(SysrangeThreshHigh), ErrorField(outcome.Code));

            if (_rangeContinuous && run == _rangeRun)
            {
                long period = ToTicks((Value(SysrangeIntermeasurementPeriod) + 1) * 10.0);
                At(Math.Max(Board.Clock.NowTicks, _rangeStartTicks + period), () =>
                {
                    if (_rangeContinuous && run == _rangeRun && !_rangeBusy)
                    {
                        BeginRange(Board.Clock.NowTicks);
                    }
                });
            }
        }

        private void BeginAls(long startTicks)
        {
            _alsBusy = true;
            _alsStartTicks = startTicks;
            SetDeviceReady(ResultAlsStatus, false);
            int run = _alsRun;
            AlsOutcome outcome = MeasureAls();
            At(startTicks + ToTicks(outcome.DurationMilliseconds), () => CompleteOrStall(() => CompleteAls(run, outcome)));
        }

        private void CompleteAls(int run, AlsOutcome outcome)
        {
            if (run != _alsRun && !_alsBusy)
            {
                return;
            }

            Registers[ResultAlsVal].Value = (byte)(outcome.Counts >> 8);
            Registers[ResultAlsVal + 1].Value = (byte)outcome.Counts;
            Registers[ResultAlsStatus].Value = (byte)((outcome.Code << 4) | 0x01);
            _alsBusy = false;
            AlsMeasurementsCompleted++;
            Latch(3, (Value(SystemInterruptConfigGpio) >> 3) & 0x07, outcome.Counts, Register16(SysalsThreshLow), Register16(SysalsThreshHigh), 0);

            // Interleaved mode: every ALS measurement is followed by a range measurement (DocID026171 §2.10).
            if (Value(InterleavedModeEnable) == 1 && !_rangeBusy)
            {
                _rangeRun++;
                BeginRange(Board.Clock.NowTicks);
            }

            if (_alsContinuous && run == _alsRun)
            {
                long period = ToTicks((Value(SysalsIntermeasurementPeriod) + 1) * 10.0);
                At(Math.Max(Board.Clock.NowTicks, _alsStartTicks + period), () =>
                {
                    if (_alsContinuous && run == _alsRun && !_alsBusy)
                    {
                        BeginAls(Board.Clock.NowTicks);
                    }
                });
            }
        }

        private void SetDeviceReady(int statusRegister, bool ready)
        {
            int value = Value(statusRegister);
            Registers[statusRegister].Value = (byte)(ready ? value | 0x01 : value & ~0x01);
        }

        // Codes 1–3 (VCSEL) raise the laser-safety error field (1), 4–5 (PLL) the PLL field (2) [U].
        private static int ErrorField(int code) => code is >= 1 and <= 3 ? 1 : code is 4 or 5 ? 2 : 0;

        private RangeOutcome MeasureRange()
        {
            double convergence = ConvergenceMilliseconds();
            int maxConvergence = Value(SysrangeMaxConvergenceTime);
            double duration = PreCalibrationMilliseconds + Math.Min(convergence, maxConvergence) + AveragingMilliseconds();
            if (ForcedRangeErrorCode is int forced)
            {
                int reported = forced is 12 or 14 ? 0 : 255;
                return new RangeOutcome(forced, reported, reported, duration);
            }

            if (convergence >= maxConvergence)
            {
                return new RangeOutcome(7, 255, 255, duration); // no target: max convergence
            }

            // The part measures short by its factory offset; SYSRANGE__PART_TO_PART_RANGE_OFFSET (in units of the
            // scaling) is added to the raw range.
            double rawMillimeters = TargetDistanceMillimeters.Value - FactoryOffsetMillimeters;
            int rawUnits = (int)Math.Round(rawMillimeters / RangeScalingFactor, MidpointRounding.AwayFromZero);
            int range = rawUnits + (sbyte)Value(SysrangePartToPartRangeOffset);
            if (range < 0)
            {
                return new RangeOutcome(12, 0, 0, duration);
            }

            if (range > 255)
            {
                return new RangeOutcome(13, 255, 255, duration);
            }

            if (range > OverflowUnits)
            {
                return new RangeOutcome(15, 255, range, duration);
            }

            return new RangeOutcome(0, range, range, duration);
        }

        // counts = lux × gain × t_int / 32, from lux = 0.32 × counts × 100 / (gain × t_int) (DocID026171 §2.13.4);
        // the 16-bit result saturates at 0xFFFF with ALS error 1 (overflow).
        private AlsOutcome MeasureAls()
        {
            int integration = AlsIntegrationMilliseconds;
            double duration = integration + AlsOverheadMilliseconds;
            double gain = ActualAlsGains[Value(SysalsAnalogueGain) & 0x07];
            double counts = Math.Round(Math.Max(0, AmbientLux) * gain * integration / 32.0, MidpointRounding.AwayFromZero);
            if (ForcedAlsErrorCode is int forced)
            {
                return new AlsOutcome(forced, forced == 1 ? 0xFFFF : 0, duration);
            }

            if (counts > 0xFFFF)
            {
                return new AlsOutcome(1, 0xFFFF, duration);
            }

            return new AlsOutcome(0, (int)counts, duration);
        }

        private readonly struct RangeOutcome
        {
            public RangeOutcome(int code, int value, int raw, double durationMilliseconds)
            {
                Code = code;
                Value = value;
                Raw = raw;
                DurationMilliseconds = durationMilliseconds;
            }

            public int Code { get; }

            public int Value { get; }

            public int Raw { get; }

            public double DurationMilliseconds { get; }
        }

        private readonly struct AlsOutcome
        {
            public AlsOutcome(int code, int counts, double durationMilliseconds)
            {
                Code = code;
                Counts = counts;
                DurationMilliseconds = durationMilliseconds;
            }

            public int Code { get; }

            public int Counts { get; }

            public double DurationMilliseconds { get; }
        }
    }
}
