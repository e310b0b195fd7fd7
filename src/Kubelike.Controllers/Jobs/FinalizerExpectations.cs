namespace Kubelike.Controllers.Jobs;

/// <summary>
/// The pods (by uid) whose tracking finalizer a Job's sync has removed but the pod informer does not show removed
/// yet, per Job key: until then those pods are treated as counted, so no pod is counted twice.
/// </summary>
public sealed class FinalizerExpectations
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _expected = [];

    public void Expect(string key, IEnumerable<string> uids)
    {
        lock (_gate)
        {
            if (!_expected.TryGetValue(key, out var set))
                _expected[key] = set = [];
            set.UnionWith(uids);
        }
    }

    public void Observed(string key, string uid)
    {
        lock (_gate)
        {
            if (_expected.TryGetValue(key, out var set) && set.Remove(uid) && set.Count == 0)
                _expected.Remove(key);
        }
    }

    public IReadOnlySet<string> Expected(string key)
    {
        lock (_gate)
            return _expected.TryGetValue(key, out var set) ? new HashSet<string>(set) : new HashSet<string>();
    }

    public void Forget(string key)
    {
        lock (_gate)
            _expected.Remove(key);
    }
}
