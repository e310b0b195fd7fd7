using System.Text;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization;
using Kubelike.ApiServer.NodeProxy;
using Kubelike.ApiServer.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// The <c>pods/exec</c>, <c>pods/attach</c> and <c>pods/portforward</c> subresources: validated here, then the client's
/// upgrade request (WebSocket or SPDY) is handed to the node agent that runs the pod and the two connections are joined.
/// </summary>
internal sealed partial class ApiRequestHandler
{
    private static readonly string[] StreamSubresources = ["exec", "attach", "portforward"];

    private static bool IsPodStream(RequestInfo info) => info.Group.Length == 0 && info.Resource == "pods" && StreamSubresources.Contains(info.Subresource);

    private async Task PodStreamAsync(HttpContext context, ResourceStore pods, RequestInfo info, UserInfo user)
    {
        if (info.Verb is not ("get" or "create"))
            throw ApiException.MethodNotSupported("", $"pods/{info.Subresource}", info.Verb);
        // A WebSocket handshake is a GET, yet it starts a process: upstream also requires create on the subresource.
        if (info.Verb == "get")
            await authorizer.RequireAsync(AuthorizationAttributes.ForResource(user, info with { Verb = "create" }), context.RequestAborted);

        var cancellation = context.RequestAborted;
        var query = context.Request.Query;
        var pod = await GetExistingAsync(pods, info, cancellation);
        var nodeName = pod["spec"]?["nodeName"]?.GetValue<string>();
        if (string.IsNullOrEmpty(nodeName))
            throw ApiException.BadRequest($"pod {info.Name} does not have a host assigned");
        if (context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
            throw ApiException.BadRequest("Upgrade request required");

        var ns = Uri.EscapeDataString(info.Namespace);
        var name = Uri.EscapeDataString(info.Name);
        string path;
        if (info.Subresource == "portforward")
        {
            // kubectl names ports in its SPDY streams; WebSocket clients name them in the query (ports=80&ports=443).
            path = $"portForward/{ns}/{name}" + Query(query["ports"].Concat(query["port"]).OfType<string>().Select(p => ("port", p)));
        }
        else
        {
            var phase = pod["status"]?["phase"]?.GetValue<string>();
            if (phase is "Succeeded" or "Failed")
                throw ApiException.BadRequest($"cannot {info.Subresource} into a container in a completed pod; current phase is {phase}");
            var container = LogContainer(pod, info.Name, query["container"].ToString());
            var parameters = new List<(string, string)>();
            if (info.Subresource == "exec")
                parameters.AddRange(query["command"].OfType<string>().Select(c => ("command", c)));
            foreach (var stream in (string[])["stdin", "stdout", "stderr", "tty"])
            {
                if (query[stream].ToString() is { Length: > 0 } text)
                {
                    if (!bool.TryParse(text, out var on) && text is not ("1" or "0"))
                        throw ApiException.BadRequest($"strconv.ParseBool: parsing \"{text}\": invalid syntax");
                    if (on || text == "1")
                        parameters.Add((stream, "true"));
                }
            }

            path = $"{info.Subresource}/{ns}/{name}/{Uri.EscapeDataString(container)}" + Query(parameters);
        }

        var nodes = new ResourceStore(store, registry.Find("", "v1", "nodes")!);
        var node = (await nodes.GetAsync("", nodeName, cancellation))?.Object
            ?? throw ApiException.NotFound("", "nodes", nodeName);
        var endpoint = NodeConnections.Endpoint(node)
            ?? throw ApiException.ServiceUnavailable($"node \"{nodeName}\" reports no address to reach its agent at");
        var target = new Uri(endpoint, path);
        try
        {
            await UpgradeRelay.RelayAsync(context, nodeConnections.Http, target);
        }
        catch (HttpRequestException e) when (!context.Response.HasStarted)
        {
            throw ApiException.ServiceUnavailable($"error dialing backend: {e.Message}");
        }
    }

    private static string Query(IEnumerable<(string Name, string Value)> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return text.ToString();
    }
}
