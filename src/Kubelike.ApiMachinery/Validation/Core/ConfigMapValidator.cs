using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A ConfigMap (upstream's ValidateConfigMap): valid keys, no key in both data and binaryData, at most 1 MiB.</summary>
public sealed class ConfigMapValidator : FieldValidator<ConfigMap>
{
    /// <summary>Upstream's MaxSecretSize, which bounds ConfigMaps too.</summary>
    public const int MaxSize = 1024 * 1024;

    public ConfigMapValidator()
    {
        Check((configMap, e) =>
        {
            long total = 0;
            foreach (var (key, value) in Maps.Sorted(configMap.Data))
            {
                var at = FieldPath.Root.Child("data").Key(key);
                e.AddMessages(at, key, ValidationFormats.IsConfigMapKey(key));
                if (configMap.BinaryData?.ContainsKey(key) == true)
                {
                    e.Invalid(at, key, "duplicate of key present in binaryData");
                }
                total += System.Text.Encoding.UTF8.GetByteCount(value ?? "");
            }
            foreach (var (key, value) in Maps.Sorted(configMap.BinaryData))
            {
                var at = FieldPath.Root.Child("binaryData").Key(key);
                e.AddMessages(at, key, ValidationFormats.IsConfigMapKey(key));
                if (configMap.Data?.ContainsKey(key) == true)
                {
                    e.Invalid(at, key, "duplicate of key present in data");
                }
                total += value?.Length ?? 0;
            }
            if (total > MaxSize)
            {
                e.Add(FieldError.TooLong("", MaxSize));
            }
        });
    }
}

/// <summary>A ConfigMap update: an immutable ConfigMap keeps its data and stays immutable.</summary>
public sealed class ConfigMapUpdateValidator : FieldValidator<ObjectUpdate<ConfigMap>>
{
    public const string ImmutableMessage = "field is immutable when `immutable` is set";

    public ConfigMapUpdateValidator() =>
        Check((update, e) =>
        {
            if (update.Old.Immutable != true)
            {
                return;
            }
            if (update.New.Immutable != true)
            {
                e.Forbidden(FieldPath.Root.Child("immutable"), ImmutableMessage);
            }
            if (!FieldErrorCollector.SameValue(update.New.Data ?? new Dictionary<string, string>(), update.Old.Data ?? new Dictionary<string, string>()))
            {
                e.Forbidden(FieldPath.Root.Child("data"), ImmutableMessage);
            }
            if (!FieldErrorCollector.SameValue(update.New.BinaryData ?? new Dictionary<string, byte[]>(), update.Old.BinaryData ?? new Dictionary<string, byte[]>()))
            {
                e.Forbidden(FieldPath.Root.Child("binaryData"), ImmutableMessage);
            }
        });
}
