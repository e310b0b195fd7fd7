namespace Kubelike.Server.Tests.TestSupport;

/// <summary>The system clock moved by a fixed offset, to see what a later start would do.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
