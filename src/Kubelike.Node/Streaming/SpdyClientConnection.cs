using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;

namespace Kubelike.Node.Streaming;

/// <summary>
/// The client end of a SPDY/3.1 session over an upgraded connection, as much of it as the remote-command protocol
/// needs towards containerd's streaming server: streams opened with headers, data both ways, half-close (FIN), PING
/// answers. Header blocks are sent zlib-framed as stored (uncompressed) blocks, which any zlib reader accepts, and the
/// server's header blocks are never needed (its replies carry no information here), so no SPDY dictionary is used.
/// Flow control is not enforced by the Go peer (moby/spdystream), so WINDOW_UPDATE and SETTINGS are ignored.
/// </summary>
internal sealed class SpdyClientConnection : IAsyncDisposable
{
    private const ushort Version = 3;
    private const ushort SynStream = 1;
    private const ushort RstStream = 3;
    private const ushort Ping = 6;
    private const ushort GoAway = 7;
    private const byte FlagFin = 0x01;
    private const int MaxDataFrame = 32 * 1024;

    private readonly Stream _connection;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Channel<SpdyData> _incoming = Channel.CreateUnbounded<SpdyData>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _reading;
    private uint _nextStreamId = 1;
    private bool _headerStreamStarted;

    public SpdyClientConnection(Stream connection)
    {
        _connection = connection;
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>
    /// What the server sends on any stream, in the order it arrived (so a command's last output comes before its exit
    /// status); completes when the server ends the session.
    /// </summary>
    public ChannelReader<SpdyData> Incoming => _incoming.Reader;

    /// <summary>Opens a stream carrying <paramref name="headers"/> and returns its id.</summary>
    public async Task<uint> OpenStreamAsync(IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var id = _nextStreamId;
            _nextStreamId += 2;
            var block = HeaderBlock(headers);
            var frame = new byte[8 + 10 + block.Length];
            ControlHeader(frame, SynStream, 0, 10 + block.Length);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), id);
            // Associated stream 0, priority 0, slot 0.
            block.CopyTo(frame.AsSpan(18));
            await _connection.WriteAsync(frame, cancellationToken);
            await _connection.FlushAsync(cancellationToken);
            return id;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends data on a stream; an empty payload with <paramref name="fin"/> only half-closes it.</summary>
    public async Task SendAsync(uint streamId, ReadOnlyMemory<byte> data, bool fin, CancellationToken cancellationToken)
    {
        do
        {
            var chunk = data[..Math.Min(data.Length, MaxDataFrame)];
            data = data[chunk.Length..];
            var frame = new byte[8 + chunk.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame, streamId & 0x7fffffff);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)chunk.Length);
            frame[4] = fin && data.IsEmpty ? FlagFin : (byte)0;
            chunk.CopyTo(frame.AsMemory(8));
            await WriteFrameAsync(frame, cancellationToken);
        }
        while (!data.IsEmpty);
    }

    private async Task WriteFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _connection.WriteAsync(frame, cancellationToken);
            await _connection.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// A name/value block in SPDY/3's layout, framed for the peer's zlib reader: the zlib header once per session, then
    /// non-final stored blocks, so the peer's decompressor yields it at once.
    /// </summary>
    private byte[] HeaderBlock(IReadOnlyList<(string Name, string Value)> headers)
    {
        using var plain = new MemoryStream();
        WriteLength(plain, headers.Count);
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name.ToLowerInvariant());
            WriteLength(plain, nameBytes.Length);
            plain.Write(nameBytes);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            WriteLength(plain, valueBytes.Length);
            plain.Write(valueBytes);
        }

        var content = plain.ToArray();
        using var framed = new MemoryStream();
        if (!_headerStreamStarted)
        {
            // CMF 0x78 (deflate, 32K window), FLG 0x01: no preset dictionary, check bits valid.
            framed.Write([0x78, 0x01]);
            _headerStreamStarted = true;
        }

        framed.WriteByte(0x00); // BFINAL=0, BTYPE=00 (stored), padding to the byte boundary.
        Span<byte> lengths = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(lengths, (ushort)content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(lengths[2..], (ushort)~content.Length);
        framed.Write(lengths);
        framed.Write(content);
        // An empty stored block, as a zlib sync flush ends with: Go's inflater hands out what it holds only on reaching
        // one, and reading on for the next block would run past this frame.
        framed.Write([0x00, 0x00, 0x00, 0xff, 0xff]);
        return framed.ToArray();
    }

    private static void WriteLength(MemoryStream to, int length)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)length);
        to.Write(number);
    }

    private static void ControlHeader(Span<byte> frame, ushort type, byte flags, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8000 | Version);
        BinaryPrimitives.WriteUInt16BigEndian(frame[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(frame[4..], (uint)length);
        frame[4] = flags;
    }

    private async Task ReadLoopAsync()
    {
        var header = new byte[8];
        try
        {
            while (true)
            {
                if (!await ReadExactlyOrEndAsync(header))
                    return;
                var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)) & 0xffffff);
                var flags = header[4];
                var payload = new byte[length];
                if (length > 0 && !await ReadExactlyOrEndAsync(payload))
                    return;
                if ((header[0] & 0x80) == 0)
                {
                    var id = BinaryPrimitives.ReadUInt32BigEndian(header) & 0x7fffffff;
                    await _incoming.Writer.WriteAsync(new SpdyData(id, payload, (flags & FlagFin) != 0));
                    continue;
                }

                var type = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
                switch (type)
                {
                    case Ping:
                        var pong = new byte[8 + 4];
                        ControlHeader(pong, Ping, 0, 4);
                        payload.AsSpan(0, 4).CopyTo(pong.AsSpan(8));
                        await WriteFrameAsync(pong, CancellationToken.None);
                        break;
                    case RstStream:
                        await _incoming.Writer.WriteAsync(new SpdyData(BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7fffffff, [], Fin: true));
                        break;
                    case GoAway:
                        return;
                    default:
                        // SYN_REPLY, HEADERS (their blocks are not needed), SETTINGS, WINDOW_UPDATE: nothing to do.
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The session is gone: every stream ends with it.
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _connection.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
                return false;
            read += n;
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }

        _writeLock.Dispose();
    }
}
