using Kubelike.Api.Storage.V1;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Validation.Storage;

/// <summary>A StorageClass (upstream's ValidateStorageClass): a provisioner, known reclaim policy and binding mode.</summary>
public sealed class StorageClassValidator : FieldValidator<StorageClass>
{
    private static readonly string[] ReclaimPolicies = ["Delete", "Retain"];
    private static readonly string[] BindingModes = ["Immediate", "WaitForFirstConsumer"];

    public StorageClassValidator() =>
        Check((storageClass, e) =>
        {
            var provisioner = storageClass.Provisioner ?? "";
            var at = FieldPath.Root.Child("provisioner");
            if (provisioner.Length == 0)
            {
                e.Required(at);
            }
            else
            {
                e.AddMessages(at, provisioner, Metadata.ValidationRules.IsQualifiedName(provisioner.ToLowerInvariant()));
            }
            long size = 0;
            foreach (var (key, value) in Maps.Sorted(storageClass.Parameters))
            {
                if (key.Length == 0)
                {
                    e.Invalid(FieldPath.Root.Child("parameters"), key, "key may not be empty");
                }
                size += key.Length + (value?.Length ?? 0);
            }
            if (size > 256 * 1024)
            {
                e.Add(FieldError.TooLong(FieldPath.Root.Child("parameters"), 256 * 1024));
            }
            e.OneOf(FieldPath.Root.Child("reclaimPolicy"), storageClass.ReclaimPolicy, ReclaimPolicies, required: false);
            e.OneOf(FieldPath.Root.Child("volumeBindingMode"), storageClass.VolumeBindingMode, BindingModes);
        });
}

/// <summary>A StorageClass update: parameters, provisioner, reclaim policy and binding mode are fixed.</summary>
public sealed class StorageClassUpdateValidator : FieldValidator<ObjectUpdate<StorageClass>>
{
    public StorageClassUpdateValidator() =>
        Check((update, e) =>
        {
            var next = update.New;
            var old = update.Old;
            if (!FieldErrorCollector.SameValue(next.Parameters ?? new Dictionary<string, string>(), old.Parameters ?? new Dictionary<string, string>()))
            {
                e.Forbidden(FieldPath.Root.Child("parameters"), "updates to parameters are forbidden.");
            }
            if (next.Provisioner != old.Provisioner)
            {
                e.Forbidden(FieldPath.Root.Child("provisioner"), "updates to provisioner are forbidden.");
            }
            if (next.ReclaimPolicy != old.ReclaimPolicy)
            {
                e.Forbidden(FieldPath.Root.Child("reclaimPolicy"), "updates to reclaimPolicy are forbidden.");
            }
            e.Immutable(FieldPath.Root.Child("volumeBindingMode"), next.VolumeBindingMode, old.VolumeBindingMode);
        });
}
