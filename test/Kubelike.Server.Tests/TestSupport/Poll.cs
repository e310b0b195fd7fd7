using System.Diagnostics;

namespace Kubelike.Server.Tests.TestSupport;

/// <summary>Waits for a condition by polling until a deadline: tests never sleep a fixed time.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until <paramref name="condition"/> is true; fails the test with <paramref name="diagnostics"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (stopwatch.Elapsed > timeout)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting for {what}{(diagnostics is null ? string.Empty : Environment.NewLine + diagnostics())}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, diagnostics);
}
