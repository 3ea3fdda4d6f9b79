namespace Drivers.VL6180X
{
    public sealed partial class Vl6180X
    {
        private const int RecommendedAlsIntegrationMilliseconds = 100;

        // AN4545 Rev 2 §"mandatory: private registers" (the SR03 settings), in the published order: 30 registers with no
        // public names, one register per transfer. ST's API (VL6180x_RangeStaticInit), Pololu, Adafruit and Linux all
        // write them that way, and no source says the index auto-increments through this private space (the list
        // crosses 0x0FF to 0x100), so none of them is batched. This runs once per power-up: 30 transfers.
        private void LoadPrivateSettings()
        {
            WriteRegister8(0x207, 0x01);
            WriteRegister8(0x208, 0x01);
            WriteRegister8(0x096, 0x00);    // RANGE_SCALER = 0x00FD (253, 1x)
            WriteRegister8(0x097, 0xFD);
            WriteRegister8(0x0E3, 0x01);    // Rev 2 values (Rev 1: 0x00, 0x04)
            WriteRegister8(0x0E4, 0x03);
            WriteRegister8(0x0E5, 0x02);
            WriteRegister8(0x0E6, 0x01);
            WriteRegister8(0x0E7, 0x03);
            WriteRegister8(0x0F5, 0x02);
            WriteRegister8(0x0D9, 0x05);
            WriteRegister8(0x0DB, 0xCE);
            WriteRegister8(0x0DC, 0x03);
            WriteRegister8(0x0DD, 0xF8);
            WriteRegister8(0x09F, 0x00);
            WriteRegister8(0x0A3, 0x3C);
            WriteRegister8(0x0B7, 0x00);
            WriteRegister8(0x0BB, 0x3C);
            WriteRegister8(0x0B2, 0x09);
            WriteRegister8(0x0CA, 0x09);
            WriteRegister8(0x198, 0x01);
            WriteRegister8(0x1B0, 0x17);
            WriteRegister8(0x1AD, 0x00);
            WriteRegister8(0x0FF, 0x05);
            WriteRegister8(0x100, 0x05);
            WriteRegister8(0x199, 0x05);
            WriteRegister8(0x1A6, 0x1B);
            WriteRegister8(0x1AC, 0x3E);
            WriteRegister8(0x1A7, 0x1F);
            WriteRegister8(0x030, 0x00);
        }

        // AN4545 §"recommended: public registers", then SYSTEM__FRESH_OUT_OF_RESET = 0 last.
        private void LoadRecommendedSettings()
        {
            WriteRegister8(SYSTEM__MODE_GPIO1, Gpio1InterruptOutput);                 // GPIO1 = interrupt output, active low
            WriteRegister8(READOUT__AVERAGING_SAMPLE_PERIOD, 0x30);                   // 48 × 64.5 µs ≈ 4.3 ms
            WriteRegister8(SYSRANGE__VHV_REPEAT_RATE, 0xFF);                          // temperature recalibration every 255 ranges
            WriteRegister8(SYSRANGE__VHV_RECALIBRATE, 0x01);                          // one recalibration now

            // Two 8-bit registers in one write: 0x01B = 0x09 (100 ms range period), 0x01C = 0x31 (max convergence 49 ms).
            WriteRegister16(SYSRANGE__INTERMEASUREMENT_PERIOD, 0x0931);

            // 0x03E: 500 ms ALS period; 0x03F: gain 1; 0x040/0x041: integration 100 ms written as the 16-bit value 0x0063.
            WriteRegisters4(
                SYSALS__INTERMEASUREMENT_PERIOD,
                0x31,
                AlsDarkGain | (int)AlsGain.Gain1,
                0x00,
                RecommendedAlsIntegrationMilliseconds - 1);
            WriteRegister8(INTERLEAVED_MODE__ENABLE, 0x00);

            // 0x014: new-sample-ready interrupts for range and ALS; 0x015: clear all; 0x016: fresh out of reset = 0;
            // 0x017: no grouped-parameter hold.
            WriteRegisters4(
                SYSTEM__INTERRUPT_CONFIG_GPIO,
                ((int)InterruptMode.NewSampleReady << AlsFieldShift) | (int)InterruptMode.NewSampleReady,
                ClearRange | ClearAls | ClearError,
                0x00,
                0x00);
        }
    }
}
