using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// A Pod update (upstream's ValidatePodUpdate): the spec is immutable except container images,
/// activeDeadlineSeconds (only shortened), added tolerations, removed scheduling gates and a negative grace period set to 1.
/// </summary>
public sealed class PodUpdateValidator : FieldValidator<ObjectUpdate<Pod>>
{
    public const string ImmutableSpecMessage =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`," +
        "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    /// <summary>Fields whose changes have rules of their own (or a subresource), left out of the comparison.</summary>
    private static readonly string[] MutableFields = ["activeDeadlineSeconds", "tolerations", "schedulingGates", "ephemeralContainers"];

    public PodUpdateValidator()
    {
        Check((update, e) =>
        {
            var spec = e.Path.Child("spec");
            var next = update.New.Spec ?? new PodSpec();
            var old = update.Old.Spec ?? new PodSpec();
            if ((next.Containers?.Count ?? 0) != (old.Containers?.Count ?? 0))
            {
                e.Forbidden(spec.Child("containers"), "pod updates may not add or remove containers");
                return;
            }
            if ((next.InitContainers?.Count ?? 0) != (old.InitContainers?.Count ?? 0))
            {
                e.Forbidden(spec.Child("initContainers"), "pod updates may not add or remove containers");
                return;
            }
            if (!ActiveDeadline(e, spec.Child("activeDeadlineSeconds"), next.ActiveDeadlineSeconds, old.ActiveDeadlineSeconds))
            {
                return;
            }
            OnlyAddedTolerations(e, spec.Child("tolerations"), next.Tolerations ?? [], old.Tolerations ?? []);
            var oldJson = (JsonObject)KubernetesJson.SerializeToNode(old)!;
            var munged = (JsonObject)KubernetesJson.SerializeToNode(next)!;
            CopyImages(munged, oldJson, "containers");
            CopyImages(munged, oldJson, "initContainers");
            foreach (var field in MutableFields)
            {
                CopyField(munged, oldJson, field);
            }
            if (old.TerminationGracePeriodSeconds < 0 && next.TerminationGracePeriodSeconds == 1)
            {
                CopyField(munged, oldJson, "terminationGracePeriodSeconds");
            }
            if (!JsonNode.DeepEquals(munged, oldJson))
            {
                e.Forbidden(spec, ImmutableSpecMessage + "\n" + Diff(oldJson, munged));
            }
        });
    }

    private static bool ActiveDeadline(FieldErrorCollector e, FieldPath at, long? next, long? old)
    {
        if (next is { } value)
        {
            if (value is < 0 or > int.MaxValue)
            {
                e.Invalid(at, value, ValidationFormats.InclusiveRangeError(0, int.MaxValue));
                return false;
            }
            if (old is { } previous && previous < value)
            {
                e.Invalid(at, value, "must be less than or equal to previous value");
                return false;
            }
        }
        else if (old is not null)
        {
            e.Invalid(at, null, "must not update from a positive integer to nil value");
            return false;
        }
        return true;
    }

    private static void OnlyAddedTolerations(FieldErrorCollector e, FieldPath at, IList<Toleration> next, IList<Toleration> old)
    {
        for (var i = 0; i < old.Count; i++)
        {
            var previous = old[i];
            var kept = next.Any(t => t.Key == previous.Key && t.Operator == previous.Operator && t.Value == previous.Value && t.Effect == previous.Effect
                && (previous.Effect != "NoExecute" || previous.TolerationSeconds is null || (t.TolerationSeconds is { } s && s <= previous.TolerationSeconds)));
            if (!kept)
            {
                e.Forbidden(at.Index(i), "existing toleration can not be modified except its tolerationSeconds");
            }
        }
    }

    private static void CopyImages(JsonObject munged, JsonObject old, string list)
    {
        if (munged[list] is JsonArray next && old[list] is JsonArray previous)
        {
            for (var i = 0; i < next.Count && i < previous.Count; i++)
            {
                if (next[i] is JsonObject container)
                {
                    container["image"] = previous[i]?["image"]?.DeepClone();
                    if (container["image"] is null)
                    {
                        container.Remove("image");
                    }
                }
            }
        }
    }

    private static void CopyField(JsonObject munged, JsonObject old, string field)
    {
        munged.Remove(field);
        if (old[field] is { } value)
        {
            munged[field] = value.DeepClone();
        }
    }

    /// <summary>The fields that differ, old then new, after the upstream message (which shows a Go diff there).</summary>
    private static string Diff(JsonObject old, JsonObject next)
    {
        var sb = new StringBuilder("  core.PodSpec{\n");
        foreach (var key in old.Select(kv => kv.Key).Union(next.Select(kv => kv.Key)).Order(StringComparer.Ordinal))
        {
            var before = old[key];
            var after = next[key];
            if (!JsonNode.DeepEquals(before, after))
            {
                if (before is not null)
                {
                    sb.Append("- \t").Append(key).Append(": ").Append(before.ToJsonString()).Append('\n');
                }
                if (after is not null)
                {
                    sb.Append("+ \t").Append(key).Append(": ").Append(after.ToJsonString()).Append('\n');
                }
            }
        }
        return sb.Append("  }\n").ToString();
    }
}
