namespace Kubelike.Node.Streaming;

/// <summary>Why an exec, attach or port-forward cannot start; the agent answers it as a Status with this code.</summary>
public sealed class StreamRequestException(int statusCode, string reason, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;

    public static StreamRequestException BadRequest(string message) => new(400, "BadRequest", message);

    public static StreamRequestException NotFound(string message) => new(404, "NotFound", message);
}
