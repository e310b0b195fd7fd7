using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Registry;

/// <summary>
/// Kind-specific steps around the storage of one resource, as upstream's registry has them (BeginCreate, BeginUpdate,
/// AfterDelete): a Service's cluster IPs and node ports are allocated before the object is validated and stored, and
/// given back when the write does not happen or the object is deleted.
/// </summary>
public interface IRegistryHooks
{
    bool AppliesTo(ResourceDefinition resource);

    /// <summary>Before validation of a create; may change <paramref name="obj"/>. The result is called once the write succeeded or failed.</summary>
    ValueTask<WriteCompletion> BeginCreateAsync(JsonObject obj, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Before validation of an update of <paramref name="current"/> to <paramref name="updated"/>; may change <paramref name="updated"/>.</summary>
    ValueTask<WriteCompletion> BeginUpdateAsync(JsonObject updated, JsonObject current, bool dryRun, CancellationToken cancellationToken);

    /// <summary>After the object is gone from storage.</summary>
    ValueTask AfterDeleteAsync(JsonObject deleted, CancellationToken cancellationToken);
}

/// <summary>Finishes what a Begin hook started: <c>true</c> when the object was stored, <c>false</c> when it was not.</summary>
public delegate ValueTask WriteCompletion(bool stored);
