using System.Diagnostics;
using Kubelike.Server.Tests.TestSupport;
using Kubelike.Storage.Embedded;

namespace Kubelike.Server.Tests.Embedded;

[TestFixture]
public sealed class DataDirectoryLockTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("kl-lock");

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void ASecondLockIsRefusedWithTheHoldersPid()
    {
        var dataDirectory = _directory.Combine("data");
        using var held = DataDirectoryLock.Acquire(dataDirectory);

        var error = Assert.Throws<DataDirectoryInUseException>(() => DataDirectoryLock.Acquire(dataDirectory));

        Assert.That(error.Message, Is.EqualTo($"data directory {dataDirectory} is in use by another kubelike server (pid {Environment.ProcessId})"));
        Assert.That(error.OwnerProcessId, Is.EqualTo(Environment.ProcessId));
        // (File.ReadAllText would fail here: .NET takes a shared flock to read, hence the lock's own reader.)
    }

    [Test]
    public void AReleasedLockCanBeTakenAgain()
    {
        var dataDirectory = _directory.Combine("data");
        DataDirectoryLock.Acquire(dataDirectory).Dispose();

        using var again = DataDirectoryLock.Acquire(dataDirectory);

        Assert.That(again.LockFile, Is.EqualTo(Path.Combine(dataDirectory, "kubelike.lock")));
    }

    [Test]
    public async Task AnotherProcessCannotTakeAHeldLock()
    {
        var dataDirectory = _directory.Combine("data");
        using (var held = DataDirectoryLock.Acquire(dataDirectory))
        {
            Assert.That(await RunFlockAsync(held.LockFile), Is.Not.Zero, "flock(1) in another process is refused while we hold the lock");
        }

        Assert.That(await RunFlockAsync(Path.Combine(dataDirectory, "kubelike.lock")), Is.Zero, "and gets it once released");
    }

    [Test]
    public async Task ALockHeldByAnotherProcessIsRefused()
    {
        var dataDirectory = _directory.Combine("data");
        Directory.CreateDirectory(dataDirectory);
        var lockFile = Path.Combine(dataDirectory, "kubelike.lock");
        await File.WriteAllTextAsync(lockFile, "4242\n");
        // --close: only flock itself holds the lock, not its sleep child, so killing flock releases it.
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--close", lockFile, "sleep", "60"]))!;
        try
        {
            await Poll.UntilAsync(async () => await RunFlockAsync(lockFile) != 0, TimeSpan.FromSeconds(10), "flock(1) to hold the lock");

            var error = Assert.Throws<DataDirectoryInUseException>(() => DataDirectoryLock.Acquire(dataDirectory));
            Assert.That(error.Message, Does.EndWith("is in use by another kubelike server (pid 4242)"));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }

        using var ours = DataDirectoryLock.Acquire(dataDirectory);
    }

    [Test]
    public async Task ChildProcessesDoNotInheritTheLock()
    {
        // PostgreSQL outlives a crashed server: were the descriptor inherited, the lock would outlive it too.
        var dataDirectory = _directory.Combine("data");
        var held = DataDirectoryLock.Acquire(dataDirectory);
        using var child = Process.Start(new ProcessStartInfo("sleep", ["60"]))!;
        try
        {
            held.Dispose();
            using var again = DataDirectoryLock.Acquire(dataDirectory);
            Assert.That(child.HasExited, Is.False);
        }
        finally
        {
            child.Kill();
            await child.WaitForExitAsync();
        }
    }

    /// <summary>Tries the lock from another process with util-linux flock(1); 0 when it got it.</summary>
    private static async Task<int> RunFlockAsync(string lockFile)
    {
        using var process = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--nonblock", lockFile, "true"]))!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
