using System.Globalization;
using Kubelike.Api.Discovery.V1;
using Kubelike.Client.Informers;

namespace Kubelike.Controllers.EndpointSlices;

/// <summary>
/// The slice writes of the controller that its informer cache has not shown yet (upstream's endpointSliceTracker):
/// a service whose slices in the cache are older than what the controller wrote must wait, or it would create the
/// same endpoints again in new slices. resourceVersions are one cluster-wide revision here, so they compare.
/// </summary>
internal sealed class EndpointSliceTracker
{
    private const long Gone = -1;
    private readonly Dictionary<string, Dictionary<string, long>> _expected = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Wrote(string serviceKey, EndpointSlice slice) =>
        Set(serviceKey, slice.Metadata!.Name!, long.Parse(slice.Metadata.ResourceVersion!, CultureInfo.InvariantCulture));

    public void Deleted(string serviceKey, string sliceName) => Set(serviceKey, sliceName, Gone);

    public void Forget(string serviceKey)
    {
        lock (_lock)
            _expected.Remove(serviceKey);
    }

    /// <summary>Whether the cache shows every write made for the service (and forgets the ones it shows).</summary>
    public bool CacheIsCurrent(string serviceKey, string ns, InformerCache<EndpointSlice> cache)
    {
        lock (_lock)
        {
            if (!_expected.TryGetValue(serviceKey, out var writes))
                return true;
            foreach (var (name, revision) in writes.ToList())
            {
                var cached = cache.Get(ns, name);
                var seen = revision == Gone
                    ? cached is null
                    : cached?.Metadata?.ResourceVersion is { } rv && long.Parse(rv, CultureInfo.InvariantCulture) >= revision;
                if (seen)
                    writes.Remove(name);
            }
            if (writes.Count == 0)
                _expected.Remove(serviceKey);
            return writes.Count == 0;
        }
    }

    private void Set(string serviceKey, string sliceName, long revision)
    {
        lock (_lock)
        {
            if (!_expected.TryGetValue(serviceKey, out var writes))
                _expected[serviceKey] = writes = new Dictionary<string, long>(StringComparer.Ordinal);
            writes[sliceName] = revision;
        }
    }
}
