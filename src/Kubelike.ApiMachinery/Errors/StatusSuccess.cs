using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Errors;

/// <summary>The Status a successful DELETE (and eviction, binding) answers with.</summary>
public static class StatusSuccess
{
    /// <summary>
    /// <c>{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name","group","kind","uid"}}</c>;
    /// details.kind is the resource ("deployments"), as upstream fills it.
    /// </summary>
    public static JsonObject Build(string group, string resource, string name, string? uid)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        };
        var details = ApiException.DetailsJson(new StatusDetails { Name = name, Group = group, Kind = resource, Uid = uid });
        if (details.Count > 0)
        {
            status["details"] = details;
        }
        return status;
    }

    public static JsonObject Build(ResourceDefinition resource, string name, string? uid)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Build(resource.Group, resource.Plural, name, uid);
    }

    /// <summary>A bare success with no details: <c>{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success"}</c>.</summary>
    public static JsonObject Build() =>
        new() { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success" };
}
