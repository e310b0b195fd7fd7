using Microsoft.Net.Http.Headers;

namespace Kubelike.ApiServer.Negotiation;

/// <summary>
/// The response shapes a client can ask for in <c>Accept</c>. Clients pick their decoder from the response's
/// Content-Type, so the server answers with the first shape it supports, in the client's order.
/// </summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string TableV1 = "application/json;as=Table;v=v1;g=meta.k8s.io";
    public const string TableV1Beta1 = "application/json;as=Table;v=v1beta1;g=meta.k8s.io";
    public const string DiscoveryV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string DiscoveryV2Beta1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    /// <summary>The Table version the client accepts ("v1" or "v1beta1"), or null when it wants plain objects.</summary>
    public static string? AcceptedTableVersion(string? accept) => FirstAs(accept, "Table", "meta.k8s.io", "v1", "v1beta1");

    /// <summary>The aggregated discovery version the client accepts ("v2" or "v2beta1"), or null for the legacy documents.</summary>
    public static string? AcceptedDiscoveryVersion(string? accept) => FirstAs(accept, "APIGroupDiscoveryList", "apidiscovery.k8s.io", "v2", "v2beta1");

    /// <summary>
    /// Walks the Accept list in the client's order (by quality, then position): the first entry that asks for
    /// <paramref name="kind"/> in a supported version wins; an entry for plain JSON (or anything) first means "no".
    /// </summary>
    private static string? FirstAs(string? accept, string kind, string group, params string[] versions)
    {
        if (string.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var values))
            return null;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            string? asKind = null, asGroup = null, asVersion = null;
            foreach (var parameter in value.Parameters)
            {
                var name = parameter.Name.Value;
                var parameterValue = parameter.Value.Value;
                if (string.Equals(name, "as", StringComparison.OrdinalIgnoreCase))
                    asKind = parameterValue;
                else if (string.Equals(name, "g", StringComparison.OrdinalIgnoreCase))
                    asGroup = parameterValue;
                else if (string.Equals(name, "v", StringComparison.OrdinalIgnoreCase))
                    asVersion = parameterValue;
            }
            if (asKind is null)
                return null;
            if (asKind == kind && asGroup == group && asVersion is not null && versions.Contains(asVersion))
                return asVersion;
        }
        return null;
    }

    /// <summary>The media type of a request body without its parameters, lower-case ("application/json").</summary>
    public static string BodyType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return Json;
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}
