using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kubelike.Storage.Embedded;

/// <summary>
/// An exclusive flock on <c>&lt;data-dir&gt;/kubelike.lock</c>, held for the lifetime of a server so that two
/// servers never share a data directory. The kernel drops the lock when the holder exits, however it exits,
/// so a crash never leaves a stale lock. The holder writes its pid into the file for the loser's message.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "kubelike.lock";

    private readonly FileStream _stream;

    private DataDirectoryLock(string dataDirectory, string path, FileStream stream)
    {
        DataDirectory = dataDirectory;
        LockFile = path;
        _stream = stream;
    }

    public string DataDirectory { get; }

    public string LockFile { get; }

    /// <summary>Takes the lock, creating the data directory if needed.</summary>
    /// <exception cref="DataDirectoryInUseException">Another process holds it.</exception>
    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var stream = OperatingSystem.IsLinux() ? LockWithFlock(directory, path) : LockWithFileShare(directory, path);
        try
        {
            var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            stream.SetLength(0);
            stream.Write(pid);
            stream.Flush();
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return new DataDirectoryLock(directory, path, stream);
    }

    /// <summary>Releases the lock (closing the file is what releases the flock).</summary>
    public void Dispose() => _stream.Dispose();

    private static FileStream LockWithFlock(string directory, string path)
    {
        // O_CLOEXEC: children (pg_ctl, hence the postmaster) must not inherit the descriptor, or the
        // lock would outlive this process.
        var fd = NativeMethods.Open(path, NativeMethods.O_RDWR | NativeMethods.O_CREAT | NativeMethods.O_CLOEXEC, 0b110_100_100);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
        if (NativeMethods.Flock(fd, NativeMethods.LOCK_EX | NativeMethods.LOCK_NB) == 0)
        {
            return stream;
        }

        var error = Marshal.GetLastPInvokeError();
        try
        {
            if (error == NativeMethods.EWOULDBLOCK)
            {
                throw new DataDirectoryInUseException(directory, ReadPid(stream));
            }

            throw new IOException($"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>Fallback off Linux: .NET's FileShare.None is an exclusive flock too, but hides the holder's pid.</summary>
    private static FileStream LockWithFileShare(string directory, string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new DataDirectoryInUseException(directory, null);
        }
    }

    private static int? ReadPid(FileStream stream)
    {
        Span<byte> buffer = stackalloc byte[32];
        var read = stream.Read(buffer);
        return int.TryParse(Encoding.ASCII.GetString(buffer[..read]).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }
}
