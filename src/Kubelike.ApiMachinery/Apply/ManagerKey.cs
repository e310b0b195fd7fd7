using System.Text;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// Who a managedFields entry belongs to: manager, operation and subresource, and for an Update the API version
/// too (an applier keeps one entry whatever version it applies with), as upstream's manager identifier.
/// </summary>
public sealed record ManagerKey(string Manager, string Operation, string ApiVersion, string Subresource)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public static ManagerKey ForApply(string manager, string subresource) => new(manager, Apply, "", subresource);

    public static ManagerKey ForUpdate(string manager, string apiVersion, string subresource) => new(manager, Update, apiVersion, subresource);

    public bool IsApply => Operation == Apply;

    /// <summary>Upstream's identifier (the JSON of the entry's identifying fields); conflicts are listed in its order.</summary>
    public string Identifier
    {
        get
        {
            var builder = new StringBuilder("{\"manager\":").Append(JsonOrder.GoJson(Manager)).Append(",\"operation\":").Append(JsonOrder.GoJson(Operation));
            if (ApiVersion.Length > 0)
                builder.Append(",\"apiVersion\":").Append(JsonOrder.GoJson(ApiVersion));
            if (Subresource.Length > 0)
                builder.Append(",\"subresource\":").Append(JsonOrder.GoJson(Subresource));
            return builder.Append('}').ToString();
        }
    }

    /// <summary>As conflict messages name it: <c>"kubectl-client-side-apply" using apps/v1</c>, <c>"kubectl"</c>.</summary>
    public string Describe()
    {
        var text = GoFormat.Quote(Manager);
        if (Subresource.Length > 0)
            text += $" with subresource {GoFormat.Quote(Subresource)}";
        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }
}
