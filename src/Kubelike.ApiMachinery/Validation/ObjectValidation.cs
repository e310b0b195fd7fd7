using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Validation.Core;
using CoreV1 = Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>
/// Per-kind validation of the built-in kinds, as kube-apiserver's strategies run it (pkg/apis/*/validation): the
/// entry point the write path calls after decoding and defaulting, next to the metadata rules. Kinds without rules
/// (reviews, ControllerRevisions) validate to no errors.
/// </summary>
public static class ObjectValidation
{
    private static readonly FrozenDictionary<GroupVersionKind, IKindValidation> Kinds = Build().ToFrozenDictionary();

    /// <summary>The errors of an object being created.</summary>
    public static List<FieldError> ValidateCreate(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.Create(obj) : [];
    }

    /// <summary>The errors of an update: the new object's own, and the rules that compare it with the stored one.</summary>
    public static List<FieldError> ValidateUpdate(ResourceDefinition resource, JsonObject updated, JsonObject existing)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.Update(updated, existing) : [];
    }

    /// <summary>The errors of a write to the status subresource.</summary>
    public static List<FieldError> ValidateStatusUpdate(ResourceDefinition resource, JsonObject updated, JsonObject existing)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.StatusUpdate(updated, existing) : [];
    }

    /// <summary>True when the kind has rules of its own.</summary>
    public static bool Covers(GroupVersionKind kind) => Kinds.ContainsKey(kind);

    private static Dictionary<GroupVersionKind, IKindValidation> Build() => new()
    {
        [Core("Pod")] = new KindValidation<CoreV1.Pod>(new PodValidator(), new PodUpdateValidator(), createOnly: new PodCreateValidator()),
    };

    private static GroupVersionKind Core(string kind) => new("", "v1", kind);
}
