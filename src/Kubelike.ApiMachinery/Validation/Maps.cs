namespace Kubelike.ApiMachinery.Validation;

/// <summary>Map fields of the model types, read in key order so that errors come out in a stable order.</summary>
internal static class Maps
{
    public static IEnumerable<KeyValuePair<string, T>> Sorted<T>(IDictionary<string, T>? map) =>
        map is null ? [] : map.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> ReadOnly(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>() : map as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(map);
}
