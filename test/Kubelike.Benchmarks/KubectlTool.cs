using System.Diagnostics;

namespace Kubelike.Benchmarks;

/// <summary>
/// kubectl 1.35 as hack/install-clients.sh installs it ($KUBELIKE_TOOLS, or .tools/ at the repository root), run
/// against one kubeconfig with a discovery cache and HOME of its own.
/// </summary>
internal sealed class KubectlTool(string kubeconfig, string homeDirectory)
{
    public const string ToolsVariable = "KUBELIKE_TOOLS";

    public static string BinaryPath { get; } = Path.Combine(FindToolsDirectory(), "kubectl-1.35", "kubectl");

    /// <summary>Runs kubectl to completion; returns its exit code and output. Throws when it runs past <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(BinaryPath))
            throw new FileNotFoundException($"{BinaryPath} is missing: run hack/install-clients.sh (or set {ToolsVariable})", BinaryPath);
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(homeDirectory, "cache") }.Concat(args))
            start.ArgumentList.Add(argument);
        start.Environment.Remove("KUBECONFIG");
        start.Environment["HOME"] = homeDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kubectl");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"kubectl {string.Join(' ', args)} still ran after {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindToolsDirectory()
    {
        if (Environment.GetEnvironmentVariable(ToolsVariable) is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kubelike.sln")))
                return Path.Combine(directory.FullName, ".tools");
        }
        return Path.Combine(AppContext.BaseDirectory, ".tools");
    }
}
