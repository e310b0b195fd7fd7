using System.Runtime.CompilerServices;
using System.Text.Json;
using Kubelike.Api;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;

namespace Kubelike.Client.Watch;

/// <summary>
/// Reads a watch response: one JSON event per line, <c>{"type":…,"object":…}</c>. ERROR events throw the Status
/// they carry (410 as <see cref="ResourceVersionExpiredException"/>); the stream's end ends the enumeration.
/// </summary>
internal static class WatchStream
{
    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return Parse<T>(line);
        }
    }

    internal static WatchEvent<T> Parse<T>(string line)
        where T : class
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!root.TryGetProperty("object", out var payload) || payload.ValueKind != JsonValueKind.Object)
            throw new JsonException($"watch event without an object: {Truncate(line)}");
        if (type == "ERROR")
        {
            var status = payload.Deserialize<Status>(KubernetesJson.Options) ?? new Status();
            throw KubernetesApiException.FromStatus(status);
        }

        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            _ => throw new JsonException($"unknown watch event type \"{type}\""),
        };
        var obj = payload.Deserialize<T>(KubernetesJson.Options) ?? throw new JsonException("watch event with a null object");
        return new WatchEvent<T>(eventType, obj, ObjectAccessor.GetResourceVersion(obj));
    }

    private static string Truncate(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
