namespace Kubelike.Node.Pods;

/// <summary>
/// The kubelet's per-container back-off: the first retry is at once, then it waits the initial delay, doubling
/// each time up to the maximum (10 s → 5 min for crash loops and image pulls).
/// </summary>
internal sealed class RestartBackoff
{
    private TimeSpan _delay;

    public DateTimeOffset NotBefore { get; private set; }

    public bool IsWaiting(DateTimeOffset now) => now < NotBefore;

    /// <summary>Counts one failure and sets when the next attempt may start.</summary>
    public void Failed(DateTimeOffset now, TimeSpan initial, TimeSpan max)
    {
        NotBefore = now + _delay;
        _delay = _delay == TimeSpan.Zero ? initial : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, max.Ticks));
    }
}
