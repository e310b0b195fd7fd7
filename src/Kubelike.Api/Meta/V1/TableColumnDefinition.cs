using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("TableColumnDefinition contains information about a column returned in the Table.")]
[NoProtobuf]
public class TableColumnDefinition
{
    [JsonPropertyName("name")]
    [Required]
    [Description("name is a human readable name for the column.")]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    [Required]
    [Description("type is an OpenAPI type definition for this column, such as number, integer, string, or array. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more.")]
    public string? Type { get; set; }

    [JsonPropertyName("format")]
    [Required]
    [Description("format is an optional OpenAPI type modifier for this column. A format modifies the type and imposes additional rules, like date or time formatting for a string. The 'name' format is applied to the primary identifier column which has type 'string' to assist in clients identifying column is the resource name. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for more.")]
    public string? Format { get; set; }

    [JsonPropertyName("description")]
    [Required]
    [Description("description is a human readable description of this column.")]
    public string? Description { get; set; }

    [JsonPropertyName("priority")]
    [Required]
    [Description("priority is an integer defining the relative importance of this column compared to others. Lower numbers are considered higher priority. Columns that may be omitted in limited space scenarios should be given a higher priority.")]
    public int? Priority { get; set; }
}
