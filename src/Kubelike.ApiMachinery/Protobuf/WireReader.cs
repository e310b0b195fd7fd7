using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>
/// A bounds-checked reader of the protobuf wire format over one message's bytes. Every malformed read throws
/// <see cref="ApiException.BadRequest"/> because the bytes come straight from a request body.
/// </summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> buffer;
    private int position;

    public WireReader(ReadOnlySpan<byte> buffer)
    {
        this.buffer = buffer;
        position = 0;
    }

    public readonly bool AtEnd => position >= buffer.Length;

    /// <summary>Reads a field key; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        if (AtEnd)
        {
            fieldNumber = 0;
            wireType = WireType.Varint;
            return false;
        }

        var key = ReadVarint();
        var number = key >> 3;
        // Field numbers are at most 2^29 - 1; 0 is never valid.
        if (number == 0 || number > 536_870_911)
        {
            throw Malformed($"invalid field number {number}");
        }

        fieldNumber = (int)number;
        wireType = (WireType)(key & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= buffer.Length)
            {
                throw Malformed("truncated varint");
            }

            var b = buffer[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Malformed("varint longer than 10 bytes");
    }

    public ulong ReadFixed64() => BitConverter.ToUInt64(Take(8));

    public uint ReadFixed32() => BitConverter.ToUInt32(Take(4));

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(buffer.Length - position))
        {
            throw Malformed("length-delimited field extends beyond the end of the message");
        }

        return Take((int)length);
    }

    /// <summary>Skips a field whose number the schema does not know, as proto2 parsers do.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw Malformed($"unsupported wire type {(int)wireType}");
        }
    }

    internal static ApiException Malformed(string detail) =>
        ApiException.BadRequest($"the protobuf request body is malformed: {detail}");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > buffer.Length - position)
        {
            throw Malformed("truncated field");
        }

        var slice = buffer.Slice(position, count);
        position += count;
        return slice;
    }
}
