using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// Allocates values of a range (cluster IPs, node ports) as one store key per allocated value: creating the key is the
/// allocation, so several servers on one database never hand out a value twice (the store's create is atomic), and a
/// crash between allocating and storing the Service leaves at most a leak, which <see cref="ServiceAllocationRepair"/>
/// removes. As upstream, dynamic allocation prefers the upper part of the range and leaves the lower "static" band to
/// values users ask for (such as the DNS service's 10.96.0.10).
/// </summary>
internal sealed class RangeAllocator(IObjectStore store, string storageResource, long size, long staticBand, Func<long, string> nameOf)
{
    private const int RandomProbes = 8;

    public string StorageResource => storageResource;

    public long Size => size;

    public string NameOf(long offset) => nameOf(offset);

    /// <summary>Claims the value at <paramref name="offset"/>; false when it is taken. A dry run only checks.</summary>
    public async Task<bool> TryClaimAsync(long offset, JsonObject record, bool dryRun, CancellationToken cancellationToken)
    {
        var key = Key(offset);
        if (dryRun)
            return await store.GetAsync(key, cancellationToken) is null;
        try
        {
            await store.CreateAsync(key, JsonSerializer.SerializeToUtf8Bytes(record), cancellationToken: cancellationToken);
            return true;
        }
        catch (StorageException e) when (e.Code == StorageErrorCode.AlreadyExists)
        {
            return false;
        }
    }

    /// <summary>Claims a free value, dynamic band first; null when the range is full.</summary>
    public async Task<long?> ClaimAnyAsync(Func<long, JsonObject> record, bool dryRun, CancellationToken cancellationToken)
    {
        var dynamicSize = size - staticBand;
        if (dynamicSize > 0)
        {
            // Mostly empty ranges: a few random guesses usually win at once, without reading what is taken.
            for (var probe = 0; probe < RandomProbes; probe++)
            {
                var offset = staticBand + Random.Shared.NextInt64(dynamicSize);
                if (await TryClaimAsync(offset, record(offset), dryRun, cancellationToken))
                    return offset;
            }
        }
        var taken = (await ListAsync(cancellationToken)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (bandStart, bandSize) in new[] { (staticBand, dynamicSize), (0L, Math.Min(staticBand, size)) })
        {
            if (bandSize <= 0)
                continue;
            var start = Random.Shared.NextInt64(bandSize);
            for (long i = 0; i < bandSize; i++)
            {
                var offset = bandStart + ((start + i) % bandSize);
                if (taken.Contains(nameOf(offset)))
                    continue;
                if (await TryClaimAsync(offset, record(offset), dryRun, cancellationToken))
                    return offset;
            }
        }
        return null;
    }

    /// <summary>Gives the value back if <paramref name="owned"/> says the allocation is the caller's; a value someone else holds stays.</summary>
    public async Task ReleaseAsync(long offset, Func<JsonObject, bool> owned, CancellationToken cancellationToken)
    {
        var key = Key(offset);
        var stored = await store.GetAsync(key, cancellationToken);
        if (stored is null || JsonNode.Parse(stored.Value.Span) is not JsonObject record || !owned(record))
            return;
        try
        {
            await store.DeleteAsync(key, new DeletePreconditions(Revision: stored.Revision), cancellationToken);
        }
        catch (StorageException e) when (e.Code is StorageErrorCode.NotFound or StorageErrorCode.Conflict or StorageErrorCode.PreconditionFailed)
        {
            // Released or re-allocated by someone else meanwhile.
        }
    }

    /// <summary>Deletes an allocation as it was read (by the repair loop); false when it changed meanwhile.</summary>
    public async Task<bool> DeleteAsync(string name, long revision, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(new ObjectKey(storageResource, "", name), new DeletePreconditions(Revision: revision), cancellationToken);
            return true;
        }
        catch (StorageException e) when (e.Code is StorageErrorCode.NotFound or StorageErrorCode.Conflict or StorageErrorCode.PreconditionFailed)
        {
            return false;
        }
    }

    public async Task<List<(string Name, JsonObject Record, long Revision)>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, JsonObject, long)>();
        string? next = null;
        do
        {
            var page = await store.ListAsync(new ListRequest(storageResource, null, 1000, next), cancellationToken);
            foreach (var item in page.Items)
            {
                if (JsonNode.Parse(item.Value.Span) is JsonObject record)
                    result.Add((item.Key.Name, record, item.Revision));
            }
            next = page.Continue;
        }
        while (!string.IsNullOrEmpty(next));
        return result;
    }

    private ObjectKey Key(long offset) => new(storageResource, "", nameOf(offset));
}
