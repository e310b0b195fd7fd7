namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>How a streaming client run (such as <c>kubectl get -w</c>) ended.</summary>
/// <param name="Matched">Whether the condition held before the deadline; the process was killed then.</param>
/// <param name="Lines">The stdout lines read until then.</param>
/// <param name="ExitCode">The exit code when the process ended on its own before the condition held, otherwise null.</param>
public sealed record WatchResult(string CommandLine, bool Matched, IReadOnlyList<string> Lines, string Stderr, int? ExitCode)
{
    /// <summary>Everything about the run, meant as the message of an assertion on it.</summary>
    public override string ToString() =>
        $"{CommandLine}{Environment.NewLine}{(Matched ? "condition met" : ExitCode is { } code ? $"exited with {code} before the condition held" : "deadline passed before the condition held")}"
        + $"{Environment.NewLine}--- stdout ---{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Stderr}";
}
