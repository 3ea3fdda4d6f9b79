// Host shim: nanoFramework 1.x has only Environment.TickCount64 (package nanoFramework.Runtime.Native), in
// milliseconds since boot. On the host it reads the virtual board's clock.
namespace System
{
    internal static class Environment
    {
        public static long TickCount64 => HostSeams.DeviceTime.TickCount64;
    }
}
