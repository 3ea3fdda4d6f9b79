using VirtualBoard;

namespace Simulators.Vl6180X
{
    /// <summary>
    /// The VL6180X register file as the simulator declares it: datasheet DocID026171 Rev 6 §6.2 (names, widths, access),
    /// power-on values from the datasheet where hardware.md gives them, otherwise marked [U] (assumed). Multi-byte
    /// registers are declared byte by byte, most significant byte first. The AN4545 private registers have no public
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

        public static RegisterMap Create(sbyte factoryOffsetMillimeters, byte modelId)
        {
            var map = new RegisterMap("VL6180X");
            const RegisterAccess R = RegisterAccess.ReadOnly;
            const RegisterAccess RW = RegisterAccess.ReadWrite;

            map.Define(IdentificationModelId, "IDENTIFICATION__MODEL_ID", modelId, R);
            map.Define(0x001, "IDENTIFICATION__MODEL_REV_MAJOR", 0x01, R);
            map.Define(0x002, "IDENTIFICATION__MODEL_REV_MINOR", 0x03, R);
            map.Define(0x003, "IDENTIFICATION__MODULE_REV_MAJOR", 0x01, R);
            map.Define(0x004, "IDENTIFICATION__MODULE_REV_MINOR", 0x02, R);
            map.Define(0x006, "IDENTIFICATION__DATE_HI", 0x00, R);
            map.Define(0x007, "IDENTIFICATION__DATE_LO", 0x00, R);
            map.Define(0x008, "IDENTIFICATION__TIME (MSB)", 0x00, R);
            map.Define(0x009, "IDENTIFICATION__TIME (LSB)", 0x00, R);

            map.Define(0x010, "SYSTEM__MODE_GPIO0", 0x60, RW);                        // [U] GPIO0 = chip enable
            map.Define(SystemModeGpio1, "SYSTEM__MODE_GPIO1", 0x20, RW);               // [U] function off (Hi-Z)
            map.Define(SystemHistoryCtrl, "SYSTEM__HISTORY_CTRL", 0x00, RW);
            map.Define(SystemInterruptConfigGpio, "SYSTEM__INTERRUPT_CONFIG_GPIO", 0x00, RW);
            map.Define(SystemInterruptClear, "SYSTEM__INTERRUPT_CLEAR", 0x00, RegisterAccess.WriteOnly);
            map.Define(SystemFreshOutOfReset, "SYSTEM__FRESH_OUT_OF_RESET", 0x01, RW);
            map.Define(SystemGroupedParameterHold, "SYSTEM__GROUPED_PARAMETER_HOLD", 0x00, RW);

            map.Define(SysrangeStart, "SYSRANGE__START", 0x00, RW);
            map.Define(SysrangeThreshHigh, "SYSRANGE__THRESH_HIGH", 0xFF, RW);          // [U]
            map.Define(SysrangeThreshLow, "SYSRANGE__THRESH_LOW", 0x00, RW);            // [U]
            map.Define(SysrangeIntermeasurementPeriod, "SYSRANGE__INTERMEASUREMENT_PERIOD", 0xFF, RW); // [U]
            map.Define(SysrangeMaxConvergenceTime, "SYSRANGE__MAX_CONVERGENCE_TIME", 0x31, RW);
            map.Define(0x01E, "SYSRANGE__CROSSTALK_COMPENSATION_RATE (MSB)", 0x00, RW);
            map.Define(0x01F, "SYSRANGE__CROSSTALK_COMPENSATION_RATE (LSB)", 0x00, RW);
            map.Define(0x021, "SYSRANGE__CROSSTALK_VALID_HEIGHT", 0x14, RW);
            map.Define(0x022, "SYSRANGE__EARLY_CONVERGENCE_ESTIMATE (MSB)", 0x00, RW);
            map.Define(0x023, "SYSRANGE__EARLY_CONVERGENCE_ESTIMATE (LSB)", 0x00, RW);
            map.Define(SysrangePartToPartRangeOffset, "SYSRANGE__PART_TO_PART_RANGE_OFFSET", unchecked((byte)factoryOffsetMillimeters), RW);
            map.Define(0x025, "SYSRANGE__RANGE_IGNORE_VALID_HEIGHT", 0x00, RW);
            map.Define(0x026, "SYSRANGE__RANGE_IGNORE_THRESHOLD (MSB)", 0x00, RW);
            map.Define(0x027, "SYSRANGE__RANGE_IGNORE_THRESHOLD (LSB)", 0x00, RW);

            // ST's VL6180x_InitData reads 32 bits from 0x026 (the ambient part-to-part NVM value in 0x028/0x029, no
            // public name); VL6180x_UpscaleRegInit writes it back to 0x0DA. Power-on contents are per part [U].
            map.Define(0x028, "private 0x028 (part-to-part ambient NVM, MSB)", 0x00, RW);
            map.Define(0x029, "private 0x029 (part-to-part ambient NVM, LSB)", 0x00, RW);
            map.Define(0x0DA, "private 0x0DA (ER02 tuning)", 0x00, RW);
            map.Define(0x02C, "SYSRANGE__MAX_AMBIENT_LEVEL_MULT", 0xA0, RW);            // [U]
            map.Define(0x02D, "SYSRANGE__RANGE_CHECK_ENABLES", 0x11, RW);               // [U] ECE + SNR
            map.Define(SysrangeVhvRecalibrate, "SYSRANGE__VHV_RECALIBRATE", 0x00, RW);
            map.Define(0x031, "SYSRANGE__VHV_REPEAT_RATE", 0x00, RW);

            map.Define(SysalsStart, "SYSALS__START", 0x00, RW);
            map.Define(SysalsThreshHigh, "SYSALS__THRESH_HIGH (MSB)", 0xFF, RW);        // [U]
            map.Define(SysalsThreshHigh + 1, "SYSALS__THRESH_HIGH (LSB)", 0xFF, RW);
            map.Define(SysalsThreshLow, "SYSALS__THRESH_LOW (MSB)", 0x00, RW);
            map.Define(SysalsThreshLow + 1, "SYSALS__THRESH_LOW (LSB)", 0x00, RW);
            map.Define(SysalsIntermeasurementPeriod, "SYSALS__INTERMEASUREMENT_PERIOD", 0xFF, RW); // [U]
            map.Define(SysalsAnalogueGain, "SYSALS__ANALOGUE_GAIN", 0x06, RW);          // [U]
            map.Define(SysalsIntegrationPeriod, "SYSALS__INTEGRATION_PERIOD (MSB)", 0x00, RW); // [U]
            map.Define(SysalsIntegrationPeriod + 1, "SYSALS__INTEGRATION_PERIOD (LSB)", 0x00, RW);

            map.Define(ResultRangeStatus, "RESULT__RANGE_STATUS", 0x01, R);             // device ready, no error
            map.Define(ResultAlsStatus, "RESULT__ALS_STATUS", 0x01, R);
            map.Define(ResultInterruptStatusGpio, "RESULT__INTERRUPT_STATUS_GPIO", 0x00, R);
            map.Define(ResultAlsVal, "RESULT__ALS_VAL (MSB)", 0x00, R);
            map.Define(ResultAlsVal + 1, "RESULT__ALS_VAL (LSB)", 0x00, R);
            for (int i = 0; i < 16; i++)
            {
                map.Define(ResultHistoryBuffer + i, $"RESULT__HISTORY_BUFFER_{i / 2} ({(i % 2 == 0 ? "MSB" : "LSB")})", 0x00, R);
            }

            map.Define(ResultRangeVal, "RESULT__RANGE_VAL", 0x00, R);
            map.Define(ResultRangeRaw, "RESULT__RANGE_RAW", 0x00, R);
            DefineWide(map, ResultRangeReturnRate, "RESULT__RANGE_RETURN_RATE", 2);
            DefineWide(map, ResultRangeReferenceRate, "RESULT__RANGE_REFERENCE_RATE", 2);
            DefineWide(map, ResultRangeReturnSignalCount, "RESULT__RANGE_RETURN_SIGNAL_COUNT", 4);
            DefineWide(map, ResultRangeReferenceSignalCount, "RESULT__RANGE_REFERENCE_SIGNAL_COUNT", 4);
            DefineWide(map, ResultRangeReturnAmbCount, "RESULT__RANGE_RETURN_AMB_COUNT", 4);
            DefineWide(map, ResultRangeReferenceAmbCount, "RESULT__RANGE_REFERENCE_AMB_COUNT", 4);
            DefineWide(map, ResultRangeReturnConvTime, "RESULT__RANGE_RETURN_CONV_TIME", 4);
            DefineWide(map, ResultRangeReferenceConvTime, "RESULT__RANGE_REFERENCE_CONV_TIME", 4);

            map.Define(RangeScaler, "RANGE_SCALER (MSB)", 0x00, RW);                     // [U] 253 = 1×
            map.Define(RangeScaler + 1, "RANGE_SCALER (LSB)", 0xFD, RW);
            map.Define(ReadoutAveragingSamplePeriod, "READOUT__AVERAGING_SAMPLE_PERIOD", 0x30, RW);
            map.Define(FirmwareBootup, "FIRMWARE__BOOTUP", 0x01, R);                    // bit 0: firmware has booted
            map.Define(0x120, "FIRMWARE__RESULT_SCALER", 0x01, R);
            map.Define(I2cSlaveDeviceAddress, "I2C_SLAVE__DEVICE_ADDRESS", 0x29, RW);
            map.Define(InterleavedModeEnable, "INTERLEAVED_MODE__ENABLE", 0x00, RW);

            foreach (int address in PrivateRegisters)
            {
                map.Define(address, $"private 0x{address:X3} (AN4545)", 0x00, RW);        // [U] power-on value
            }

            return map;
        }

        // A read-only result register of 2 or 4 bytes, big-endian, declared byte by byte; 0 until the first measurement.
        private static void DefineWide(RegisterMap map, int address, string name, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                map.Define(address + i, $"{name} (byte {i} of {bytes}, MSB first)", 0x00, RegisterAccess.ReadOnly);
            }
        }
    }
}
