using System.Runtime.InteropServices;

namespace Kubelike.Storage.Embedded;

/// <summary>
/// libc calls for <see cref="DataDirectoryLock"/>. .NET's own FileShare locking takes a shared flock even
/// for readers, so a second server could not read the holder's pid from a file locked through FileStream.
/// </summary>
internal static class NativeMethods
{
    // Linux values (x86-64 and arm64 agree on these).
    public const int O_RDWR = 0x2;
    public const int O_CREAT = 0x40;
    public const int O_CLOEXEC = 0x80000;
    public const int LOCK_EX = 2;
    public const int LOCK_NB = 4;
    public const int EWOULDBLOCK = 11;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Flock(int fd, int operation);
}
