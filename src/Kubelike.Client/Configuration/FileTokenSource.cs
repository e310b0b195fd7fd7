namespace Kubelike.Client.Configuration;

/// <summary>
/// A token read from a file and read again once it is older than <see cref="RefreshPeriod"/>, so a rotated
/// service account token (the kubelet rewrites it long before it expires) is picked up, as client-go does.
/// When the file cannot be read again, the last token is kept.
/// </summary>
public sealed class FileTokenSource : TokenSource
{
    /// <summary>client-go's period for re-reading token files.</summary>
    public static readonly TimeSpan DefaultRefreshPeriod = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private string? _token;
    private DateTimeOffset _readAt;

    public FileTokenSource(string path, TimeSpan? refreshPeriod = null, TimeProvider? time = null)
    {
        Path = path;
        RefreshPeriod = refreshPeriod ?? DefaultRefreshPeriod;
        _time = time ?? TimeProvider.System;
        _token = Read();
        _readAt = _time.GetUtcNow();
    }

    public string Path { get; }

    public TimeSpan RefreshPeriod { get; }

    public override string? GetToken()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _readAt >= RefreshPeriod)
            {
                try
                {
                    _token = Read();
                }
                catch (IOException)
                {
                    // Mid-rotation or briefly missing: the previous token is still the best guess.
                }

                _readAt = now;
            }

            return _token;
        }
    }

    private string Read()
    {
        try
        {
            return File.ReadAllText(Path).Trim();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot read token file {Path}: {e.Message}", e);
        }
    }
}
