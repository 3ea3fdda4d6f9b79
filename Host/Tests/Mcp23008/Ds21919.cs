namespace HostTests.Mcp23008Tests
{
    /// <summary>MCP23008 facts from the datasheet (DS21919 Table 1-2 and §1.6.6), typed here for the tests' expectations.</summary>
    internal static class Ds21919
    {
        public const int IODIR = 0x00;
        public const int IPOL = 0x01;
        public const int GPINTEN = 0x02;
        public const int DEFVAL = 0x03;
        public const int INTCON = 0x04;
        public const int IOCON = 0x05;
        public const int GPPU = 0x06;
        public const int INTF = 0x07;
        public const int INTCAP = 0x08;
        public const int GPIO = 0x09;
        public const int OLAT = 0x0A;

        public const byte SEQOP = 0x20;
        public const byte DISSLW = 0x10;
        public const byte ODR = 0x04;
        public const byte INTPOL = 0x02;

        /// <summary>The bench: MCP23008 at 0x20 on I2C1, INT to ESP32 GPIO27.</summary>
        public const int Address = 0x20;
        public const int InterruptGpio = 27;
    }
}
