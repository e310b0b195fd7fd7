using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Negotiation;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// A watch response: HTTP 200 with headers flushed at once, then one JSON event per line, each flushed as it is
/// written (the C# client reads lines; Go clients decode a stream). For Table watches each object is a one-row Table.
/// </summary>
internal sealed class WatchWriter : IAsyncDisposable
{
    private readonly HttpContext _context;
    private readonly string? _tableVersion;
    private readonly ResourceDefinition _resource;
    private readonly TimeProvider _time;
    private bool _columnsSent;

    private WatchWriter(HttpContext context, string? tableVersion, ResourceDefinition resource, TimeProvider time)
    {
        _context = context;
        _tableVersion = tableVersion;
        _resource = resource;
        _time = time;
    }

    public static async Task<WatchWriter> StartAsync(HttpContext context, string? tableVersion, ResourceDefinition resource, TimeProvider time)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = tableVersion switch
        {
            "v1" => MediaTypes.TableV1,
            "v1beta1" => MediaTypes.TableV1Beta1,
            _ => MediaTypes.Json,
        };
        context.Response.Headers.CacheControl = "no-cache, private";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        return new WatchWriter(context, tableVersion, resource, time);
    }

    public Task WriteAsync(string type, JsonObject obj, CancellationToken cancellationToken)
    {
        JsonNode payload = obj;
        if (_tableVersion is not null)
        {
            var table = TableWriter.Table(_resource, [obj], _tableVersion, "Metadata", _time.GetUtcNow());
            if (_columnsSent)
                table.Remove("columnDefinitions");
            _columnsSent = true;
            table["metadata"] = new JsonObject { ["resourceVersion"] = ObjectJson.GetString(ObjectJson.Metadata(obj), "resourceVersion") };
            payload = table;
        }
        return WriteEventAsync(type, payload, cancellationToken);
    }

    public Task WriteBookmarkAsync(long revision, string? annotation, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (annotation is not null)
            metadata["annotations"] = new JsonObject { [annotation] = "true" };
        var bookmark = new JsonObject { ["kind"] = _resource.Kind, ["apiVersion"] = _resource.ApiVersion, ["metadata"] = metadata };
        return WriteEventAsync("BOOKMARK", bookmark, cancellationToken);
    }

    public Task WriteErrorAsync(ApiException exception) => WriteEventAsync("ERROR", exception.ToJson(), _context.RequestAborted);

    private Task WriteEventAsync(string type, JsonNode payload, CancellationToken cancellationToken) =>
        WriteLineAsync(EventLine(type, payload), cancellationToken);

    /// <summary>Writes one complete event line (as made by <see cref="EventLine"/>) and flushes it.</summary>
    public async Task WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        var stream = _context.Response.Body;
        await stream.WriteAsync(line, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>One event as the wire carries it: <c>{"type":…,"object":…}</c> and a newline.</summary>
    public static byte[] EventLine(string type, JsonNode payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Writer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            payload.WriteTo(writer);
            writer.WriteEndObject();
        }
        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
