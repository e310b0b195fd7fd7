using System.Text;

namespace Kubelike.ApiMachinery.Tests.Protobuf;

/// <summary>
/// A tiny protobuf writer for building request bodies by hand, so the tests do not depend on Google.Protobuf
/// and each byte's meaning is visible in the test.
/// </summary>
internal sealed class ProtoTestWriter
{
    private readonly List<byte> bytes = [];

    /// <summary>The full request body: "k8s\0" + runtime.Unknown {1 typeMeta, 2 raw, 3 "", 4 ""}.</summary>
    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoTestWriter> raw)
    {
        var unknown = new ProtoTestWriter()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, raw)
            .String(3, "")
            .String(4, "");
        return [0x6b, 0x38, 0x73, 0x00, .. unknown.ToArray()];
    }

    public ProtoTestWriter Varint(int field, ulong value) => Tag(field, 0).RawVarint(value);

    public ProtoTestWriter Int64(int field, long value) => Varint(field, unchecked((ulong)value));

    public ProtoTestWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoTestWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2).RawVarint((ulong)value.Length);
        bytes.AddRange(value);
        return this;
    }

    public ProtoTestWriter Message(int field, Action<ProtoTestWriter> content)
    {
        var nested = new ProtoTestWriter();
        content(nested);
        return Bytes(field, nested.ToArray());
    }

    /// <summary>A <c>map&lt;string,string&gt;</c> entry {1 key, 2 value}.</summary>
    public ProtoTestWriter MapEntry(int field, string key, string value) =>
        Message(field, e => e.String(1, key).String(2, value));

    public ProtoTestWriter RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    private ProtoTestWriter Tag(int field, int wireType) => RawVarint(((ulong)field << 3) | (uint)wireType);
}
