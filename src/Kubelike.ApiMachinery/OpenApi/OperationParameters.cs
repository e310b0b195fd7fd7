using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// The query and path parameters of the operations. The options of the standard verbs are the fields of their
/// option kinds (ListOptions, CreateOptions, UpdateOptions, PatchOptions, DeleteOptions), as upstream derives them,
/// so a parameter's description is the field's. kubectl looks for <c>fieldValidation</c> among the PATCH operation's
/// own parameters before it lets the server validate (and sends <c>fieldValidation=Strict</c>).
/// </summary>
internal static class OperationParameters
{
    public static readonly IReadOnlyList<JsonObject> List = FromOptions(typeof(ListOptions));
    public static readonly IReadOnlyList<JsonObject> Create = FromOptions(typeof(CreateOptions));
    public static readonly IReadOnlyList<JsonObject> Update = FromOptions(typeof(UpdateOptions));
    public static readonly IReadOnlyList<JsonObject> Patch = FromOptions(typeof(PatchOptions));
    public static readonly IReadOnlyList<JsonObject> Delete = FromOptions(typeof(DeleteOptions));

    /// <summary>deletecollection takes the list options that select the objects and the delete options, except watch ones.</summary>
    public static readonly IReadOnlyList<JsonObject> DeleteCollection = Sorted(
        [.. Delete, .. List.Where(p => p["name"]!.GetValue<string>() is not ("watch" or "allowWatchBookmarks"))]);

    public static readonly IReadOnlyList<JsonObject> Exec = Sorted(
    [
        Query("command", "string", "The command to run, one argument per parameter; not run in a shell."),
        Query("container", "string", "The container to run the command in; may be left out when the pod has one container."),
        Query("stdin", "boolean", "Redirect the standard input stream of the command. Defaults to false."),
        Query("stdout", "boolean", "Redirect the standard output stream of the command. Defaults to true."),
        Query("stderr", "boolean", "Redirect the standard error stream of the command. Defaults to true."),
        Query("tty", "boolean", "Allocate a terminal for the command. Defaults to false."),
    ]);

    public static readonly IReadOnlyList<JsonObject> Attach = Sorted(
    [
        Query("container", "string", "The container to attach to; may be left out when the pod has one container."),
        Query("stdin", "boolean", "Pass the standard input stream to the container. Defaults to false."),
        Query("stdout", "boolean", "Pass the standard output stream of the container. Defaults to true."),
        Query("stderr", "boolean", "Pass the standard error stream of the container. Defaults to true."),
        Query("tty", "boolean", "The container's standard input is a terminal. Defaults to false."),
    ]);

    public static readonly IReadOnlyList<JsonObject> PortForward =
    [
        Query("ports", "integer", "The ports of the pod to forward."),
    ];

    public static readonly IReadOnlyList<JsonObject> Proxy =
    [
        Query("path", "string", "The path to proxy the request to."),
    ];

    public static readonly IReadOnlyList<JsonObject> Log = Sorted(
    [
        Query("container", "string", "The container whose logs to read; may be left out when the pod has one container."),
        Query("follow", "boolean", "Keep the stream open and write new lines as the container writes them. Defaults to false."),
        Query("insecureSkipTLSVerifyBackend", "boolean", "Do not verify the serving certificate of the node agent the logs are read from."),
        Query("limitBytes", "integer", "Stop after this many bytes of log output."),
        Query("previous", "boolean", "Read the logs of the previous, terminated instance of the container. Defaults to false."),
        Query("sinceSeconds", "integer", "Only logs written in the last this many seconds."),
        Query("stream", "string", "Which stream to read: All, Stdout or Stderr. Defaults to All."),
        Query("tailLines", "integer", "Only this many lines from the end of the log."),
        Query("timestamps", "boolean", "Begin every line with an RFC 3339 timestamp. Defaults to false."),
    ]);

    public static JsonObject Name(string kind) => PathParameter("name", $"name of the {kind}");

    public static JsonObject Namespace() => PathParameter("namespace", "object name and auth scope, such as for teams and projects");

    public static JsonObject ProxyPath() => PathParameter("path", "path to the resource");

    private static JsonObject PathParameter(string name, string description) => new()
    {
        ["description"] = description,
        ["in"] = "path",
        ["name"] = name,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Query(string name, string type, string description) => new()
    {
        ["description"] = description,
        ["in"] = "query",
        ["name"] = name,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    /// <summary>A parameter per scalar field of an option kind (type metadata and nested structs are not parameters).</summary>
    private static List<JsonObject> FromOptions(Type options) => Sorted(
    [
        .. options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => (property, name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(pair => pair.name is not (null or "apiVersion" or "kind") && QueryType(pair.property.PropertyType) is not null)
            .Select(pair => Query(
                pair.name!,
                QueryType(pair.property.PropertyType)!,
                pair.property.GetCustomAttribute<DescriptionAttribute>()?.Text ?? "")),
    ]);

    /// <summary>The parameter type of a field: a list of strings is a repeatable string parameter.</summary>
    private static string? QueryType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ => null,
        };
    }

    private static List<JsonObject> Sorted(IEnumerable<JsonObject> parameters) =>
        [.. parameters.OrderBy(p => p["name"]!.GetValue<string>(), StringComparer.Ordinal)];
}
