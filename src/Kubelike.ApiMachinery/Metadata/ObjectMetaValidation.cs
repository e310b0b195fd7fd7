using System.Text;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Metadata;

/// <summary>
/// Upstream's ObjectMeta validation (k8s.io/apimachinery/pkg/api/validation): names, namespace, generation, labels,
/// annotations, owner references and finalizers on create, plus the immutability rules on update. Errors use the
/// field paths and messages upstream uses, under "metadata".
/// </summary>
public static class ObjectMetaValidation
{
    /// <summary>Labels and annotations together may not exceed 256 KiB (keys plus values, in bytes).</summary>
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    public const string FieldImmutableMessage = "field is immutable";

    private const string OrphanFinalizer = "orphan";
    private const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Checks the metadata of an object being created.</summary>
    public static List<FieldError> Validate(JsonObject obj, ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var meta = new ObjectMeta(obj);
        var errors = new List<FieldError>();
        var generateName = meta.GenerateName ?? "";
        if (generateName.Length > 0)
        {
            errors.AddRange(ObjectNames.Validate(resource.NameRule, generateName, prefix: true)
                .Select(m => FieldError.Invalid("metadata.generateName", generateName, m)));
        }
        var name = meta.Name ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            errors.AddRange(ObjectNames.Validate(resource.NameRule, name).Select(m => FieldError.Invalid("metadata.name", name, m)));
        }
        var ns = meta.Namespace ?? "";
        if (resource.Namespaced)
        {
            if (ns.Length == 0)
            {
                errors.Add(FieldError.Required("metadata.namespace"));
            }
            else
            {
                errors.AddRange(ObjectNames.Validate(NameRule.Dns1123Label, ns).Select(m => FieldError.Invalid("metadata.namespace", ns, m)));
            }
        }
        else if (ns.Length > 0)
        {
            errors.Add(FieldError.Forbidden("metadata.namespace", "not allowed on this type"));
        }
        if (meta.Generation is < 0 and var generation)
        {
            errors.Add(FieldError.Invalid("metadata.generation", generation, "must be greater than or equal to 0"));
        }
        errors.AddRange(ValidateCommon(meta));
        errors.AddRange(ValidateFinalizers(meta.Finalizers));
        return errors;
    }

    /// <summary>Checks an update's metadata against the stored object's.</summary>
    public static List<FieldError> ValidateUpdate(JsonObject updated, JsonObject existing)
    {
        var next = new ObjectMeta(updated);
        var old = new ObjectMeta(existing);
        var errors = new List<FieldError>();
        if (old.DeletionTimestamp is not null)
        {
            var added = next.Finalizers.Except(old.Finalizers, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                errors.Add(FieldError.Forbidden("metadata.finalizers",
                    $"no new finalizers can be added if the object is being deleted, found new finalizers {GoFormat.Value(added)}"));
            }
        }
        var resourceVersion = next.ResourceVersion ?? "";
        if (resourceVersion.Length == 0)
        {
            errors.Add(FieldError.Invalid("metadata.resourceVersion", resourceVersion, "must be specified for an update"));
        }
        if ((next.Generation ?? 0) < (old.Generation ?? 0))
        {
            errors.Add(FieldError.Invalid("metadata.generation", next.Generation ?? 0, "must not be decremented"));
        }
        Immutable(errors, "metadata.name", next.Name, old.Name);
        Immutable(errors, "metadata.namespace", next.Namespace, old.Namespace);
        Immutable(errors, "metadata.uid", next.Uid, old.Uid);
        Immutable(errors, "metadata.creationTimestamp", RawTime(updated, "creationTimestamp"), RawTime(existing, "creationTimestamp"));
        Immutable(errors, "metadata.deletionTimestamp", RawTime(updated, "deletionTimestamp"), RawTime(existing, "deletionTimestamp"));
        if (next.DeletionGracePeriodSeconds != old.DeletionGracePeriodSeconds)
        {
            errors.Add(FieldError.Invalid("metadata.deletionGracePeriodSeconds", next.DeletionGracePeriodSeconds, FieldImmutableMessage));
        }
        errors.AddRange(ValidateCommon(next));
        return errors;
    }

    private static string? RawTime(JsonObject obj, string name) => obj["metadata"]?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Immutable(List<FieldError> errors, string field, string? next, string? old)
    {
        if (!string.Equals(next ?? "", old ?? "", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid(field, next ?? "", FieldImmutableMessage));
        }
    }

    private static IEnumerable<FieldError> ValidateCommon(ObjectMeta meta) =>
        [.. ValidateLabels(meta.Labels), .. ValidateAnnotations(meta.Annotations), .. ValidateOwnerReferences(meta.OwnerReferences)];

    /// <summary>Label keys must be qualified names and values label values (upstream reports both on "metadata.labels").</summary>
    public static List<FieldError> ValidateLabels(IReadOnlyDictionary<string, string> labels, string path = "metadata.labels")
    {
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new List<FieldError>();
        foreach (var (key, value) in labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            errors.AddRange(ValidationRules.IsQualifiedName(key).Select(m => FieldError.Invalid(path, key, m)));
            errors.AddRange(ValidationRules.IsValidLabelValue(value).Select(m => FieldError.Invalid(path, value, m)));
        }
        return errors;
    }

    /// <summary>Annotation keys must be qualified names (compared lower-cased), and all of them together at most 256 KiB.</summary>
    public static List<FieldError> ValidateAnnotations(IReadOnlyDictionary<string, string> annotations, string path = "metadata.annotations")
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var errors = new List<FieldError>();
        long total = 0;
        foreach (var (key, value) in annotations.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            errors.AddRange(ValidationRules.IsQualifiedName(key.ToLowerInvariant()).Select(m => FieldError.Invalid(path, key, m)));
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }
        if (total > TotalAnnotationSizeLimitBytes)
        {
            errors.Add(FieldError.TooLong(path, TotalAnnotationSizeLimitBytes));
        }
        return errors;
    }

    public static List<FieldError> ValidateOwnerReferences(IReadOnlyList<OwnerReference> references, string path = "metadata.ownerReferences")
    {
        ArgumentNullException.ThrowIfNull(references);
        var errors = new List<FieldError>();
        string? firstController = null;
        foreach (var r in references)
        {
            var slash = r.ApiVersion.LastIndexOf('/');
            var (group, version) = slash < 0 ? ("", r.ApiVersion) : (r.ApiVersion[..slash], r.ApiVersion[(slash + 1)..]);
            if (version.Length == 0)
            {
                errors.Add(FieldError.Invalid($"{path}.apiVersion", r.ApiVersion, "version must not be empty"));
            }
            if (r.Kind.Length == 0)
            {
                errors.Add(FieldError.Invalid($"{path}.kind", r.Kind, "kind must not be empty"));
            }
            if (r.Name.Length == 0)
            {
                errors.Add(FieldError.Invalid($"{path}.name", r.Name, "name must not be empty"));
            }
            if (r.Uid.Length == 0)
            {
                errors.Add(FieldError.Invalid($"{path}.uid", r.Uid, "uid must not be empty"));
            }
            if (group.Length == 0 && version == "v1" && r.Kind == "Event")
            {
                // Upstream prints the GroupVersionKind as "/v1, Kind=Event".
                errors.Add(FieldError.Invalid(path, r.ToString(), "/v1, Kind=Event is disallowed from being an owner"));
            }
            if (r.Controller == true)
            {
                var current = $"{r.Kind}/{r.Name}";
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    errors.Add(FieldError.Invalid(path, FieldError.OmitValue,
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}"));
                }
            }
        }
        return errors;
    }

    /// <summary>Finalizers must be qualified names, and "orphan" and "foregroundDeletion" exclude each other.</summary>
    public static List<FieldError> ValidateFinalizers(IReadOnlyList<string> finalizers, string path = "metadata.finalizers")
    {
        ArgumentNullException.ThrowIfNull(finalizers);
        var errors = new List<FieldError>();
        foreach (var finalizer in finalizers)
        {
            errors.AddRange(ValidationRules.IsQualifiedName(finalizer).Select(m => FieldError.Invalid(path, finalizer, m)));
        }
        if (finalizers.Contains(OrphanFinalizer) && finalizers.Contains(ForegroundFinalizer))
        {
            errors.Add(FieldError.Invalid(path, finalizers, $"finalizer {OrphanFinalizer} and {ForegroundFinalizer} cannot be both set"));
        }
        return errors;
    }
}
