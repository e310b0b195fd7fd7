using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Errors;

/// <summary>
/// A failed request as a Kubernetes Status (code, reason, message, details). The factories reproduce the messages
/// of k8s.io/apimachinery's errors package and kube-apiserver's handlers, because users read them and tests compare them.
/// </summary>
public sealed class ApiException(int code, string reason, string message, StatusDetails? details = null) : Exception(message)
{
    /// <summary>The HTTP status code.</summary>
    public int Code { get; } = code;

    /// <summary>The Status reason clients branch on ("NotFound"); may be empty for an unknown failure.</summary>
    public string Reason { get; } = reason;

    public StatusDetails? Details { get; } = details;

    /// <summary>Seconds a client should wait before retrying (the Retry-After header), when the Status says so.</summary>
    public int? RetryAfterSeconds => Details is { RetryAfterSeconds: > 0 } d ? d.RetryAfterSeconds : null;

    /// <summary>The same failure with <paramref name="causes"/> in its details (kept with the name, group and kind it had).</summary>
    public ApiException WithCauses(IReadOnlyList<StatusCause> causes) =>
        new(Code, Reason, Message, (Details ?? new StatusDetails()) with { Causes = causes });

    /// <summary>The Status object as kube-apiserver writes it, fields in its order.</summary>
    public JsonObject ToJson()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
        };
        if (Message.Length > 0)
        {
            status["message"] = Message;
        }
        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }
        if (Details is not null)
        {
            status["details"] = DetailsJson(Details);
        }
        status["code"] = Code;
        return status;
    }

    internal static JsonObject DetailsJson(StatusDetails details)
    {
        var json = new JsonObject();
        AddIfNotEmpty(json, "name", details.Name);
        AddIfNotEmpty(json, "group", details.Group);
        AddIfNotEmpty(json, "kind", details.Kind);
        AddIfNotEmpty(json, "uid", details.Uid);
        if (details.Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in details.Causes)
            {
                var c = new JsonObject();
                AddIfNotEmpty(c, "reason", cause.Reason);
                AddIfNotEmpty(c, "message", cause.Message);
                AddIfNotEmpty(c, "field", cause.Field);
                causes.Add(c);
            }
            json["causes"] = causes;
        }
        if (details.RetryAfterSeconds != 0)
        {
            json["retryAfterSeconds"] = details.RetryAfterSeconds;
        }
        return json;
    }

    private static void AddIfNotEmpty(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    /// <summary>Reads a Status object (from a response body or a watch ERROR event) back into an exception.</summary>
    public static ApiException FromStatus(JsonNode status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var d = status["details"];
        StatusDetails? details = d is JsonObject
            ? new StatusDetails
            {
                Name = (string?)d["name"],
                Group = (string?)d["group"],
                Kind = (string?)d["kind"],
                Uid = (string?)d["uid"],
                RetryAfterSeconds = (int?)d["retryAfterSeconds"] ?? 0,
                Causes = d["causes"] is JsonArray causes
                    ? [.. causes.Select(c => new StatusCause((string?)c?["reason"], (string?)c?["message"], (string?)c?["field"]))]
                    : [],
            }
            : null;
        return new ApiException((int?)status["code"] ?? 500, (string?)status["reason"] ?? "", (string?)status["message"] ?? "", details);
    }

    /// <summary>"deployments.apps" / "pods": upstream's GroupResource.String().</summary>
    private static string Qualified(string name, string group) => group.Length == 0 ? name : $"{name}.{group}";

    private static StatusDetails ResourceDetails(string group, string resource, string? name) =>
        new() { Group = group, Kind = resource, Name = name };

    /// <summary>404: <c>deployments.apps "web" not found</c>.</summary>
    public static ApiException NotFound(string group, string resource, string name) =>
        new(404, StatusReasons.NotFound, $"{Qualified(resource, group)} {GoFormat.Quote(name)} not found", ResourceDetails(group, resource, name));

    public static ApiException NotFound(ResourceDefinition resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return NotFound(resource.Group, resource.Plural, name);
    }

    /// <summary>409 AlreadyExists: <c>deployments.apps "web" already exists</c>.</summary>
    public static ApiException AlreadyExists(string group, string resource, string name) =>
        new(409, StatusReasons.AlreadyExists, $"{Qualified(resource, group)} {GoFormat.Quote(name)} already exists", ResourceDetails(group, resource, name));

    public static ApiException AlreadyExists(ResourceDefinition resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return AlreadyExists(resource.Group, resource.Plural, name);
    }

    /// <summary>409 AlreadyExists when every generated name was taken; the client may retry after a second.</summary>
    public static ApiException GenerateNameConflict(string group, string resource, string name, int retryAfterSeconds = 1) =>
        new(409, StatusReasons.AlreadyExists,
            $"{Qualified(resource, group)} {GoFormat.Quote(name)} already exists, the server was not able to generate a unique name for the object",
            ResourceDetails(group, resource, name) with { RetryAfterSeconds = retryAfterSeconds });

    /// <summary>The text of an optimistic-lock failure (upstream's OptimisticLockErrorMsg).</summary>
    public const string ObjectModifiedMessage = "the object has been modified; please apply your changes to the latest version and try again";

    /// <summary>409 Conflict: <c>Operation cannot be fulfilled on deployments.apps "web": {why}</c>.</summary>
    public static ApiException Conflict(string group, string resource, string name, string why = ObjectModifiedMessage) =>
        new(409, StatusReasons.Conflict, $"Operation cannot be fulfilled on {Qualified(resource, group)} {GoFormat.Quote(name)}: {why}",
            ResourceDetails(group, resource, name));

    public static ApiException Conflict(ResourceDefinition resource, string name, string why = ObjectModifiedMessage)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Conflict(resource.Group, resource.Plural, name, why);
    }

    /// <summary>409 Conflict from server-side apply: the message lists the conflicts, the causes carry them.</summary>
    public static ApiException ApplyConflict(string message, IReadOnlyList<StatusCause> causes) =>
        new(409, StatusReasons.Conflict, message, new StatusDetails { Causes = causes });

    /// <summary>
    /// 422 Invalid: <c>Deployment.apps "x" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, …]</c>.
    /// Details carry the kind (not the resource) and one cause per error.
    /// </summary>
    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var qualified = Qualified(kind, group);
        var message = errors.Count == 0
            ? $"{qualified} {GoFormat.Quote(name)} is invalid"
            : $"{qualified} {GoFormat.Quote(name)} is invalid: {FieldError.Aggregate(errors)}";
        return new(422, StatusReasons.Invalid, message,
            new StatusDetails { Group = group, Kind = kind, Name = name, Causes = [.. errors.Select(e => e.ToCause())] });
    }

    public static ApiException Invalid(ResourceDefinition resource, string name, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Invalid(resource.Group, resource.Kind, name, errors);
    }

    /// <summary>400 BadRequest with the message as given (no details).</summary>
    public static ApiException BadRequest(string message) => new(400, StatusReasons.BadRequest, message);

    /// <summary>401 Unauthorized; upstream's default message is "Unauthorized" from the authentication filter.</summary>
    public static ApiException Unauthorized(string message = "Unauthorized") =>
        new(401, StatusReasons.Unauthorized, message.Length == 0 ? "not authorized" : message);

    /// <summary>
    /// 403 Forbidden in upstream's shape: <c>pods is forbidden: {why}</c>, <c>pods "x" is forbidden: {why}</c>, or
    /// <c>forbidden: {why}</c> when there is no resource.
    /// </summary>
    public static ApiException Forbidden(string group, string resource, string name, string why)
    {
        var message = resource.Length == 0 && group.Length == 0 ? $"forbidden: {why}"
            : name.Length == 0 ? $"{Qualified(resource, group)} is forbidden: {why}"
            : $"{Qualified(resource, group)} {GoFormat.Quote(name)} is forbidden: {why}";
        return new(403, StatusReasons.Forbidden, message, ResourceDetails(group, resource, name));
    }

    /// <summary>
    /// 403 from authorization, worded as kube-apiserver's authorization filter words it:
    /// <c>pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"</c>.
    /// </summary>
    public static ApiException ForbiddenForUser(
        string user, string verb, string group, string resource, string subresource = "", string nameSpace = "", string name = "", string reason = "")
    {
        var target = subresource.Length == 0 ? resource : $"{resource}/{subresource}";
        var why = nameSpace.Length > 0
            ? $"User {GoFormat.Quote(user)} cannot {verb} resource {GoFormat.Quote(target)} in API group {GoFormat.Quote(group)} in the namespace {GoFormat.Quote(nameSpace)}"
            : $"User {GoFormat.Quote(user)} cannot {verb} resource {GoFormat.Quote(target)} in API group {GoFormat.Quote(group)} at the cluster scope";
        if (reason.Length > 0)
        {
            why += ": " + reason;
        }
        return Forbidden(group, resource, name, why);
    }

    /// <summary>403 for a non-resource URL: <c>forbidden: User "x" cannot get path "/metrics"</c>.</summary>
    public static ApiException ForbiddenPath(string user, string verb, string path, string reason = "") =>
        Forbidden("", "", "", $"User {GoFormat.Quote(user)} cannot {verb} path {GoFormat.Quote(path)}" + (reason.Length > 0 ? ": " + reason : ""));

    /// <summary>405: <c>create is not supported on resources of kind "bindings"</c>.</summary>
    public static ApiException MethodNotSupported(string group, string resource, string action) =>
        new(405, StatusReasons.MethodNotAllowed, $"{action} is not supported on resources of kind {GoFormat.Quote(Qualified(resource, group))}",
            new StatusDetails { Group = group, Kind = resource });

    /// <summary>410 Gone with the message as given.</summary>
    public static ApiException Gone(string message) => new(410, StatusReasons.Gone, message);

    /// <summary>410 Expired with the message as given.</summary>
    public static ApiException Expired(string message) => new(410, StatusReasons.Expired, message);

    /// <summary>410 Expired for a watch or list from a compacted revision: <c>too old resource version: 5 (120)</c>.</summary>
    public static ApiException TooOldResourceVersion(long requested, long oldest) =>
        Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {requested} ({oldest})"));

    /// <summary>410 Expired for a continue token whose snapshot was compacted.</summary>
    public static ApiException ContinueExpired() =>
        Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");

    /// <summary>413: <c>Request entity too large: {message}</c>.</summary>
    public static ApiException RequestEntityTooLarge(string message) =>
        new(413, StatusReasons.RequestEntityTooLarge, $"Request entity too large: {message}");

    /// <summary>415: <c>the body of the request was in an unknown format - accepted media types include: …</c>.</summary>
    public static ApiException UnsupportedMediaType(IEnumerable<string> accepted) =>
        new(415, StatusReasons.UnsupportedMediaType,
            "the body of the request was in an unknown format - accepted media types include: " + string.Join(", ", accepted));

    /// <summary>406: <c>only the following media types are accepted: …</c>.</summary>
    public static ApiException NotAcceptable(IEnumerable<string> accepted) =>
        new(406, StatusReasons.NotAcceptable, "only the following media types are accepted: " + string.Join(", ", accepted));

    /// <summary>429 with a Retry-After; <paramref name="causes"/> e.g. a DisruptionBudget cause for a blocked eviction.</summary>
    public static ApiException TooManyRequests(string message, int retryAfterSeconds, IReadOnlyList<StatusCause>? causes = null) =>
        new(429, StatusReasons.TooManyRequests, message, new StatusDetails { RetryAfterSeconds = retryAfterSeconds, Causes = causes ?? [] });

    /// <summary>500: <c>Internal error occurred: {message}</c>, the message repeated as the one cause.</summary>
    public static ApiException InternalError(string message) =>
        new(500, StatusReasons.InternalError, $"Internal error occurred: {message}", new StatusDetails { Causes = [new StatusCause(null, message)] });

    /// <summary>500 ServerTimeout: <c>The get operation against pods could not be completed at this time, please try again.</c></summary>
    public static ApiException ServerTimeout(string group, string resource, string operation, int retryAfterSeconds) =>
        new(500, StatusReasons.ServerTimeout,
            $"The {operation} operation against {Qualified(resource, group)} could not be completed at this time, please try again.",
            new StatusDetails { Group = group, Kind = resource, Name = operation, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>504 Timeout: <c>Timeout: {message}</c>.</summary>
    public static ApiException Timeout(string message, int retryAfterSeconds = 0) =>
        new(504, StatusReasons.Timeout, $"Timeout: {message}", new StatusDetails { RetryAfterSeconds = retryAfterSeconds });

    /// <summary>
    /// 504 for a read at a resourceVersion the store has not reached yet, as upstream's storage reports it: reason Timeout,
    /// cause ResourceVersionTooLarge, retry after a second.
    /// </summary>
    public static ApiException ResourceVersionTooLarge(long requested, long current, int retryAfterSeconds = 1) =>
        new(504, StatusReasons.Timeout,
            string.Create(CultureInfo.InvariantCulture, $"Timeout: Too large resource version: {requested}, current: {current}"),
            new StatusDetails
            {
                RetryAfterSeconds = retryAfterSeconds,
                Causes = [new StatusCause(StatusReasons.CauseResourceVersionTooLarge, "Too large resource version")],
            });

    /// <summary>503 with the message as given.</summary>
    public static ApiException ServiceUnavailable(string message) => new(503, StatusReasons.ServiceUnavailable, message);
}
