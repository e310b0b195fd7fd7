using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Controllers.Namespaces;

/// <summary>
/// The conditions upstream's namespace deleter keeps on a terminating namespace: each of its five types is True
/// with a failure reason while something is wrong, and False with the "ok" reason and message otherwise.
/// </summary>
internal sealed class NamespaceConditions
{
    public const string DiscoveryFailure = "NamespaceDeletionDiscoveryFailure";
    public const string GroupVersionParsingFailure = "NamespaceDeletionGroupVersionParsingFailure";
    public const string ContentFailure = "NamespaceDeletionContentFailure";
    public const string ContentRemaining = "NamespaceContentRemaining";
    public const string FinalizersRemaining = "NamespaceFinalizersRemaining";

    private static readonly (string Type, string Reason, string Message)[] Ok =
    [
        (DiscoveryFailure, "ResourcesDiscovered", "All resources successfully discovered"),
        (GroupVersionParsingFailure, "ParsedGroupVersions", "All legacy kube types successfully parsed"),
        (ContentFailure, "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
        (ContentRemaining, "ContentRemoved", "All content successfully removed"),
        (FinalizersRemaining, "ContentHasNoFinalizers", "All content-preserving finalizers finished"),
    ];

    private readonly Dictionary<string, (string Reason, string Message)> _failures = new(StringComparer.Ordinal);
    private readonly List<string> _contentErrors = [];

    public void DiscoveryFailed(IReadOnlyDictionary<string, string> failedGroupVersions) =>
        _failures[DiscoveryFailure] = ("DiscoveryFailed",
            $"Discovery failed for some groups, {failedGroupVersions.Count} failing: unable to retrieve the complete list of server APIs: "
            + string.Join(", ", failedGroupVersions.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}")));

    public void ContentDeletionFailed(string error) => _contentErrors.Add(error);

    /// <summary>What is left: instances per resource ("pods.", "deployments.apps") and per finalizer.</summary>
    public void Remaining(IReadOnlyDictionary<string, int> byResource, IReadOnlyDictionary<string, int> byFinalizer)
    {
        var resources = byResource.Where(r => r.Value > 0).Select(r => $"{r.Key} has {r.Value} resource instances").Order(StringComparer.Ordinal).ToList();
        if (resources.Count > 0)
            _failures[ContentRemaining] = ("SomeResourcesRemain", $"Some resources are remaining: {string.Join(", ", resources)}");
        var finalizers = byFinalizer.Where(f => f.Value > 0).Select(f => $"{f.Key} in {f.Value} resource instances").Order(StringComparer.Ordinal).ToList();
        if (finalizers.Count > 0)
            _failures[FinalizersRemaining] = ("SomeFinalizersRemain", $"Some content in the namespace has finalizers remaining: {string.Join(", ", finalizers)}");
    }

    /// <summary>Writes the conditions into <paramref name="status"/>; true when anything changed.</summary>
    public bool ApplyTo(NamespaceStatus status, DateTimeOffset now)
    {
        if (_contentErrors.Count > 0)
        {
            var errors = _contentErrors.Order(StringComparer.Ordinal).ToList();
            _failures[ContentFailure] = ("ContentDeletionFailed", $"Failed to delete all resource types, {errors.Count} remaining: {string.Join(", ", errors)}");
        }

        var conditions = status.Conditions ?? [];
        status.Conditions = conditions;
        var changed = false;
        foreach (var (type, okReason, okMessage) in Ok)
        {
            var (state, reason, message) = _failures.TryGetValue(type, out var failure) ? ("True", failure.Reason, failure.Message) : ("False", okReason, okMessage);
            var existing = conditions.FirstOrDefault(c => c.Type == type);
            if (existing is null)
            {
                conditions.Add(new NamespaceCondition { Type = type, Status = state, Reason = reason, Message = message, LastTransitionTime = new Time(now) });
                changed = true;
            }
            else if (existing.Status != state || existing.Reason != reason || existing.Message != message)
            {
                if (existing.Status != state)
                    existing.LastTransitionTime = new Time(now);
                existing.Status = state;
                existing.Reason = reason;
                existing.Message = message;
                changed = true;
            }
        }

        return changed;
    }
}
