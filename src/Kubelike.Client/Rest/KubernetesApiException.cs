using System.Net;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Client.Rest;

/// <summary>
/// The API server answered with an error: the HTTP status and the <see cref="Status"/> it sent (for a body that
/// was not a Status, one made from the HTTP status and the body). Branch on <see cref="Reason"/> and
/// <see cref="Code"/>, never on the message — as kubectl does.
/// </summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException(Status status, HttpStatusCode? httpStatus = null, Exception? innerException = null)
        : base(Describe(status), innerException)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
        HttpStatus = httpStatus ?? (HttpStatusCode)(status.Code ?? 500);
    }

    public Status Status { get; }

    public HttpStatusCode HttpStatus { get; }

    /// <summary>The Status code (the HTTP status of the response for an error answered with one).</summary>
    public int Code => Status.Code ?? (int)HttpStatus;

    /// <summary>The machine-readable reason: NotFound, AlreadyExists, Conflict, Invalid, Expired, Gone, …</summary>
    public string? Reason => Status.Reason;

    public StatusDetails? Details => Status.Details;

    public bool IsNotFound => Code == 404 && Reason is null or StatusReasons.NotFound;

    public bool IsAlreadyExists => Reason == StatusReasons.AlreadyExists;

    /// <summary>A stale resourceVersion (or a field manager conflict of server-side apply).</summary>
    public bool IsConflict => Code == 409 && Reason != StatusReasons.AlreadyExists;

    public bool IsInvalid => Code == 422 || Reason == StatusReasons.Invalid;

    /// <summary>410: the resourceVersion or continue token is older than the server's history.</summary>
    public bool IsGone => Code == 410 || Reason is StatusReasons.Expired or StatusReasons.Gone;

    public bool IsTooManyRequests => Code == 429;

    public bool IsForbidden => Code == 403;

    public bool IsUnauthorized => Code == 401;

    /// <summary>The exception for a Status: <see cref="ResourceVersionExpiredException"/> for 410, else this type.</summary>
    public static KubernetesApiException FromStatus(Status status, HttpStatusCode? httpStatus = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var code = status.Code ?? (int?)httpStatus;
        return code == 410 || status.Reason is StatusReasons.Expired or StatusReasons.Gone
            ? new ResourceVersionExpiredException(status, httpStatus)
            : new KubernetesApiException(status, httpStatus);
    }

    private static string Describe(Status status)
    {
        var reason = string.IsNullOrEmpty(status?.Reason) ? "Unknown" : status.Reason;
        return $"{status?.Code} {reason}: {status?.Message}";
    }
}
