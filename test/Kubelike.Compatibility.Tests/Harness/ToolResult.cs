namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>How a client tool run ended.</summary>
/// <param name="CommandLine">What was run, for failure messages.</param>
public sealed record ToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything about the run, meant as the message of an assertion on it.</summary>
    public override string ToString() =>
        $"{CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}--- stderr ---{Environment.NewLine}{Stderr}";
}
