using VirtualBoard;

namespace Simulators.Vl6180X
{
    /// <summary>
    /// The VL6180X register table as the simulator declares it: datasheet DocID026171 Rev 6 §6.2 (names, widths 8/16/32
    /// big-endian, per-field access: start bits self-clearing, SYSTEM__INTERRUPT_CLEAR clearing the fields of
    /// RESULT__INTERRUPT_STATUS_GPIO on write), power-on values from the datasheet where it gives them, otherwise marked
    /// [U] (assumed). Bits the datasheet lists as reserved in a register with declared fields are read-only. The AN4545 private registers have no public
    /// names; they are plain bytes. Every register of the datasheet's map is declared. The history buffer
    /// (RESULT__HISTORY_BUFFER_0..7) is not modelled: its registers read 0, and enabling it through SYSTEM__HISTORY_CTRL
    /// throws, so that nothing can rely on it by accident.
    /// </summary>
    internal static class Vl6180XRegisters
    {
        public const int IdentificationModelId = 0x000;
        public const int SystemModeGpio1 = 0x011;
        public const int SystemHistoryCtrl = 0x012;
        public const int SystemInterruptConfigGpio = 0x014;
        public const int SystemInterruptClear = 0x015;
        public const int SystemFreshOutOfReset = 0x016;
        public const int SystemGroupedParameterHold = 0x017;
        public const int SysrangeStart = 0x018;
        public const int SysrangeThreshHigh = 0x019;
        public const int SysrangeThreshLow = 0x01A;
        public const int SysrangeIntermeasurementPeriod = 0x01B;
        public const int SysrangeMaxConvergenceTime = 0x01C;
        public const int SysrangePartToPartRangeOffset = 0x024;
        public const int SysrangeVhvRecalibrate = 0x02E;
        public const int SysalsStart = 0x038;
        public const int SysalsThreshHigh = 0x03A;
        public const int SysalsThreshLow = 0x03C;
        public const int SysalsIntermeasurementPeriod = 0x03E;
        public const int SysalsAnalogueGain = 0x03F;
        public const int SysalsIntegrationPeriod = 0x040;
        public const int ResultRangeStatus = 0x04D;
        public const int ResultAlsStatus = 0x04E;
        public const int ResultInterruptStatusGpio = 0x04F;
        public const int ResultAlsVal = 0x050;
        public const int ResultHistoryBuffer = 0x052;
        public const int ResultRangeVal = 0x062;
        public const int ResultRangeRaw = 0x064;
        public const int ResultRangeReturnRate = 0x066;              // 16-bit, 9.7 Mcps
        public const int ResultRangeReferenceRate = 0x068;           // 16-bit, 9.7 Mcps
        public const int ResultRangeReturnSignalCount = 0x06C;       // 32-bit
        public const int ResultRangeReferenceSignalCount = 0x070;    // 32-bit
        public const int ResultRangeReturnAmbCount = 0x074;          // 32-bit
        public const int ResultRangeReferenceAmbCount = 0x078;       // 32-bit
        public const int ResultRangeReturnConvTime = 0x07C;          // 32-bit, µs
        public const int ResultRangeReferenceConvTime = 0x080;       // 32-bit, µs
        public const int FirmwareBootup = 0x119;

        /// <summary>SYSALS__INTEGRATION_PERIOD value that locks the device out (ST's VL6180x_AlsSetIntegrationPeriod never writes it).</summary>
        public const int IntegrationLockOutValue = 255;
        public const int RangeScaler = 0x096;
        public const int ReadoutAveragingSamplePeriod = 0x10A;
        public const int I2cSlaveDeviceAddress = 0x212;
        public const int InterleavedModeEnable = 0x2A3;

        /// <summary>AN4545 "mandatory: private registers" (0x096/0x097 are RANGE_SCALER and declared with it).</summary>
        public static readonly int[] PrivateRegisters =
        {
            0x207, 0x208, 0x0E3, 0x0E4, 0x0E5, 0x0E6, 0x0E7, 0x0F5, 0x0D9, 0x0DB, 0x0DC, 0x0DD, 0x09F, 0x0A3, 0x0B7, 0x0BB,
            0x0B2, 0x0CA, 0x198, 0x1B0, 0x1AD, 0x0FF, 0x100, 0x199, 0x1A6, 0x1AC, 0x1A7, 0x030,
        };

        /// <summary>
        /// SYSTEM__INTERRUPT_CLEAR bits and the RESULT__INTERRUPT_STATUS_GPIO field each clears (DocID026171 §6.2):
        /// bit 0 the range field [2:0], bit 1 the ALS field [5:3], bit 2 the error field [7:6].
        /// </summary>
        public const int ClearRangeBit = 0x01, RangeStatusField = 0x07;
        public const int ClearAlsBit = 0x02, AlsStatusField = 0x38;
        public const int ClearErrorBit = 0x04, ErrorStatusField = 0xC0;

        /// <summary>SYSRANGE__START / SYSALS__START: bit 0 startstop (self-clearing), bit 1 select_mode (1 = continuous).</summary>
        public const int StartStopBit = 0x01, ContinuousModeBit = 0x02;

        public static RegisterMap Create(sbyte factoryOffsetMillimeters, byte modelId)
        {
            var map = new RegisterMap("VL6180X");
            const RegisterAccess R = RegisterAccess.ReadOnly;
            const RegisterAccess RW = RegisterAccess.ReadWrite;
            const RegisterAccess SC = RegisterAccess.SelfClearing;

            map.Define(IdentificationModelId, "IDENTIFICATION__MODEL_ID", 8, modelId, R);
            map.Define(0x001, "IDENTIFICATION__MODEL_REV_MAJOR", 8, 0x01, R);
            map.Define(0x002, "IDENTIFICATION__MODEL_REV_MINOR", 8, 0x03, R);
            map.Define(0x003, "IDENTIFICATION__MODULE_REV_MAJOR", 8, 0x01, R);
            map.Define(0x004, "IDENTIFICATION__MODULE_REV_MINOR", 8, 0x02, R);
            map.Define(0x006, "IDENTIFICATION__DATE_HI", 8, 0x00, R);
            map.Define(0x007, "IDENTIFICATION__DATE_LO", 8, 0x00, R);
            map.Define(0x008, "IDENTIFICATION__TIME", 16, 0x0000, R);

            map.Define(0x010, "SYSTEM__MODE_GPIO0", 8, 0x60, RW);                     // [U] GPIO0 = chip enable
            map.Define(SystemModeGpio1, "SYSTEM__MODE_GPIO1", 8, 0x20, RW);            // [U] function off (Hi-Z)
            map.Define(SystemHistoryCtrl, "SYSTEM__HISTORY_CTRL", 8, 0x00, RW);
            map.Define(SystemInterruptConfigGpio, "SYSTEM__INTERRUPT_CONFIG_GPIO", 8, 0x00, RW)
                .Field("range_int_mode", 0, 3, RW)
                .Field("als_int_mode", 3, 3, RW);
            Register interruptStatus = map.Define(ResultInterruptStatusGpio, "RESULT__INTERRUPT_STATUS_GPIO", 8, 0x00, R)
                .Field("range_int_gpio", 0, 3, R)
                .Field("als_int_gpio", 3, 3, R)
                .Field("error_int_gpio", 6, 2, R);
            map.Define(SystemInterruptClear, "SYSTEM__INTERRUPT_CLEAR", 8, 0x00, RegisterAccess.WriteOnly)
                .Field("clear_range_int", 0, 1, SC)
                .Field("clear_als_int", 1, 1, SC)
                .Field("clear_error_int", 2, 1, SC)
                .ClearsOnWrite(ClearRangeBit, interruptStatus, RangeStatusField)
                .ClearsOnWrite(ClearAlsBit, interruptStatus, AlsStatusField)
                .ClearsOnWrite(ClearErrorBit, interruptStatus, ErrorStatusField);
            map.Define(SystemFreshOutOfReset, "SYSTEM__FRESH_OUT_OF_RESET", 8, 0x01, RW);
            map.Define(SystemGroupedParameterHold, "SYSTEM__GROUPED_PARAMETER_HOLD", 8, 0x00, R)
                .Field("grouped_parameter_hold", 0, 1, RW);

            map.Define(SysrangeStart, "SYSRANGE__START", 8, 0x00, R)
                .Field("startstop", 0, 1, SC)
                .Field("select_mode", 1, 1, RW);
            map.Define(SysrangeThreshHigh, "SYSRANGE__THRESH_HIGH", 8, 0xFF, RW);        // [U]
            map.Define(SysrangeThreshLow, "SYSRANGE__THRESH_LOW", 8, 0x00, RW);          // [U]
            map.Define(SysrangeIntermeasurementPeriod, "SYSRANGE__INTERMEASUREMENT_PERIOD", 8, 0xFF, RW); // [U]
            map.Define(SysrangeMaxConvergenceTime, "SYSRANGE__MAX_CONVERGENCE_TIME", 8, 0x31, RW);
            map.Define(0x01E, "SYSRANGE__CROSSTALK_COMPENSATION_RATE", 16, 0x0000, RW);
            map.Define(0x021, "SYSRANGE__CROSSTALK_VALID_HEIGHT", 8, 0x14, RW);
            map.Define(0x022, "SYSRANGE__EARLY_CONVERGENCE_ESTIMATE", 16, 0x0000, RW);
            map.Define(SysrangePartToPartRangeOffset, "SYSRANGE__PART_TO_PART_RANGE_OFFSET", 8, unchecked((byte)factoryOffsetMillimeters), RW);
            map.Define(0x025, "SYSRANGE__RANGE_IGNORE_VALID_HEIGHT", 8, 0x00, RW);
            map.Define(0x026, "SYSRANGE__RANGE_IGNORE_THRESHOLD", 16, 0x0000, RW);

            // ST's VL6180x_InitData reads 32 bits from 0x026 (the ambient part-to-part NVM value in 0x028/0x029, no
            // public name); VL6180x_UpscaleRegInit writes it back to 0x0DA. Power-on contents are per part [U].
            map.Define(0x028, "private 0x028 (part-to-part ambient NVM)", 16, 0x0000, RW);
            map.Define(0x0DA, "private 0x0DA (ER02 tuning)", 8, 0x00, RW);
            map.Define(0x02C, "SYSRANGE__MAX_AMBIENT_LEVEL_MULT", 8, 0xA0, RW);         // [U]
            map.Define(0x02D, "SYSRANGE__RANGE_CHECK_ENABLES", 8, 0x11, RW);            // [U] ECE + SNR
            map.Define(SysrangeVhvRecalibrate, "SYSRANGE__VHV_RECALIBRATE", 8, 0x00, R)
                .Field("vhv_recalibrate", 0, 1, SC);
            map.Define(0x031, "SYSRANGE__VHV_REPEAT_RATE", 8, 0x00, RW);

            map.Define(SysalsStart, "SYSALS__START", 8, 0x00, R)
                .Field("startstop", 0, 1, SC)
                .Field("select_mode", 1, 1, RW);
            map.Define(SysalsThreshHigh, "SYSALS__THRESH_HIGH", 16, 0xFFFF, RW);        // [U]
            map.Define(SysalsThreshLow, "SYSALS__THRESH_LOW", 16, 0x0000, RW);
            map.Define(SysalsIntermeasurementPeriod, "SYSALS__INTERMEASUREMENT_PERIOD", 8, 0xFF, RW); // [U]
            map.Define(SysalsAnalogueGain, "SYSALS__ANALOGUE_GAIN", 8, 0x06, RW);       // [U]
            map.Define(SysalsIntegrationPeriod, "SYSALS__INTEGRATION_PERIOD", 16, 0x0000, RW); // [U]

            map.Define(ResultRangeStatus, "RESULT__RANGE_STATUS", 8, 0x01, R)           // device ready, no error
                .Field("range_device_ready", 0, 1, R)
                .Field("range_error_code", 4, 4, R);
            map.Define(ResultAlsStatus, "RESULT__ALS_STATUS", 8, 0x01, R)
                .Field("als_device_ready", 0, 1, R)
                .Field("als_error_code", 4, 4, R);
            map.Define(ResultAlsVal, "RESULT__ALS_VAL", 16, 0x0000, R);
            for (int i = 0; i < 8; i++)
            {
                map.Define(ResultHistoryBuffer + (2 * i), $"RESULT__HISTORY_BUFFER_{i}", 16, 0x0000, R);
            }

            map.Define(ResultRangeVal, "RESULT__RANGE_VAL", 8, 0x00, R);
            map.Define(ResultRangeRaw, "RESULT__RANGE_RAW", 8, 0x00, R);
            map.Define(ResultRangeReturnRate, "RESULT__RANGE_RETURN_RATE", 16, 0, R);
            map.Define(ResultRangeReferenceRate, "RESULT__RANGE_REFERENCE_RATE", 16, 0, R);
            map.Define(ResultRangeReturnSignalCount, "RESULT__RANGE_RETURN_SIGNAL_COUNT", 32, 0, R);
            map.Define(ResultRangeReferenceSignalCount, "RESULT__RANGE_REFERENCE_SIGNAL_COUNT", 32, 0, R);
            map.Define(ResultRangeReturnAmbCount, "RESULT__RANGE_RETURN_AMB_COUNT", 32, 0, R);
            map.Define(ResultRangeReferenceAmbCount, "RESULT__RANGE_REFERENCE_AMB_COUNT", 32, 0, R);
            map.Define(ResultRangeReturnConvTime, "RESULT__RANGE_RETURN_CONV_TIME", 32, 0, R);
            map.Define(ResultRangeReferenceConvTime, "RESULT__RANGE_REFERENCE_CONV_TIME", 32, 0, R);

            map.Define(RangeScaler, "RANGE_SCALER", 16, 0x00FD, RW);                     // [U] 253 = 1x
            map.Define(ReadoutAveragingSamplePeriod, "READOUT__AVERAGING_SAMPLE_PERIOD", 8, 0x30, RW);
            map.Define(FirmwareBootup, "FIRMWARE__BOOTUP", 8, 0x01, R)
                .Field("firmware_bootup", 0, 1, R);
            map.Define(0x120, "FIRMWARE__RESULT_SCALER", 8, 0x01, R);
            map.Define(I2cSlaveDeviceAddress, "I2C_SLAVE__DEVICE_ADDRESS", 8, 0x29, R)
                .Field("i2c_slave_device_address", 0, 7, RW);
            map.Define(InterleavedModeEnable, "INTERLEAVED_MODE__ENABLE", 8, 0x00, RW);

            foreach (int address in PrivateRegisters)
            {
                map.Define(address, $"private 0x{address:X3} (AN4545)", 8, 0x00, RW);     // [U] power-on value
            }

            return map;
        }
    }
}
