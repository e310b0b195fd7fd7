using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Configuration;
using Polly;

namespace Kubelike.Client.Rest;

/// <summary>
/// A client of one cluster: an <see cref="HttpClient"/> (HTTP/2 over TLS, the cluster's CA, the client certificate
/// or bearer token of the configuration) with transient failures retried, and typed or raw clients per resource:
/// <c>client.Resource&lt;ConfigMap&gt;()</c>, <c>client.Resource(apiResource)</c>. Thread-safe; share one.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <param name="configuration">The cluster and credentials.</param>
    /// <param name="handler">An HTTP handler to use instead of one built from the configuration (its TLS settings are then the caller's).</param>
    /// <param name="time">The clock for retry delays.</param>
    public KubernetesClient(KubernetesClientConfiguration configuration, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Time = time ?? TimeProvider.System;
        _http = new HttpClient(handler ?? ClusterHttpHandler.Create(configuration), disposeHandler: true)
        {
            BaseAddress = configuration.Server,
            // Per-attempt timeouts are ours (watches must not have one).
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(configuration.UserAgent);
        _retry = TransientFailureRetry.Create(configuration.Retry, Time);
    }

    public KubernetesClientConfiguration Configuration { get; }

    public TimeProvider Time { get; }

    /// <summary>The namespace used when a call names none (the context's, or the pod's).</summary>
    public string DefaultNamespace => Configuration.Namespace;

    /// <summary>A typed client for the resource of <typeparamref name="T"/> (from its <c>[KubernetesKind]</c>).</summary>
    public ResourceClient<T> Resource<T>()
        where T : class => new(this, ApiResource.For<T>());

    /// <summary>A typed client for an explicitly described resource.</summary>
    public ResourceClient<T> Resource<T>(ApiResource resource)
        where T : class => new(this, resource);

    /// <summary>A raw client: objects as <see cref="JsonObject"/>.</summary>
    public ResourceClient<JsonObject> Resource(ApiResource resource) => new(this, resource);

    /// <summary>GETs a path (e.g. <c>/version</c>) and returns the body; non-2xx answers throw <see cref="KubernetesApiException"/>.</summary>
    public async Task<string> GetStringAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null, idempotent: true, streaming: false, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a request with credentials and retries and returns a successful response (the caller disposes it);
    /// throws <see cref="KubernetesApiException"/> for any other answer.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, string? body, string? contentType, bool idempotent, bool streaming, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TransientFailureRetry.Idempotent, idempotent);
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                static (ctx, state) => state.Client.AttemptAsync(state.Method, state.Path, state.Body, state.ContentType, state.Streaming, ctx.CancellationToken),
                context,
                (Client: this, Method: method, Path: pathAndQuery, Body: body, ContentType: contentType, Streaming: streaming));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ToExceptionAsync(response, cancellationToken);
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(
        HttpMethod method, string path, string? body, string? contentType, bool streaming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(JsonMediaType);
        if (Configuration.Token?.GetToken() is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body, new MediaTypeHeaderValue(contentType ?? "application/json"));

        // For a watch this bounds the wait for the response headers only; the stream is read without a deadline.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Configuration.RequestTimeout);
        try
        {
            return await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, attempt.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{method} {path}: no answer within {Configuration.RequestTimeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <summary>The Status of an error answer, or one made from the HTTP status when the body is not a Status.</summary>
    private static async Task<KubernetesApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Status? status = null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject json && (string?)json["kind"] == "Status")
                status = KubernetesJson.Deserialize<Status>(json);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): described below from the HTTP status.
        }

        status ??= new Status
        {
            Kind = "Status",
            ApiVersion = "v1",
            StatusValue = "Failure",
            Code = (int)response.StatusCode,
            Reason = ReasonFor(response.StatusCode),
            Message = string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase : text.Trim(),
        };
        status.Code ??= (int)response.StatusCode;
        return KubernetesApiException.FromStatus(status, response.StatusCode);
    }

    private static string ReasonFor(HttpStatusCode code) => (int)code switch
    {
        400 => StatusReasons.BadRequest,
        401 => StatusReasons.Unauthorized,
        403 => StatusReasons.Forbidden,
        404 => StatusReasons.NotFound,
        409 => StatusReasons.Conflict,
        410 => StatusReasons.Gone,
        422 => StatusReasons.Invalid,
        429 => StatusReasons.TooManyRequests,
        503 => StatusReasons.ServiceUnavailable,
        504 => StatusReasons.Timeout,
        _ => StatusReasons.InternalError,
    };

    public void Dispose() => _http.Dispose();
}
