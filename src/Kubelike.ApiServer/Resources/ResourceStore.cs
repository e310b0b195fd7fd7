using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Errors;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Objects of one resource as JSON trees over <see cref="IObjectStore"/>: the store keeps the JSON without its
/// resourceVersion (the revision is the store's), and every object read back gets its revision, apiVersion and kind.
/// </summary>
internal sealed class ResourceStore(IObjectStore store, ResourceDefinition resource)
{
    public ResourceDefinition Resource { get; } = resource;

    public ObjectKey Key(string ns, string name) => new(Resource.StorageResource, Resource.Namespaced ? ns : "", name);

    public async Task<(JsonObject Object, long Revision)?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var stored = await Run(name, () => store.GetAsync(Key(ns, name), cancellationToken));
        return stored is null ? null : (ToObject(stored.Value, stored.Revision), stored.Revision);
    }

    /// <summary>
    /// The state the store remembers of the object, without a read: possibly stale, so only the starting point of a
    /// conditional write (see <see cref="IObjectStore.GetRecent"/>).
    /// </summary>
    public (JsonObject Object, long Revision)? GetRecent(string ns, string name) =>
        store.GetRecent(Key(ns, name)) is { } recent ? (ToObject(recent.Value, recent.Revision), recent.Revision) : null;

    public async Task<JsonObject> CreateAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        var name = ObjectJson.Name(obj);
        var uid = ObjectJson.GetString(ObjectJson.Metadata(obj), "uid");
        var stored = await Run(name, () => store.CreateAsync(Key(ObjectJson.Namespace(obj), name), ToBytes(obj), uid, cancellationToken));
        return WithRevision(obj, stored.Revision);
    }

    public async Task<JsonObject> UpdateAsync(JsonObject obj, long? expectedRevision, CancellationToken cancellationToken)
    {
        var name = ObjectJson.Name(obj);
        var stored = await Run(name, () => store.UpdateAsync(Key(ObjectJson.Namespace(obj), name), ToBytes(obj), expectedRevision, cancellationToken));
        return WithRevision(obj, stored.Revision);
    }

    public async Task<JsonObject> DeleteAsync(string ns, string name, DeletePreconditions? preconditions, CancellationToken cancellationToken)
    {
        var deleted = await Run(name, () => store.DeleteAsync(Key(ns, name), preconditions, cancellationToken));
        return ToObject(deleted.Value, deleted.Revision);
    }

    public Task<ListResult> ListAsync(ListRequest request, CancellationToken cancellationToken) =>
        Run("", () => store.ListAsync(request, cancellationToken));

    public Task<IObjectWatch> WatchAsync(string? ns, long? after, CancellationToken cancellationToken) =>
        Run("", () => store.WatchAsync(new WatchRequest(Resource.StorageResource, ns, after), cancellationToken));

    public Task<StoreRevisions> RevisionsAsync(CancellationToken cancellationToken) => Run("", () => store.GetRevisionsAsync(cancellationToken));

    /// <summary>An object as stored, with its revision, apiVersion and kind filled in.</summary>
    public JsonObject ToObject(ReadOnlyMemory<byte> value, long revision)
    {
        var obj = ObjectJson.ParseObject(value.Span);
        return WithRevision(obj, revision);
    }

    private JsonObject WithRevision(JsonObject obj, long revision)
    {
        obj["apiVersion"] = Resource.ApiVersion;
        obj["kind"] = Resource.Kind;
        ObjectJson.Metadata(obj)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        // apiVersion and kind first, as kube-apiserver writes them.
        return Reorder(obj);
    }

    private static JsonObject Reorder(JsonObject obj)
    {
        if (obj.Count > 0 && obj.First().Key == "apiVersion")
            return obj;
        var ordered = new JsonObject();
        foreach (var key in new[] { "apiVersion", "kind" })
        {
            var value = obj[key];
            obj.Remove(key);
            ordered[key] = value;
        }
        foreach (var (key, value) in obj.ToList())
        {
            obj.Remove(key);
            ordered[key] = value;
        }
        return ordered;
    }

    private static byte[] ToBytes(JsonObject obj)
    {
        var metadata = ObjectJson.Metadata(obj);
        var revision = metadata["resourceVersion"];
        metadata.Remove("resourceVersion");
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(obj, Negotiation.JsonOutput.Serializer);
        }
        finally
        {
            if (revision is not null)
                metadata["resourceVersion"] = revision;
        }
    }

    private async Task<T> Run<T>(string name, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (StorageException exception)
        {
            throw exception.ToApiException(Resource, name);
        }
    }
}
