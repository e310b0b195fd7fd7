using System.Text.Json;
using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A Secret (upstream's ValidateSecret): valid keys, at most 1 MiB, and the keys each built-in type requires.</summary>
public sealed class SecretValidator : FieldValidator<Secret>
{
    public SecretValidator()
    {
        Check((secret, e) =>
        {
            var data = secret.Data ?? new Dictionary<string, byte[]>();
            var dataPath = FieldPath.Root.Child("data");
            long total = 0;
            foreach (var (key, value) in Maps.Sorted(data))
            {
                e.AddMessages(dataPath.Key(key), key, ValidationFormats.IsConfigMapKey(key));
                total += value?.Length ?? 0;
            }
            if (total > ConfigMapValidator.MaxSize)
            {
                e.Add(FieldError.TooLong(dataPath, ConfigMapValidator.MaxSize));
            }
            switch (secret.Type)
            {
                case "kubernetes.io/service-account-token":
                    if (secret.Metadata?.Annotations?.TryGetValue("kubernetes.io/service-account.name", out var account) != true || string.IsNullOrEmpty(account))
                    {
                        e.Required(FieldPath.Root.Child("metadata", "annotations").Key("kubernetes.io/service-account.name"));
                    }
                    break;
                case "kubernetes.io/dockercfg":
                    JsonKey(e, dataPath, data, ".dockercfg");
                    break;
                case "kubernetes.io/dockerconfigjson":
                    JsonKey(e, dataPath, data, ".dockerconfigjson");
                    break;
                case "kubernetes.io/basic-auth":
                    if (!data.ContainsKey("username") && !data.ContainsKey("password"))
                    {
                        e.Required(dataPath.Key("username"));
                        e.Required(dataPath.Key("password"));
                    }
                    break;
                case "kubernetes.io/ssh-auth":
                    if (!data.TryGetValue("ssh-privatekey", out var key) || key is not { Length: > 0 })
                    {
                        e.Required(dataPath.Key("ssh-privatekey"));
                    }
                    break;
                case "kubernetes.io/tls":
                    if (!data.ContainsKey("tls.crt"))
                    {
                        e.Required(dataPath.Key("tls.crt"));
                    }
                    if (!data.ContainsKey("tls.key"))
                    {
                        e.Required(dataPath.Key("tls.key"));
                    }
                    break;
            }
        });
    }

    /// <summary>A docker config key must be there and hold a JSON object.</summary>
    private static void JsonKey(FieldErrorCollector e, FieldPath dataPath, IDictionary<string, byte[]> data, string key)
    {
        if (!data.TryGetValue(key, out var bytes))
        {
            e.Required(dataPath.Key(key));
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes ?? []);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                e.Invalid(dataPath.Key(key), "<secret contents redacted>", "json: cannot unmarshal " + GoJsonKind(document.RootElement.ValueKind) + " into Go value of type map[string]interface {}");
            }
        }
        catch (JsonException ex)
        {
            e.Invalid(dataPath.Key(key), "<secret contents redacted>", ex.Message);
        }
    }

    private static string GoJsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "value",
    };
}

/// <summary>A Secret update: the type is fixed, and an immutable Secret keeps its data and stays immutable.</summary>
public sealed class SecretUpdateValidator : FieldValidator<ObjectUpdate<Secret>>
{
    public SecretUpdateValidator() =>
        Check((update, e) =>
        {
            e.Immutable(FieldPath.Root.Child("type"), update.New.Type ?? "", update.Old.Type ?? "");
            if (update.Old.Immutable != true)
            {
                return;
            }
            if (update.New.Immutable != true)
            {
                e.Forbidden(FieldPath.Root.Child("immutable"), ConfigMapUpdateValidator.ImmutableMessage);
            }
            if (!FieldErrorCollector.SameValue(update.New.Data ?? new Dictionary<string, byte[]>(), update.Old.Data ?? new Dictionary<string, byte[]>()))
            {
                e.Forbidden(FieldPath.Root.Child("data"), ConfigMapUpdateValidator.ImmutableMessage);
            }
        });
}
