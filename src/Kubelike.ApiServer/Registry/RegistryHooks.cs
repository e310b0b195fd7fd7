using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Registry;

/// <summary>Every registered <see cref="IRegistryHooks"/>, run for the resources they apply to.</summary>
public sealed class RegistryHooks(IEnumerable<IRegistryHooks> hooks)
{
    private static readonly WriteCompletion Nothing = _ => ValueTask.CompletedTask;
    private readonly IRegistryHooks[] _hooks = [.. hooks];

    public async ValueTask<WriteCompletion> BeginCreateAsync(ResourceDefinition resource, JsonObject obj, bool dryRun, CancellationToken cancellationToken)
    {
        var completions = new List<WriteCompletion>();
        try
        {
            foreach (var hook in _hooks.Where(h => h.AppliesTo(resource)))
                completions.Add(await hook.BeginCreateAsync(obj, dryRun, cancellationToken));
        }
        catch
        {
            await All(completions)(false);
            throw;
        }
        return All(completions);
    }

    public async ValueTask<WriteCompletion> BeginUpdateAsync(ResourceDefinition resource, JsonObject updated, JsonObject current, bool dryRun, CancellationToken cancellationToken)
    {
        var completions = new List<WriteCompletion>();
        try
        {
            foreach (var hook in _hooks.Where(h => h.AppliesTo(resource)))
                completions.Add(await hook.BeginUpdateAsync(updated, current, dryRun, cancellationToken));
        }
        catch
        {
            await All(completions)(false);
            throw;
        }
        return All(completions);
    }

    public async ValueTask AfterDeleteAsync(ResourceDefinition resource, JsonObject deleted, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks.Where(h => h.AppliesTo(resource)))
            await hook.AfterDeleteAsync(deleted, cancellationToken);
    }

    private static WriteCompletion All(List<WriteCompletion> completions)
    {
        if (completions.Count == 0)
            return Nothing;
        if (completions.Count == 1)
            return completions[0];
        return async stored =>
        {
            foreach (var completion in completions)
                await completion(stored);
        };
    }
}
