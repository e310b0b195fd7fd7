using System.Globalization;
using System.Net.Http.Headers;

namespace Kubelike.Node.Cri.Grpc;

/// <summary>A call's final status: the <c>grpc-status</c> and <c>grpc-message</c> fields of its trailers.</summary>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Message)
{
    /// <summary>The status in <paramref name="headers"/>, or null when they hold no <c>grpc-status</c>.</summary>
    public static GrpcStatus? FromHeaders(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var statusValues))
            return null;
        var raw = statusValues.FirstOrDefault();
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return new GrpcStatus(GrpcStatusCode.Unknown, $"unparsable grpc-status '{raw}'");
        var message = headers.TryGetValues("grpc-message", out var messageValues) ? DecodeMessage(string.Join(',', messageValues)) : "";
        // Codes beyond the known ones are Unknown, as the gRPC spec asks.
        return new GrpcStatus(Enum.IsDefined((GrpcStatusCode)code) ? (GrpcStatusCode)code : GrpcStatusCode.Unknown, message);
    }

    /// <summary>
    /// grpc-message is percent-encoded UTF-8. A malformed escape is kept as it is rather than losing the message.
    /// </summary>
    public static string DecodeMessage(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
            return encoded;
        try
        {
            return Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            return encoded;
        }
    }

    public void ThrowIfError(string method)
    {
        if (Code != GrpcStatusCode.OK)
            throw new GrpcCallException(method, Code, Message);
    }
}
