using VirtualBoard;

namespace nanoFramework.Runtime.Native
{
    /// <summary>nanoFramework 1.x garbage collector control.</summary>
    public static class GC
    {
        /// <summary>
        /// Forces a full collection and returns the free managed-heap bytes. On the host the figure is
        /// <see cref="Board.ManagedHeapBytes"/> minus the .NET heap in use: host bytes, not nanoCLR bytes.
        /// Memory tests measure through the heap meter, whose host implementation uses the nanoCLR model instead.
        /// </summary>
        public static uint Run(bool compactHeap)
        {
            System.GC.Collect();
            System.GC.WaitForPendingFinalizers();
            System.GC.Collect();
            long free = Board.ManagedHeapBytes - System.GC.GetTotalMemory(false);
            return free < 0 ? 0u : (uint)free;
        }

        public static void EnableGCMessages(bool enable)
        {
        }
    }
}

namespace nanoFramework.Runtime.Events
{
    /// <summary>Base of the events the native layer posts.</summary>
    public class BaseEvent
    {
        public ushort Source;
        public byte Message;
    }

    /// <summary>Categories of native events.</summary>
    public enum EventCategory
    {
        Unknown = 0,
        Custom = 10,
        Gpio = 20,
        SerialDevice = 30,
        Network = 40,
        WiFi = 50,
        Can = 60,
        Storage = 70,
        Radio = 80,
        HighResolutionTimer = 90,
        Bluetooth = 100,
        Usb = 110,
        Touch = 120,
        Gesture = 130,
        OpenThread = 140,
        EspNow = 150,
    }
}
