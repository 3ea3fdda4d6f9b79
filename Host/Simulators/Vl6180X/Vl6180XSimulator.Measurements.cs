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

        /// <summary>
        /// Return signal rate of a 3 % target at 50 mm, Mcps. Not published [U]; the model keeps the datasheet's
        /// proportions: the rate falls with distance² and rises with reflectance, and a measurement converges after a
        /// fixed number of return counts, so that rate × convergence time is constant.
        /// </summary>
        public const double ReferenceReturnRateMcps = 1.0;

        /// <summary>Reference-channel signal rate (internal reference path), Mcps; not published [U], constant in the model.</summary>
        public const double ReferenceChannelRateMcps = 2.0;

        /// <summary>Ambient counts per µs per lux on the return and reference channels; not published [U].</summary>
        public const double AmbientCountsPerMicrosecondPerLux = 0.0001;

        /// <summary>Actual ALS gains of the eight SYSALS__ANALOGUE_GAIN codes (DocID026171 Table 13).</summary>
        public static readonly double[] ActualAlsGains = { 20.0, 10.32, 5.21, 2.60, 1.72, 1.28, 1.01, 40.0 };

        private readonly Channel _range = new Channel(SysrangeStart, ResultRangeStatus, SysrangeIntermeasurementPeriod);
        private readonly Channel _als = new Channel(SysalsStart, ResultAlsStatus, SysalsIntermeasurementPeriod);

        /// <summary>Range measurements completed since power-up.</summary>
        public int RangeMeasurementsCompleted { get; private set; }

        /// <summary>ALS measurements completed since power-up.</summary>
        public int AlsMeasurementsCompleted { get; private set; }

        /// <summary>Whether a range measurement is in progress.</summary>
        public bool RangeBusy => _range.Busy;

        /// <summary>Whether continuous ranging runs.</summary>
        public bool RangeContinuous => _range.Continuous;

        /// <summary>Whether an ALS measurement is in progress.</summary>
        public bool AlsBusy => _als.Busy;

        /// <summary>Whether continuous ALS (or interleaved) runs.</summary>
        public bool AlsContinuous => _als.Continuous;

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
            _range.Stop();
            _range.Busy = false;
            _als.Stop();
            _als.Busy = false;
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

        private void WriteRangeStart(int value) => WriteStart(_range, value, BeginRange);

        private void WriteAlsStart(int value) => WriteStart(_als, value, BeginAls);

        // SYSRANGE__START / SYSALS__START: startstop starts (or, in continuous mode, stops) a measurement; the table
        // clears it after this hook. select_mode chooses continuous mode. A start while a measurement of that kind runs
        // is lost.
        private void WriteStart(Channel channel, int value, Action<long> begin)
        {
            Registers[channel.StartRegister].Value = value;
            if ((value & StartStopBit) == 0)
            {
                return;
            }

            if (channel.Continuous)
            {
                channel.Stop(); // a measurement in flight still completes
                return;
            }

            if (channel.Busy)
            {
                IgnoredStarts++;
                return;
            }

            channel.Continuous = (value & ContinuousModeBit) != 0;
            channel.Run++;
            begin(Board.Clock.NowTicks);
        }

        // Marks the channel busy and returns the run the measurement belongs to.
        private int Started(Channel channel, long startTicks)
        {
            channel.Busy = true;
            channel.StartTicks = startTicks;
            SetDeviceReady(channel.StatusRegister, false);
            return channel.Run;
        }

        // False when the chip was powered down since the measurement started.
        private static bool Finished(Channel channel, int run)
        {
            if (run != channel.Run && !channel.Busy)
            {
                return false;
            }

            channel.Busy = false;
            return true;
        }

        // Continuous mode: the next measurement starts one period after the previous start, or at once if that is past.
        private void ScheduleNext(Channel channel, int run, Action<long> begin)
        {
            if (!channel.Continuous || run != channel.Run)
            {
                return;
            }

            long period = ToTicks((Value(channel.PeriodRegister) + 1) * 10.0);
            At(Math.Max(Board.Clock.NowTicks, channel.StartTicks + period), () =>
            {
                if (channel.Continuous && run == channel.Run && !channel.Busy)
                {
                    begin(Board.Clock.NowTicks);
                }
            });
        }

        private void BeginRange(long startTicks)
        {
            int run = Started(_range, startTicks);
            RangeOutcome outcome = MeasureRange();
            At(startTicks + ToTicks(outcome.DurationMilliseconds), () => CompleteOrStall(() => CompleteRange(run, outcome)));
        }

        private void CompleteRange(int run, RangeOutcome outcome)
        {
            if (!Finished(_range, run))
            {
                return;
            }

            RangeMeasurementsCompleted++;
            if (InjectedDeviceError is int error)
            {
                SetDeviceReady(ResultRangeStatus, true);
                LatchDeviceError(error);
            }
            else
            {
                Registers[ResultRangeVal].Value = outcome.Value & 0xFF;
                Registers[ResultRangeRaw].Value = outcome.Raw & 0xFF;
                Registers[ResultRangeStatus].Value = (outcome.Code << 4) | 0x01;
                WriteRangeRates(outcome);
                Latch(0, Value(SystemInterruptConfigGpio) & 0x07, outcome.Value, Value(SysrangeThreshLow), Value(SysrangeThreshHigh));
            }

            ScheduleNext(_range, run, BeginRange);
        }

        private void BeginAls(long startTicks)
        {
            int run = Started(_als, startTicks);
            if (Register16(SysalsIntegrationPeriod) == IntegrationLockOutValue)
            {
                // ST's VL6180x_AlsSetIntegrationPeriod never writes 255 because it locks the device out; what the
                // lock-out looks like is not published [U]: modelled as a measurement that never ends.
                LockedOut = true;
                return;
            }

            AlsOutcome outcome = MeasureAls();
            At(startTicks + ToTicks(outcome.DurationMilliseconds), () => CompleteOrStall(() => CompleteAls(run, outcome)));
        }

        private void CompleteAls(int run, AlsOutcome outcome)
        {
            if (!Finished(_als, run))
            {
                return;
            }

            AlsMeasurementsCompleted++;
            if (InjectedDeviceError is int error)
            {
                SetDeviceReady(ResultAlsStatus, true);
                LatchDeviceError(error);
            }
            else
            {
                Registers[ResultAlsVal].Value = outcome.Counts & 0xFFFF;
                Registers[ResultAlsStatus].Value = (outcome.Code << 4) | 0x01;
                Latch(3, (Value(SystemInterruptConfigGpio) >> 3) & 0x07, outcome.Counts, Register16(SysalsThreshLow), Register16(SysalsThreshHigh));
            }

            // Interleaved mode: every ALS measurement is followed by a range measurement (DocID026171 §2.10).
            if (Value(InterleavedModeEnable) == 1 && !_range.Busy)
            {
                _range.Run++;
                BeginRange(Board.Clock.NowTicks);
            }

            ScheduleNext(_als, run, BeginAls);
        }

        // RESULT__RANGE_RETURN/REFERENCE rates (9.7 fixed point, Mcps), signal and ambient counts, and convergence times
        // (µs) of the measurement (DocID026171 §6.2 names and formats; values from the [U] model above). With no target
        // the return convergence time equals SYSRANGE__MAX_CONVERGENCE_TIME and the return rate is 0.
        private void WriteRangeRates(RangeOutcome outcome)
        {
            double convergence = ConvergenceMilliseconds();
            double maxConvergence = Value(SysrangeMaxConvergenceTime);
            bool target = convergence < maxConvergence;
            double convergenceMicroseconds = Math.Min(convergence, maxConvergence) * 1000;
            double returnRate = target ? ReferenceReturnRateMcps * 4.35 / convergence : 0;
            double ambient = Math.Max(0, AmbientLux) * AmbientCountsPerMicrosecondPerLux * convergenceMicroseconds;
            WriteResult(ResultRangeReturnRate, returnRate * 128);
            WriteResult(ResultRangeReferenceRate, ReferenceChannelRateMcps * 128);
            WriteResult(ResultRangeReturnSignalCount, returnRate * convergenceMicroseconds);
            WriteResult(ResultRangeReferenceSignalCount, ReferenceChannelRateMcps * convergenceMicroseconds);
            WriteResult(ResultRangeReturnAmbCount, ambient);
            WriteResult(ResultRangeReferenceAmbCount, ambient);
            WriteResult(ResultRangeReturnConvTime, convergenceMicroseconds);
            WriteResult(ResultRangeReferenceConvTime, convergenceMicroseconds);
        }

        // A 16- or 32-bit result, rounded and saturated at the register's width.
        private void WriteResult(int address, double value)
        {
            Register register = Registers[address];
            double max = register.WidthBits == 16 ? 0xFFFF : uint.MaxValue;
            uint v = (uint)Math.Round(Math.Clamp(value, 0, max), MidpointRounding.AwayFromZero);
            register.Value = unchecked((int)v);
        }

        private void SetDeviceReady(int statusRegister, bool ready)
        {
            int value = Value(statusRegister);
            Registers[statusRegister].Value = ready ? value | 0x01 : value & ~0x01;
        }

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

        // One measurement channel (range or ALS) and its start/stop state.
        private sealed class Channel
        {
            public Channel(int startRegister, int statusRegister, int periodRegister)
            {
                StartRegister = startRegister;
                StatusRegister = statusRegister;
                PeriodRegister = periodRegister;
            }

            public int StartRegister { get; }

            public int StatusRegister { get; }

            public int PeriodRegister { get; }

            public bool Busy { get; set; }

            public bool Continuous { get; set; }

            public long StartTicks { get; set; }

            /// <summary>Counts starts and stops, so that callbacks of an earlier run know they are stale.</summary>
            public int Run { get; set; }

            public void Stop()
            {
                Continuous = false;
                Run++;
            }
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
