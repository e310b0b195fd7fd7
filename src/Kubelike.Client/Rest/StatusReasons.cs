namespace Kubelike.Client.Rest;

/// <summary>The <c>reason</c> values of a Status that clients act on.</summary>
public static class StatusReasons
{
    public const string NotFound = "NotFound";
    public const string AlreadyExists = "AlreadyExists";
    public const string Conflict = "Conflict";
    public const string Invalid = "Invalid";
    public const string Expired = "Expired";
    public const string Gone = "Gone";
    public const string BadRequest = "BadRequest";
    public const string Forbidden = "Forbidden";
    public const string Unauthorized = "Unauthorized";
    public const string TooManyRequests = "TooManyRequests";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string InternalError = "InternalError";
    public const string Timeout = "Timeout";
}
