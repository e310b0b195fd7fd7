using System.Buffers.Text;
using System.Text.Json;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// The opaque <c>continue</c> of a paged list: the list's revision and the last key returned, as base64url JSON.
/// The resource is included so a token cannot be replayed against another resource.
/// </summary>
internal sealed record ContinueToken(long Revision, string Resource, string Namespace, string Name)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
        new Wire { V = 1, Rev = Revision, Res = Resource, Ns = Namespace, Name = Name }));

    public static ContinueToken Decode(string token, string resource)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw Invalid();
        }
        if (wire is null || wire.V != 1 || wire.Rev <= 0 || wire.Res is null || wire.Ns is null || wire.Name is null)
            throw Invalid();
        if (!string.Equals(wire.Res, resource, StringComparison.Ordinal))
            throw new StorageException(StorageErrorCode.BadRequest, $"continue token is for {wire.Res}, not {resource}");
        return new ContinueToken(wire.Rev, wire.Res, wire.Ns, wire.Name);
    }

    private static StorageException Invalid() => new(StorageErrorCode.BadRequest, "continue key is not valid");

    private sealed class Wire
    {
        public int V { get; set; }
        public long Rev { get; set; }
        public string? Res { get; set; }
        public string? Ns { get; set; }
        public string? Name { get; set; }
    }
}
