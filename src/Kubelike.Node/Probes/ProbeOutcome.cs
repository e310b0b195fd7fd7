namespace Kubelike.Node.Probes;

/// <summary>One probe attempt: whether it succeeded, and what the kubelet would say about a failure.</summary>
internal readonly record struct ProbeOutcome(bool Success, string Message)
{
    public static ProbeOutcome Succeeded { get; } = new(true, "");

    public static ProbeOutcome Failed(string message) => new(false, message);
}
