// Host shim, compiled into every host build of a device project: on the host a device's Thread.Sleep advances the
// virtual board's clock (and lets pending GPIO events run) instead of blocking. Only the members nanoFramework 1.x
// device code may use are here, so anything else fails to compile on the host as it would on the device.
namespace System.Threading
{
    internal static class Thread
    {
        public static void Sleep(int millisecondsTimeout) => HostSeams.DeviceTime.Sleep(millisecondsTimeout);

        public static void Sleep(TimeSpan timeout) => HostSeams.DeviceTime.Sleep((int)timeout.TotalMilliseconds);
    }
}
