using System.Reflection;
using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>One volume of a pod: a DNS-1123 label name and exactly one source, each source complete.</summary>
public sealed class VolumeValidator : FieldValidator<Volume>
{
    public static VolumeValidator Instance { get; } = new();

    /// <summary>
    /// The source members of a volume (every VolumeSource property) with their JSON names; emptyDir first, as upstream
    /// checks it first and so reports the other one of a pair.
    /// </summary>
    private static readonly (PropertyInfo Property, string JsonName)[] Sources = [.. typeof(VolumeSource)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name))
        .OrderBy(s => s.Item2 == "emptyDir" ? 0 : 1)];

    private static readonly string[] HostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

    public VolumeValidator()
    {
        Check((volume, e) =>
        {
            var count = 0;
            foreach (var (property, jsonName) in Sources)
            {
                if (property.GetValue(volume) is not null && count++ > 0)
                {
                    e.Forbidden(e.Path.Child(jsonName), "may not specify more than 1 volume type");
                }
            }
            if (count == 0)
            {
                e.Required(e.Path, "must specify a volume type");
            }
            Source(e, volume);
            e.RequiredDns1123Label(e.Path.Child("name"), volume.Name);
        });
    }

    private static void Source(FieldErrorCollector e, Volume volume)
    {
        if (volume.HostPath is { } hostPath)
        {
            if (string.IsNullOrEmpty(hostPath.Path))
            {
                e.Required(e.Path.Child("hostPath", "path"));
            }
            if (hostPath.Type is { } type && !HostPathTypes.Contains(type))
            {
                e.NotSupported(e.Path.Child("hostPath", "type"), type, HostPathTypes);
            }
        }
        if (volume.ConfigMap is { } configMap)
        {
            var at = e.Path.Child("configMap");
            e.RequiredDns1123Subdomain(at.Child("name"), configMap.Name);
            Mode(e, at.Child("defaultMode"), configMap.DefaultMode);
            Items(e, at.Child("items"), configMap.Items);
        }
        if (volume.Secret is { } secret)
        {
            var at = e.Path.Child("secret");
            e.RequiredDns1123Subdomain(at.Child("secretName"), secret.SecretName);
            Mode(e, at.Child("defaultMode"), secret.DefaultMode);
            Items(e, at.Child("items"), secret.Items);
        }
        if (volume.PersistentVolumeClaim is { } claim && string.IsNullOrEmpty(claim.ClaimName))
        {
            e.Required(e.Path.Child("persistentVolumeClaim", "claimName"));
        }
        if (volume.Nfs is { } nfs)
        {
            if (string.IsNullOrEmpty(nfs.Server))
            {
                e.Required(e.Path.Child("nfs", "server"));
            }
            if (string.IsNullOrEmpty(nfs.Path))
            {
                e.Required(e.Path.Child("nfs", "path"));
            }
            else if (!nfs.Path.StartsWith('/'))
            {
                e.Invalid(e.Path.Child("nfs", "path"), nfs.Path, "must be an absolute path");
            }
        }
        if (volume.EmptyDir?.SizeLimit is { Sign: < 0 } sizeLimit)
        {
            e.Invalid(e.Path.Child("emptyDir", "sizeLimit"), sizeLimit.ToString(), FieldErrorCollector.IsNegativeErrorMessage);
        }
        if (volume.Csi is { } csi && string.IsNullOrEmpty(csi.Driver))
        {
            e.Required(e.Path.Child("csi", "driver"));
        }
        if (volume.DownwardAPI is { } downward)
        {
            var at = e.Path.Child("downwardAPI");
            Mode(e, at.Child("defaultMode"), downward.DefaultMode);
            var i = 0;
            foreach (var file in downward.Items ?? [])
            {
                var item = at.Child("items").Index(i++);
                if (string.IsNullOrEmpty(file.Path))
                {
                    e.Required(item.Child("path"));
                }
                else
                {
                    ContainerValidator.LocalDescendingPath(e, item.Child("path"), file.Path);
                }
                if ((file.FieldRef is null) == (file.ResourceFieldRef is null))
                {
                    e.Invalid(item, "", file.FieldRef is null
                        ? "must specify one of: `fieldRef` or `resourceFieldRef`"
                        : "fieldRef and resourceFieldRef can not be specified simultaneously");
                }
                Mode(e, item.Child("mode"), file.Mode);
            }
        }
        if (volume.Projected is { } projected)
        {
            var at = e.Path.Child("projected");
            Mode(e, at.Child("defaultMode"), projected.DefaultMode);
            var i = 0;
            foreach (var projection in projected.Sources ?? [])
            {
                var source = at.Child("sources").Index(i++);
                var kinds = new object?[] { projection.Secret, projection.ConfigMap, projection.DownwardAPI, projection.ServiceAccountToken, projection.ClusterTrustBundle }.Count(p => p is not null);
                if (kinds != 1)
                {
                    e.Forbidden(source, "may not specify more than 1 volume type per source");
                }
                if (projection.ServiceAccountToken is { } token)
                {
                    if (string.IsNullOrEmpty(token.Path))
                    {
                        e.Required(source.Child("serviceAccountToken", "path"));
                    }
                    if (token.ExpirationSeconds is < 600 and var seconds)
                    {
                        e.Invalid(source.Child("serviceAccountToken", "expirationSeconds"), seconds, "may not specify a duration less than 10 minutes");
                    }
                }
                Items(e, source.Child("secret", "items"), projection.Secret?.Items);
                Items(e, source.Child("configMap", "items"), projection.ConfigMap?.Items);
            }
        }
    }

    private static void Items(FieldErrorCollector e, FieldPath at, IList<KeyToPath>? items)
    {
        var i = 0;
        foreach (var item in items ?? [])
        {
            var itemPath = at.Index(i++);
            if (string.IsNullOrEmpty(item.Key))
            {
                e.Required(itemPath.Child("key"));
            }
            if (string.IsNullOrEmpty(item.Path))
            {
                e.Required(itemPath.Child("path"));
            }
            else
            {
                ContainerValidator.LocalDescendingPath(e, itemPath.Child("path"), item.Path);
            }
            Mode(e, itemPath.Child("mode"), item.Mode);
        }
    }

    private static void Mode(FieldErrorCollector e, FieldPath at, int? mode)
    {
        if (mode is { } m && (m < 0 || m > 0x1FF))
        {
            e.Invalid(at, m, "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }
}
