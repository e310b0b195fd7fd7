using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Requests;

/// <summary>
/// Resolves a path under /api or /apis to a <see cref="RequestInfo"/>. The one ambiguity of the URL scheme,
/// <c>/namespaces/{ns}/{x}</c>, is settled the way kube-apiserver settles it: {x} is a namespaced resource of
/// the group-version when one has that name, otherwise a subresource of the namespace.
/// </summary>
public static class RequestInfoParser
{
    /// <summary>Returns null when the path is not a well-formed API path.</summary>
    public static RequestInfo? Parse(string method, string path, bool watchParameter, ResourceRegistry registry)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
            return null;

        var prefix = parts[0];
        int index;
        string group, version;
        if (prefix == "api")
        {
            if (parts.Length == 1)
                return new RequestInfo { Prefix = prefix, Verb = "get" };
            group = "";
            version = parts[1];
            index = 2;
        }
        else if (prefix == "apis")
        {
            if (parts.Length == 1)
                return new RequestInfo { Prefix = prefix, Verb = "get" };
            if (parts.Length == 2)
                return new RequestInfo { Prefix = prefix, Group = parts[1], Verb = "get" };
            group = parts[1];
            version = parts[2];
            index = 3;
        }
        else
        {
            return null;
        }

        var rest = parts[index..];
        if (rest.Length == 0)
            return new RequestInfo { Prefix = prefix, Group = group, Version = version, Verb = "get" };

        var ns = "";
        if (rest[0] == "namespaces" && rest.Length >= 3 && registry.Find(group, version, rest[2]) is { Namespaced: true })
        {
            ns = rest[1];
            rest = rest[2..];
        }
        else if (rest[0] == "namespaces" && rest.Length >= 2)
        {
            // The Namespace object itself, or one of its subresources (status, finalize): its namespace is its name.
            ns = rest[1];
        }
        if (rest.Length > 3)
            return null;

        var resource = rest[0];
        var name = rest.Length > 1 ? rest[1] : "";
        var subresource = rest.Length > 2 ? rest[2] : "";
        var verb = Verb(method, name.Length > 0, watchParameter);
        if (verb is null)
            return null;
        return new RequestInfo
        {
            Prefix = prefix,
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = resource,
            Name = name,
            Subresource = subresource,
            Verb = verb,
        };
    }

    private static string? Verb(string method, bool hasName, bool watch) => method switch
    {
        "GET" or "HEAD" when watch => "watch",
        "GET" or "HEAD" => hasName ? "get" : "list",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => hasName ? "delete" : "deletecollection",
        _ => null,
    };
}
