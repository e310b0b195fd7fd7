using System.Text.Json.Nodes;
using Kubelike.Api.Meta.V1;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// The <c>paths</c> of one group-version: the resource list at the root, and per resource the operations its verbs
/// and subresources allow, named, tagged and typed as upstream's documents do (<c>operationId</c>,
/// <c>x-kubernetes-action</c>, <c>x-kubernetes-group-version-kind</c>, request body and response schemas).
/// Only paths Kubelike serves are listed (not the deprecated <c>/watch/</c> prefix).
/// </summary>
internal sealed class ResourcePaths(ApiGroupDefinition group, string version, ComponentSchemas schemas)
{
    private static readonly string[] ObjectTypes = ["application/json", "application/vnd.kubernetes.protobuf", "application/yaml"];
    private static readonly string[] ListTypes =
        ["application/json", "application/json;stream=watch", "application/vnd.kubernetes.protobuf", "application/vnd.kubernetes.protobuf;stream=watch", "application/yaml"];

    private static readonly string[] PatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    private readonly Dictionary<string, JsonObject> _paths = new(StringComparer.Ordinal);

    private string Prefix => group.Name.Length == 0 ? $"/api/{version}" : $"/apis/{group.Name}/{version}";

    /// <summary>"apps_v1", "rbacAuthorization_v1", "core_v1".</summary>
    private string Tag => char.ToLowerInvariant(GroupWord[0]) + GroupWord[1..] + "_" + version;

    /// <summary>"Apps", "RbacAuthorization", "Core": the group in operation ids.</summary>
    private string GroupWord
    {
        get
        {
            if (group.Name.Length == 0)
                return "Core";
            var name = group.Name.EndsWith(".k8s.io", StringComparison.Ordinal) ? group.Name[..^".k8s.io".Length] : group.Name;
            return string.Concat(name.Split('.').Select(Capitalized));
        }
    }

    private string VersionWord => Capitalized(version);

    public JsonObject Build(IEnumerable<ResourceDefinition> resources)
    {
        Path(Prefix + "/")["get"] = new JsonObject
        {
            ["description"] = "get available resources",
            ["operationId"] = $"get{GroupWord}{VersionWord}APIResources",
            ["responses"] = Responses(("200", "OK", schemas.Reference(typeof(APIResourceList)), ObjectTypes)),
            ["tags"] = Tags(),
        };
        foreach (var resource in resources)
            AddResource(resource);
        return new JsonObject([.. _paths.Select(pair => KeyValuePair.Create<string, JsonNode?>(pair.Key, pair.Value))]);
    }

    private void AddResource(ResourceDefinition resource)
    {
        var model = ModelTypes.Find(resource)
            ?? throw new InvalidOperationException($"{resource.Kind} ({resource.ApiVersion}) has no model type");
        var kind = resource.GroupVersionKind;
        var scope = resource.Namespaced ? "Namespaced" : "";
        var collection = resource.Namespaced ? $"{Prefix}/namespaces/{{namespace}}/{resource.Plural}" : $"{Prefix}/{resource.Plural}";
        var item = collection + "/{name}";
        var listType = ModelTypes.Find(kind with { Kind = resource.ListKind });

        if (resource.SupportsVerb("list") && listType is not null)
        {
            var list = Operation("list", $"list or watch objects of kind {kind.Kind}", $"list{Id(scope)}{kind.Kind}", kind,
                Responses(("200", "OK", schemas.Reference(listType), ListTypes)), OperationParameters.List);
            Collection(collection, resource)["get"] = list;
            if (resource.Namespaced)
            {
                // Across namespaces: the list options are parameters of the path, as upstream lists them.
                var all = Path($"{Prefix}/{resource.Plural}");
                all["get"] = Operation("list", $"list or watch objects of kind {kind.Kind}", $"list{Id("")}{kind.Kind}ForAllNamespaces", kind,
                    Responses(("200", "OK", schemas.Reference(listType), ListTypes)), []);
                all["parameters"] = Clone(OperationParameters.List);
            }
        }
        if (resource.SupportsVerb("create"))
        {
            Collection(collection, resource)["post"] = Write("post", $"create a {kind.Kind}", $"create{Id(scope)}{kind.Kind}", kind, model,
                OperationParameters.Create, created: true, accepted: true);
        }
        if (resource.SupportsVerb("deletecollection"))
        {
            var operation = Operation("deletecollection", $"delete collection of {kind.Kind}", $"delete{Id("Collection" + scope)}{kind.Kind}", kind,
                Responses(("200", "OK", schemas.Reference(typeof(Status)), ObjectTypes)), OperationParameters.DeleteCollection);
            operation["requestBody"] = Body(schemas.Reference(typeof(DeleteOptions)), required: false);
            Collection(collection, resource)["delete"] = operation;
        }
        AddItem(resource, item, model, scope);
        foreach (var subresource in resource.Subresources)
            AddSubresource(resource, item, scope, subresource);
    }

    private void AddItem(ResourceDefinition resource, string item, Type model, string scope)
    {
        var kind = resource.GroupVersionKind;
        if (!resource.Verbs.Any(verb => verb is "get" or "update" or "patch" or "delete"))
            return;
        var path = Item(item, resource);
        if (resource.SupportsVerb("get"))
        {
            path["get"] = Operation("get", $"read the specified {kind.Kind}", $"read{Id(scope)}{kind.Kind}", kind,
                Responses(("200", "OK", schemas.Reference(model), ObjectTypes)), []);
        }
        if (resource.SupportsVerb("update"))
        {
            path["put"] = Write("put", $"replace the specified {kind.Kind}", $"replace{Id(scope)}{kind.Kind}", kind, model,
                OperationParameters.Update, created: true, accepted: false);
        }
        if (resource.SupportsVerb("patch"))
            path["patch"] = Patch($"partially update the specified {kind.Kind}", $"patch{Id(scope)}{kind.Kind}", kind, model);
        if (resource.SupportsVerb("delete"))
        {
            // Pods, services and a few more answer a delete with the object; the rest with a Status.
            var answer = resource.DeleteReturnsObject ? schemas.Reference(model) : schemas.Reference(typeof(Status));
            var operation = Operation("delete", $"delete a {kind.Kind}", $"delete{Id(scope)}{kind.Kind}", kind,
                Responses(("200", "OK", answer, ObjectTypes), ("202", "Accepted", answer.DeepClone().AsObject(), ObjectTypes)),
                OperationParameters.Delete);
            operation["requestBody"] = Body(schemas.Reference(typeof(DeleteOptions)), required: false);
            path["delete"] = operation;
        }
    }

    private void AddSubresource(ResourceDefinition resource, string item, string scope, SubresourceDefinition subresource)
    {
        var owner = resource.GroupVersionKind.Kind;
        var kind = subresource.ResponseKind ?? resource.GroupVersionKind;
        var word = Capitalized(subresource.Name);
        var subPath = $"{item}/{subresource.Name}";
        var path = Item(subPath, resource);
        var id = $"{Id(scope)}{owner}{word}";

        if (kind.Kind.EndsWith("Options", StringComparison.Ordinal))
        {
            AddConnect(resource, subPath, subresource, kind, scope);
            return;
        }
        if (subresource.Name == "log")
        {
            path["get"] = Operation("get", $"read log of the specified {owner}", $"read{id}", kind,
                Responses(("200", "OK", new JsonObject { ["type"] = "string" }, ["application/json", "application/vnd.kubernetes.protobuf", "application/yaml", "text/plain"])),
                OperationParameters.Log);
            return;
        }
        var model = ModelTypes.Find(kind)
            ?? throw new InvalidOperationException($"{kind.Kind} ({kind.ApiVersion}) of {resource.Plural}/{subresource.Name} has no model type");
        var of = subresource.Name is "status" or "scale" or "ephemeralcontainers" or "resize" ? $"{subresource.Name} of the specified {owner}" : null;
        if (subresource.Verbs.Contains("get"))
        {
            path["get"] = Operation("get", $"read {of ?? subresource.Name + " of the specified " + owner}", $"read{id}", kind,
                Responses(("200", "OK", schemas.Reference(model), ObjectTypes)), []);
        }
        if (subresource.Verbs.Contains("update"))
        {
            path["put"] = Write("put", $"replace {of ?? subresource.Name + " of the specified " + owner}", $"replace{id}", kind, model,
                OperationParameters.Update, created: true, accepted: false);
        }
        if (subresource.Verbs.Contains("patch"))
            path["patch"] = Patch($"partially update {of ?? subresource.Name + " of the specified " + owner}", $"patch{id}", kind, model);
        if (subresource.Verbs.Contains("create"))
        {
            path["post"] = Write("post", $"create {subresource.Name} of a {owner}", $"create{id}", kind, model,
                OperationParameters.Create, created: true, accepted: true);
        }
    }

    /// <summary>exec, attach, portforward and proxy: connections rather than objects, answered with a stream.</summary>
    private void AddConnect(ResourceDefinition resource, string subPath, SubresourceDefinition subresource, GroupVersionKind kind, string scope)
    {
        var path = Item(subPath, resource);
        var owner = resource.GroupVersionKind.Kind;
        var parameters = subresource.Name switch
        {
            "exec" => OperationParameters.Exec,
            "attach" => OperationParameters.Attach,
            "portforward" => OperationParameters.PortForward,
            _ => OperationParameters.Proxy,
        };
        var methods = subresource.Name == "proxy" ? ["delete", "get", "head", "options", "patch", "post", "put"] : new[] { "get", "post" };
        foreach (var method in methods)
        {
            var word = Capitalized(method);
            path[method] = Operation("connect", $"connect {method.ToUpperInvariant()} requests to {subresource.Name} of {owner}",
                $"connect{GroupWord}{VersionWord}{word}{scope}{owner}{Capitalized(subresource.Name)}", kind,
                Responses(("200", "OK", new JsonObject { ["type"] = "string" }, ["*/*"])), parameters);
        }
        if (subresource.Name == "proxy")
        {
            // The proxy also takes a path below the object.
            var below = Item(subPath + "/{path}", resource);
            below["parameters"]!.AsArray().Add(OperationParameters.ProxyPath());
            foreach (var method in methods)
            {
                below[method] = Operation("connect", $"connect {method.ToUpperInvariant()} requests to {subresource.Name} of {owner}",
                    $"connect{GroupWord}{VersionWord}{Capitalized(method)}{scope}{owner}ProxyWithPath", kind,
                    Responses(("200", "OK", new JsonObject { ["type"] = "string" }, ["*/*"])), []);
            }
        }
    }

    private JsonObject Write(string action, string description, string id, GroupVersionKind kind, Type model,
        IReadOnlyList<JsonObject> parameters, bool created, bool accepted)
    {
        var responses = new List<(string, string, JsonObject, string[])> { ("200", "OK", schemas.Reference(model), ObjectTypes) };
        if (created)
            responses.Add(("201", "Created", schemas.Reference(model), ObjectTypes));
        if (accepted)
            responses.Add(("202", "Accepted", schemas.Reference(model), ObjectTypes));
        var operation = Operation(action, description, id, kind, Responses([.. responses]), parameters);
        operation["requestBody"] = Body(schemas.Reference(model), required: true);
        return operation;
    }

    private JsonObject Patch(string description, string id, GroupVersionKind kind, Type model)
    {
        var operation = Operation("patch", description, id, kind,
            Responses(("200", "OK", schemas.Reference(model), ObjectTypes), ("201", "Created", schemas.Reference(model), ObjectTypes)),
            OperationParameters.Patch);
        // Every patch type: with strategic merge patch listed, kubectl computes strategic patches for the kind.
        operation["requestBody"] = new JsonObject
        {
            ["content"] = new JsonObject([.. PatchTypes.Select(type => KeyValuePair.Create<string, JsonNode?>(type,
                new JsonObject { ["schema"] = schemas.Reference(SchemaNames.Patch) }))]),
            ["required"] = true,
        };
        return operation;
    }

    private JsonObject Operation(string action, string description, string id, GroupVersionKind kind, JsonObject responses,
        IReadOnlyList<JsonObject> parameters)
    {
        var operation = new JsonObject
        {
            ["description"] = description,
            ["operationId"] = id,
            ["responses"] = responses,
            ["tags"] = Tags(),
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = ComponentSchemas.Kind(kind),
        };
        if (parameters.Count > 0)
            operation["parameters"] = Clone(parameters);
        return operation;
    }

    private static JsonObject Body(JsonObject schema, bool required)
    {
        var body = new JsonObject { ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = schema } } };
        if (required)
            body["required"] = true;
        return body;
    }

    private static JsonObject Responses(params (string Code, string Description, JsonObject Schema, string[] MediaTypes)[] answers)
    {
        var responses = new JsonObject();
        foreach (var (code, description, schema, mediaTypes) in answers)
        {
            responses[code] = new JsonObject
            {
                ["content"] = new JsonObject([.. mediaTypes.Select(type => KeyValuePair.Create<string, JsonNode?>(type,
                    new JsonObject { ["schema"] = schema.DeepClone() }))]),
                ["description"] = description,
            };
        }
        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }

    private JsonArray Tags() => [Tag];

    /// <summary>The operation id between the verb and the kind: "AppsV1Namespaced", "CoreV1", "AppsV1CollectionNamespaced".</summary>
    private string Id(string scope) => GroupWord + VersionWord + scope;

    private JsonObject Collection(string path, ResourceDefinition resource) => PathWithParameters(path, resource.Namespaced ? [OperationParameters.Namespace()] : []);

    private JsonObject Item(string path, ResourceDefinition resource)
    {
        JsonObject[] parameters = resource.Namespaced
            ? [OperationParameters.Name(resource.Kind), OperationParameters.Namespace()]
            : [OperationParameters.Name(resource.Kind)];
        return PathWithParameters(path, parameters);
    }

    private JsonObject PathWithParameters(string path, JsonObject[] parameters)
    {
        var item = Path(path);
        if (!item.ContainsKey("parameters") && parameters.Length > 0)
            item["parameters"] = new JsonArray([.. parameters]);
        return item;
    }

    private JsonObject Path(string path)
    {
        if (!_paths.TryGetValue(path, out var item))
            _paths[path] = item = new JsonObject();
        return item;
    }

    private static JsonArray Clone(IReadOnlyList<JsonObject> parameters) => [.. parameters.Select(p => p.DeepClone())];

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
