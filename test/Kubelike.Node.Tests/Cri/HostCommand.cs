using System.Diagnostics;

namespace Kubelike.Node.Tests.Cri;

/// <summary>Runs a program of the host (a hack/ script, iptables) to completion.</summary>
public static class HostCommand
{
    /// <summary>Returns the program's stdout; throws with its stderr when it exits non-zero.</summary>
    public static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }
}
