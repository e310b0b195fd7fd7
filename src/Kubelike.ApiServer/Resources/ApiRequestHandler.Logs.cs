using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.NodeProxy;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>The <c>pods/log</c> subresource: validated here, read from the node agent that runs the pod.</summary>
internal sealed partial class ApiRequestHandler
{
    private static readonly string[] LogQueryFlags = ["follow", "previous", "timestamps"];

    private async Task PodLogAsync(HttpContext context, ResourceStore pods, RequestInfo info)
    {
        var cancellation = context.RequestAborted;
        var query = context.Request.Query;
        var forward = LogQuery(query, info.Name);
        var pod = await GetExistingAsync(pods, info, cancellation);
        var container = LogContainer(pod, info.Name, query["container"].ToString());
        var nodeName = pod["spec"]?["nodeName"]?.GetValue<string>();
        context.Response.ContentType = "text/plain";
        if (string.IsNullOrEmpty(nodeName))
        {
            // Not scheduled yet: nothing has run, so there is nothing to read (upstream answers an empty log).
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var nodes = new ResourceStore(store, registry.Find("", "v1", "nodes")!);
        var node = (await nodes.GetAsync("", nodeName, cancellation))?.Object
            ?? throw ApiException.NotFound("", "nodes", nodeName);
        var endpoint = NodeConnections.Endpoint(node)
            ?? throw ApiException.ServiceUnavailable($"node \"{nodeName}\" reports no address to reach its agent at");
        var path = $"containerLogs/{Uri.EscapeDataString(info.Namespace)}/{Uri.EscapeDataString(info.Name)}/{Uri.EscapeDataString(container)}{forward}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        HttpResponseMessage response;
        try
        {
            response = await nodeConnections.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw ApiException.ServiceUnavailable($"Get \"{request.RequestUri}\": {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await NodeErrorAsync(response, cancellation);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await using var body = await response.Content.ReadAsStreamAsync(cancellation);
            var buffer = new byte[16 * 1024];
            int read;
            // Flushed per read: `kubectl logs -f` shows each line as the container writes it.
            while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellation);
                await context.Response.Body.FlushAsync(cancellation);
            }
        }
    }

    /// <summary>
    /// The PodLogOptions of the query, validated as upstream (422 on PodLogOptions), rendered as the node's query.
    /// </summary>
    private static string LogQuery(IQueryCollection query, string podName)
    {
        var errors = new List<FieldError>();
        var parts = new List<string>();
        foreach (var flag in LogQueryFlags)
        {
            if (query[flag].ToString() is { Length: > 0 } text)
            {
                if (!bool.TryParse(text, out var value) && text is not ("1" or "0"))
                    throw ApiException.BadRequest($"strconv.ParseBool: parsing \"{text}\": invalid syntax");
                if (value || text == "1")
                    parts.Add($"{flag}=true");
            }
        }

        long? Number(string name)
        {
            if (query[name].ToString() is not { Length: > 0 } text)
                return null;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw ApiException.BadRequest($"strconv.ParseInt: parsing \"{text}\": invalid syntax");
            return value;
        }

        var tailLines = Number("tailLines");
        var limitBytes = Number("limitBytes");
        var sinceSeconds = Number("sinceSeconds");
        var sinceTime = query["sinceTime"].ToString();
        if (tailLines is < 0)
            errors.Add(FieldError.Invalid("tailLines", tailLines, "must be greater than or equal to 0"));
        if (limitBytes is < 1)
            errors.Add(FieldError.Invalid("limitBytes", limitBytes, "must be greater than 0"));
        if (sinceSeconds is not null && sinceTime.Length > 0)
            errors.Add(FieldError.Forbidden("", "at most one of `sinceTime` or `sinceSeconds` may be specified"));
        if (sinceSeconds is < 1)
            errors.Add(FieldError.Invalid("sinceSeconds", sinceSeconds, "must be greater than 0"));
        DateTimeOffset? since = null;
        if (sinceTime.Length > 0)
        {
            if (!DateTimeOffset.TryParse(sinceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                throw ApiException.BadRequest($"parsing time \"{sinceTime}\" as RFC 3339: cannot parse");
            since = parsed;
        }

        if (errors.Count > 0)
            throw ApiException.Invalid("", "PodLogOptions", podName, errors);
        if (tailLines is { } tail)
            parts.Add($"tailLines={tail}");
        if (limitBytes is { } limit)
            parts.Add($"limitBytes={limit}");
        if (sinceSeconds is { } seconds)
            parts.Add($"sinceSeconds={seconds}");
        if (since is { } time)
            parts.Add("sinceTime=" + Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The container whose log is read: the one named, or the pod's only one (upstream's ValidateContainer).</summary>
    private static string LogContainer(JsonObject pod, string podName, string container)
    {
        static IEnumerable<string> Names(JsonNode? list) =>
            (list as JsonArray ?? []).OfType<JsonObject>().Select(c => c["name"]?.GetValue<string>() ?? "");
        var spec = pod["spec"];
        var containers = Names(spec?["containers"]).ToList();
        var all = Names(spec?["initContainers"]).Concat(containers).Concat(Names(spec?["ephemeralContainers"])).ToList();
        if (container.Length == 0)
        {
            return containers.Count switch
            {
                1 => containers[0],
                0 => throw ApiException.BadRequest($"a container name must be specified for pod {podName}"),
                _ => throw ApiException.BadRequest($"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', all)}]"),
            };
        }

        return all.Contains(container) ? container : throw ApiException.BadRequest($"container {container} is not valid for pod {podName}");
    }

    /// <summary>The agent's refusal as the client's error: its Status when it sent one.</summary>
    private static async Task<ApiException> NodeErrorAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/json" })
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject { } status && status["kind"]?.GetValue<string>() == "Status")
                    return ApiException.FromStatus(status);
            }
            catch (JsonException)
            {
                // Not a Status after all: reported as text below.
            }
        }

        return ApiException.BadRequest(text.Length > 0 ? text : $"the node answered {(int)response.StatusCode}");
    }
}
