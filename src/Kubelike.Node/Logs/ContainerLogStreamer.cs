using System.Text;

namespace Kubelike.Node.Logs;

/// <summary>
/// Writes a CRI container log file to a reader the way the kubelet does: the content of each line (partial lines
/// joined), optionally prefixed with its timestamp, after tailLines and since filters, up to limitBytes; with
/// follow, new lines as they are written until the container stops and the file is drained.
/// </summary>
public static class ContainerLogStreamer
{
    private static readonly TimeSpan FollowPollInterval = TimeSpan.FromMilliseconds(100);

    /// <param name="path">The log file.</param>
    /// <param name="options">What the reader asked for.</param>
    /// <param name="output">Where the log text goes; flushed after every batch of lines.</param>
    /// <param name="stillRunning">Asked at the end of the file when following: false ends the stream.</param>
    /// <param name="cancellationToken">The reader went away.</param>
    public static async Task StreamAsync(string path, ContainerLogOptions options, Stream output, Func<CancellationToken, Task<bool>> stillRunning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stillRunning);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var reader = new LineReader(file);
        using var writer = new Writer(output, options);

        // What the file holds now: the last tailLines lines of it, then the since filter, as the kubelet applies them.
        var existing = new Queue<ReadOnlyMemory<byte>>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            existing.Enqueue(line.ToArray());
            if (options.TailLines is { } tail && existing.Count > tail)
                existing.Dequeue();
        }

        foreach (var line in existing)
        {
            if (!writer.Write(line))
            {
                await writer.FlushAsync(cancellationToken);
                return;
            }

            if (writer.ShouldFlush)
                await writer.FlushAsync(cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        if (!options.Follow)
            return;

        while (true)
        {
            var wrote = false;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                wrote = true;
                if (!writer.Write(line))
                {
                    await writer.FlushAsync(cancellationToken);
                    return;
                }

                if (writer.ShouldFlush)
                    await writer.FlushAsync(cancellationToken);
            }

            if (wrote)
            {
                await writer.FlushAsync(cancellationToken);
                continue;
            }

            if (!await stillRunning(cancellationToken))
            {
                // The container has stopped: whatever it wrote last is in the file now.
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (!writer.Write(line))
                        break;
                }

                await writer.FlushAsync(cancellationToken);
                return;
            }

            await Task.Delay(FollowPollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Turns CRI lines into output text and counts bytes against limitBytes. Text is gathered and written
    /// asynchronously per batch: a response body refuses synchronous writes.
    /// </summary>
    private sealed class Writer(Stream output, ContainerLogOptions options) : IDisposable
    {
        private readonly MemoryStream _pending = new();
        private long _written;

        public void Dispose() => _pending.Dispose();

        /// <summary>Enough text gathered to send it before reading on.</summary>
        public bool ShouldFlush => _pending.Length >= 64 * 1024;

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length > 0)
            {
                await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
                _pending.SetLength(0);
            }

            await output.FlushAsync(cancellationToken);
        }

        /// <summary>Writes one line; false once limitBytes is reached (nothing more may be written).</summary>
        public bool Write(ReadOnlyMemory<byte> raw)
        {
            if (!CriLogLine.TryParse(raw, out var line))
                return true; // Not CRI: the kubelet skips what it cannot parse too.
            if (options.Since is { } since && line.Timestamp < since)
                return true;
            if (options.Timestamps && !Put(Encoding.ASCII.GetBytes(line.FormattedTimestamp + " ")))
                return false;
            if (!Put(line.Content.Span))
                return false;
            return line.Partial || Put("\n"u8);
        }

        private bool Put(ReadOnlySpan<byte> bytes)
        {
            if (options.LimitBytes is { } limit)
            {
                var room = limit - _written;
                if (room <= 0)
                    return false;
                if (bytes.Length > room)
                {
                    _pending.Write(bytes[..(int)room]);
                    _written = limit;
                    return false;
                }
            }

            _pending.Write(bytes);
            _written += bytes.Length;
            return true;
        }
    }

    /// <summary>Complete lines of a file that may still be growing: an unfinished last line waits for its newline.</summary>
    private sealed class LineReader(FileStream file)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var line = _buffer.AsMemory(_start, newline);
                    _start += newline + 1;
                    return line;
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                var read = await file.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
                if (read == 0)
                    return null;
                _end += read;
            }
        }
    }
}
