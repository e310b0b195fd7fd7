namespace Kubelike.ApiServer.OpenApi;

/// <summary>One document as served: its JSON bytes and their hash (upper-case hex SHA-512, upstream's ETag and <c>?hash=</c>).</summary>
public sealed record ServedOpenApiDocument(byte[] Json, string Hash)
{
    public static ServedOpenApiDocument Of(byte[] json) =>
        new(json, Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(json)));
}
