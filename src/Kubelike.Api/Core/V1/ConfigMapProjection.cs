using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Adapts a ConfigMap into a projected volume.\n\nThe contents of the target ConfigMap's Data field will be presented in a projected volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. Note that this is identical to a configmap volume source without the default mode.")]
[ProtoEmbeddedBase(1)]
public class ConfigMapProjection : LocalObjectReference
{
    [JsonPropertyName("items")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")]
    public IList<KeyToPath>? Items { get; set; }

    [JsonPropertyName("optional")]
    [ProtoField(4)]
    [Description("optional specify whether the ConfigMap or its keys must be defined")]
    public bool? Optional { get; set; }
}
