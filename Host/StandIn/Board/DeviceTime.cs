namespace HostSeams
{
    /// <summary>
    /// A host seam: the only board type device code reaches, and only through the host shims of <c>Thread.Sleep</c> and
    /// <c>Environment.TickCount64</c> (Host/Device/Shims). On the device those are the real runtime calls.
    /// </summary>
    public static class DeviceTime
    {
        public static void Sleep(int milliseconds) => VirtualBoard.Board.Clock.Sleep(milliseconds);

        public static long TickCount64 => VirtualBoard.Board.Clock.NowMilliseconds;
    }
}
