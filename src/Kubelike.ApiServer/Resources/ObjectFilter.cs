using System.Text.Json.Nodes;

namespace Kubelike.ApiServer.Resources;

/// <summary>Which objects a list or watch returns: its label and field selectors, parsed once per request.</summary>
internal sealed class ObjectFilter(Func<JsonObject, bool>? predicate)
{
    public static readonly ObjectFilter Everything = new(null);

    public bool IsEverything => predicate is null;

    public bool Matches(JsonObject obj) => predicate is null || predicate(obj);
}
