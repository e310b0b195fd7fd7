namespace Kubelike.Storage.Embedded;

/// <summary>
/// The account PostgreSQL runs under. postgres refuses to run as root, so a root process runs the
/// tools as the <c>postgres</c> user through runuser and hands it the directories it needs.
/// </summary>
internal static class PostgresAccount
{
    public const string UserName = "postgres";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    /// <summary>True when this process has euid 0.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The command line that runs <paramref name="program"/> as the account PostgreSQL runs under.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Command(string program, IEnumerable<string> arguments)
    {
        if (!IsRoot)
        {
            return (program, arguments.ToList());
        }

        List<string> wrapped = ["-u", UserName, "--", program, .. arguments];
        return (SystemTools.Require("runuser"), wrapped);
    }

    public static Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (fileName, args) = Command(program, arguments);
        return ProcessRunner.RunAsync(fileName, args, timeout, cancellationToken);
    }

    /// <summary>Fails clearly when running as root on a machine without a postgres account.</summary>
    public static async Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync(SystemTools.Require("id"), ["-u", UserName], ToolTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"PostgreSQL refuses to run as root and there is no '{UserName}' user to run it as ({result.Output})");
        }
    }

    /// <summary>Whether the postgres account can reach (search) <paramref name="directory"/>, all its ancestors included.</summary>
    public static async Task<bool> CanTraverseAsync(string directory, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return true;
        }

        var result = await RunAsync("test", ["-x", directory], ToolTimeout, cancellationToken);
        return result.Succeeded;
    }

    /// <summary>Creates <paramref name="directory"/> if needed, mode 0700, owned by the account PostgreSQL runs under.</summary>
    public static async Task CreatePrivateDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (IsRoot)
        {
            await ChownAsync(directory, recursive: false, cancellationToken);
        }
    }

    /// <summary>
    /// Gives a cluster made by another account (e.g. a non-root run earlier) to postgres, so that a root
    /// start can use it. Checked first so that a large cluster is not walked on every start.
    /// </summary>
    public static async Task EnsureOwnsTreeAsync(string directory, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        var owned = await RunAsync("test", ["-O", Path.Combine(directory, "PG_VERSION")], ToolTimeout, cancellationToken);
        if (!owned.Succeeded)
        {
            await ChownAsync(directory, recursive: true, cancellationToken);
        }
    }

    private static async Task ChownAsync(string path, bool recursive, CancellationToken cancellationToken)
    {
        List<string> arguments = recursive ? ["-R"] : [];
        arguments.AddRange([$"{UserName}:{UserName}", path]);
        var result = await ProcessRunner.RunAsync(SystemTools.Require("chown"), arguments, ToolTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot give {path} to the {UserName} user: {result.Output}");
        }
    }
}
