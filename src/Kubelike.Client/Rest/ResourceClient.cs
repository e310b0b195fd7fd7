using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Watch;

namespace Kubelike.Client.Rest;

/// <summary>
/// The verbs of one resource, for typed objects (a Kubelike.Api model type) or raw ones (<see cref="JsonObject"/>).
/// A null namespace means the object's own namespace (writes), the client's default namespace (get, delete) or all
/// namespaces (list, watch, which is also what a cluster-scoped resource ignores). Errors are
/// <see cref="KubernetesApiException"/>s carrying the server's Status.
/// </summary>
/// <typeparam name="T">A model type or <see cref="JsonObject"/>.</typeparam>
public sealed class ResourceClient<T>
    where T : class
{
    /// <summary>The page size of <see cref="ListAllAsync"/> when the options give none (kubectl's chunk size).</summary>
    public const int DefaultPageSize = 500;

    private readonly KubernetesClient _client;

    internal ResourceClient(KubernetesClient client, ApiResource resource)
    {
        _client = client;
        Resource = resource;
    }

    public ApiResource Resource { get; }

    public async Task<T> GetAsync(string name, string? ns = null, CancellationToken cancellationToken = default)
    {
        var path = ResourcePath.For(Resource, ns ?? _client.DefaultNamespace, name);
        return await SendAsync<T>(HttpMethod.Get, path, null, null, idempotent: true, cancellationToken);
    }

    /// <summary>One page of a list (or the whole list without a limit).</summary>
    /// <param name="ns">The namespace, or null for all namespaces.</param>
    /// <param name="options">Selectors, limit, continue, resourceVersion.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ObjectList<T>> ListAsync(string? ns = null, ListParameters? options = null, CancellationToken cancellationToken = default)
    {
        var path = ResourcePath.For(Resource, ns) + new QueryString().Add(options);
        return await SendAsync<ObjectList<T>>(HttpMethod.Get, path, null, null, idempotent: true, cancellationToken);
    }

    /// <summary>
    /// Every item, page by page (<see cref="ListParameters.Limit"/> or <see cref="DefaultPageSize"/> per request), all
    /// from one snapshot. A continue token that expires mid-way throws <see cref="ResourceVersionExpiredException"/>.
    /// </summary>
    public async IAsyncEnumerable<T> ListAllAsync(string? ns = null, ListParameters? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = (options ?? new ListParameters()) with { Limit = options?.Limit ?? DefaultPageSize };
        while (true)
        {
            var list = await ListAsync(ns, page, cancellationToken);
            foreach (var item in list.Items)
                yield return item;
            if (list.Continue is not { } next)
                yield break;
            page = page with { Continue = next, ResourceVersion = null, ResourceVersionMatch = null };
        }
    }

    /// <summary>
    /// Streams events until the server ends the watch (its <see cref="WatchParameters.TimeoutSeconds"/>) or
    /// <paramref name="cancellationToken"/> is cancelled. An ERROR event throws its Status as a
    /// <see cref="KubernetesApiException"/>: <see cref="ResourceVersionExpiredException"/> when the resourceVersion is too old.
    /// </summary>
    /// <param name="ns">The namespace, or null for all namespaces.</param>
    /// <param name="options">Selectors, the resourceVersion to start after, bookmarks, timeout.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? ns = null, WatchParameters? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new WatchParameters();
        var path = ResourcePath.For(Resource, ns) + new QueryString()
            .Add("watch", true)
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("resourceVersion", options.ResourceVersion)
            .Add("allowWatchBookmarks", options.AllowWatchBookmarks)
            .Add("timeoutSeconds", options.TimeoutSeconds);

        // A server that stops sending without closing would hold the watch forever: give up a little after its own timeout.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.TimeoutSeconds is int seconds and > 0)
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds) + _client.Configuration.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(HttpMethod.Get, path, null, null, idempotent: true, streaming: true, deadline.Token);
        }
        catch (TimeoutException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            yield break;
        }

        using (response)
        {
            await using var enumerator = WatchStream.ReadAsync<T>(response, deadline.Token).GetAsyncEnumerator(deadline.Token);
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync();
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Our deadline, not the caller: the watch ends as if the server had closed it.
                    yield break;
                }

                if (!more)
                    yield break;
                yield return enumerator.Current;
            }
        }
    }

    /// <summary>Creates the object in its namespace (or the default one) and returns what the server stored.</summary>
    public async Task<T> CreateAsync(T obj, WriteParameters? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectAccessor.FillTypeMeta(obj, Resource);
        var path = ResourcePath.For(Resource, NamespaceOf(obj)) + Query(options);
        return await SendAsync<T>(HttpMethod.Post, path, Serialize(obj), "application/json", idempotent: false, cancellationToken);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> (a model object, e.g. a v1 Binding or a policy/v1 Eviction) to a subresource of
    /// the object named <paramref name="name"/>, and returns what the server answered (usually a Status).
    /// </summary>
    public async Task<JsonObject> CreateSubresourceAsync(
        string name, string subresource, object body, string? ns = null, WriteParameters? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var path = ResourcePath.For(Resource, ns ?? _client.DefaultNamespace, name, subresource) + Query(options);
        var json = JsonSerializer.Serialize(body, body.GetType(), KubernetesJson.Options);
        return await SendAsync<JsonObject>(HttpMethod.Post, path, json, "application/json", idempotent: false, cancellationToken);
    }

    /// <summary>Replaces the object; with a resourceVersion set, a stale one fails with 409 Conflict.</summary>
    public Task<T> UpdateAsync(T obj, WriteParameters? options = null, CancellationToken cancellationToken = default) =>
        PutAsync(obj, null, options, cancellationToken);

    /// <summary>Replaces the object's status through the status subresource.</summary>
    public Task<T> UpdateStatusAsync(T obj, WriteParameters? options = null, CancellationToken cancellationToken = default) =>
        PutAsync(obj, "status", options, cancellationToken);

    /// <summary>Replaces the object through a subresource that takes a whole object, e.g. a namespace's <c>finalize</c>.</summary>
    public Task<T> UpdateSubresourceAsync(T obj, string subresource, WriteParameters? options = null, CancellationToken cancellationToken = default) =>
        PutAsync(obj, subresource, options, cancellationToken);

    /// <summary>Patches an object (or a subresource of it, e.g. <c>status</c> or <c>scale</c>).</summary>
    public async Task<T> PatchAsync(
        string name, Patch patch, string? ns = null, PatchParameters? options = null, string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Type == PatchType.Apply && string.IsNullOrEmpty(options?.FieldManager))
            throw new ArgumentException("server-side apply needs a field manager", nameof(options));
        var query = new QueryString()
            .Add("fieldManager", options?.FieldManager)
            .Add("fieldValidation", options?.FieldValidation)
            .Add("dryRun", options?.DryRun == true ? "All" : null)
            .Add("force", options?.Force is { } force ? (force ? "true" : "false") : null);
        var path = ResourcePath.For(Resource, ns ?? _client.DefaultNamespace, name, subresource) + query;
        return await SendAsync<T>(HttpMethod.Patch, path, patch.Body, patch.ContentType, idempotent: false, cancellationToken);
    }

    /// <summary>Server-side apply of the object's intended state as <paramref name="fieldManager"/>; creates it when missing.</summary>
    public Task<T> ApplyAsync(T obj, string fieldManager, bool force = false, string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectAccessor.FillTypeMeta(obj, Resource);
        var name = ObjectAccessor.GetName(obj) ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        return PatchAsync(name, new Patch(PatchType.Apply, Serialize(obj)), NamespaceOf(obj), new PatchParameters { FieldManager = fieldManager, Force = force }, subresource, cancellationToken);
    }

    /// <summary>
    /// Deletes an object. Returns the object when the server answers with it (pods and other kinds that return the
    /// deleted object, or an object kept for finalizers or graceful deletion), null when it answers with a Status.
    /// </summary>
    public async Task<T?> DeleteAsync(string name, string? ns = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ResourcePath.For(Resource, ns ?? _client.DefaultNamespace, name);
        var body = options is null ? null : KubernetesJson.Serialize(WithTypeMeta(options));
        using var response = await _client.SendAsync(HttpMethod.Delete, path, body, "application/json", idempotent: false, streaming: false, cancellationToken);
        var json = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json is JsonObject obj && (string?)obj["kind"] != "Status" ? Deserialize<T>(obj) : null;
    }

    /// <summary>Deletes every object the selectors of <paramref name="listOptions"/> match, in a namespace (or all of a cluster-scoped resource).</summary>
    public async Task DeleteCollectionAsync(string? ns, ListParameters? listOptions = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ResourcePath.For(Resource, ns) + new QueryString().Add(listOptions);
        var body = options is null ? null : KubernetesJson.Serialize(WithTypeMeta(options));
        using var response = await _client.SendAsync(HttpMethod.Delete, path, body, "application/json", idempotent: false, streaming: false, cancellationToken);
    }

    private async Task<T> PutAsync(T obj, string? subresource, WriteParameters? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectAccessor.FillTypeMeta(obj, Resource);
        var name = ObjectAccessor.GetName(obj) ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        var path = ResourcePath.For(Resource, NamespaceOf(obj), name, subresource) + Query(options);
        return await SendAsync<T>(HttpMethod.Put, path, Serialize(obj), "application/json", idempotent: false, cancellationToken);
    }

    private string? NamespaceOf(T obj) =>
        Resource.Namespaced ? ObjectAccessor.GetNamespace(obj) is { Length: > 0 } ns ? ns : _client.DefaultNamespace : null;

    private static string Query(WriteParameters? options) => new QueryString()
        .Add("fieldManager", options?.FieldManager)
        .Add("fieldValidation", options?.FieldValidation)
        .Add("dryRun", options?.DryRun == true ? "All" : null)
        .ToString();

    private static DeleteOptions WithTypeMeta(DeleteOptions options)
    {
        options.ApiVersion ??= "v1";
        options.Kind ??= "DeleteOptions";
        return options;
    }

    private async Task<TResult> SendAsync<TResult>(HttpMethod method, string path, string? body, string? contentType, bool idempotent, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(method, path, body, contentType, idempotent, streaming: false, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<TResult>(stream, KubernetesJson.Options, cancellationToken)
            ?? throw new JsonException($"{method} {path}: the server answered with an empty body");
    }

    private static string Serialize(T obj) => JsonSerializer.Serialize(obj, KubernetesJson.Options);

    private static TResult Deserialize<TResult>(JsonNode node) =>
        node.Deserialize<TResult>(KubernetesJson.Options) ?? throw new JsonException("empty object");
}
