using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Adapts a secret into a projected volume.\n\nThe contents of the target Secret's Data field will be presented in a projected volume as files using the keys in the Data field as the file names. Note that this is identical to a secret volume source without the default mode.")]
[ProtoEmbeddedBase(1)]
public class SecretProjection : LocalObjectReference
{
    [JsonPropertyName("items")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")]
    public IList<KeyToPath>? Items { get; set; }

    [JsonPropertyName("optional")]
    [ProtoField(4)]
    [Description("optional field specify whether the Secret or its key must be defined")]
    public bool? Optional { get; set; }
}
