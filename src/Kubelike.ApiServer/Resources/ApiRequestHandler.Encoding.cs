using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Protobuf;
using Kubelike.ApiServer.Negotiation;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The REST verbs of <see cref="ApiRequestHandler"/>: request bodies, responses and query values.</summary>
internal sealed partial class ApiRequestHandler
{
    private static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        var type = MediaTypes.BodyType(context.Request.ContentType);
        if (type is not ("application/json" or "application/merge-patch+json" or "application/yaml" or MediaTypes.Protobuf))
            throw ApiException.UnsupportedMediaType(["application/json", "application/yaml", MediaTypes.Protobuf, "application/merge-patch+json"]);
        var body = await ReadBytesAsync(context);
        return type switch
        {
            "application/yaml" => YamlToJson.Convert(System.Text.Encoding.UTF8.GetString(body)),
            // kubectl >= 1.32 generators and Helm >= 3.17 write protobuf with no JSON fallback.
            MediaTypes.Protobuf => ProtobufDecoder.Decode(body),
            _ => ObjectJson.ParseObject(body),
        };
    }

    private static async Task<byte[]> ReadBytesAsync(HttpContext context)
    {
        var length = context.Request.ContentLength;
        if (length > MaxBodyBytes)
            throw ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit");
        // A declared length (kubectl, the clients) sizes the buffer once; a chunked body grows it. A per-request
        // staging buffer used to be most of this path's allocations.
        var buffer = new byte[length is > 0 ? (int)length.Value : 4096];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // Kestrel ends a body at its declared length.
                if (length is > 0)
                    break;
                if (buffer.Length >= MaxBodyBytes + 1)
                    throw ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit");
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxBodyBytes + 1));
            }
            var read = await context.Request.Body.ReadAsync(buffer.AsMemory(filled), context.RequestAborted);
            if (read == 0)
                break;
            filled += read;
        }
        if (filled > MaxBodyBytes)
            throw ApiException.RequestEntityTooLarge("the request body is larger than the 3 MiB limit");
        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    private async Task WriteObjectAsync(HttpContext context, JsonObject obj, int status)
    {
        var tableVersion = MediaTypes.AcceptedTableVersion(context.Request.Headers.Accept.ToString());
        if (tableVersion is not null && ObjectJson.Name(obj).Length > 0 && registry.FindByKind(ObjectJson.GetString(obj, "apiVersion") ?? "", ObjectJson.GetString(obj, "kind") ?? "") is { } resource)
        {
            var table = TableWriter.Table(resource, [obj], tableVersion, IncludeObject(context.Request.Query), time.GetUtcNow());
            table["metadata"] = new JsonObject { ["resourceVersion"] = ObjectJson.GetString(ObjectJson.Metadata(obj), "resourceVersion") };
            await WriteJsonAsync(context, table, status, tableVersion == "v1" ? MediaTypes.TableV1 : MediaTypes.TableV1Beta1);
            return;
        }
        await WriteJsonAsync(context, obj, status, MediaTypes.Json);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonNode node, int status, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter.AsStream(), JsonOutput.Writer);
        node.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) => value.Count > 0 && (value[0] is "true" or "1" or "True");

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();

    private static int? ParseInt(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        var text = NullIfEmpty(value);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw ApiException.BadRequest($"invalid value for {name}: {text}");
    }

    private static long? ParseLong(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        var text = NullIfEmpty(value);
        if (text is null)
            return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw ApiException.BadRequest($"invalid value for {name}: {text}");
    }

    private static long? ParseRevision(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw ApiException.BadRequest($"invalid resource version: {text}");
    }

    private static long? ParseRevision(Microsoft.Extensions.Primitives.StringValues value) => ParseRevision(NullIfEmpty(value));
}
