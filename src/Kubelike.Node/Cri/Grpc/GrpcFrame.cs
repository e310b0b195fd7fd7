using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Kubelike.Node.Cri.Grpc;

/// <summary>
/// gRPC's length-prefixed message framing on HTTP/2: one byte compressed-flag, a big-endian 32-bit length,
/// then the message bytes.
/// </summary>
public static class GrpcFrame
{
    public const int HeaderLength = 5;

    /// <summary>One uncompressed frame holding <paramref name="message"/>.</summary>
    public static byte[] Encode(IMessage message)
    {
        var length = message.CalculateSize();
        var frame = new byte[HeaderLength + length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)length);
        message.WriteTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    /// <summary>
    /// Reads the next frame's message bytes, decompressed when flagged so (only gzip is understood), or null at the
    /// clean end of the stream. Throws <see cref="GrpcFrameException"/> for a truncated frame or an unknown encoding
    /// (Internal) and for a message over <paramref name="maxMessageSize"/> (ResourceExhausted).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxMessageSize, string? encoding, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
            return null;
        if (read < HeaderLength)
            throw new GrpcFrameException(GrpcStatusCode.Internal, $"the stream ended inside a frame header ({read} of {HeaderLength} bytes)");

        var compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new GrpcFrameException(GrpcStatusCode.Internal, $"invalid frame flag {header[0]}"),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > (uint)maxMessageSize)
            throw TooLarge(length, maxMessageSize);

        var payload = new byte[length];
        read = await stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < payload.Length)
            throw new GrpcFrameException(GrpcStatusCode.Internal, $"the stream ended inside a message ({read} of {length} bytes)");
        if (!compressed)
            return payload;

        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
            throw new GrpcFrameException(GrpcStatusCode.Internal, $"compressed message with unsupported grpc-encoding '{encoding ?? "identity"}'");
        await using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await gzip.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (decompressed.Length + n > maxMessageSize)
                throw TooLarge(decompressed.Length + n, maxMessageSize);
            decompressed.Write(buffer, 0, n);
        }
        return decompressed.ToArray();
    }

    private static GrpcFrameException TooLarge(long length, int maxMessageSize) =>
        new(GrpcStatusCode.ResourceExhausted, $"received message of {length} bytes exceeds the limit of {maxMessageSize} bytes");
}
