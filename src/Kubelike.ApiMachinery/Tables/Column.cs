using Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Column definitions shared by many kinds, worded as upstream's printers word them.</summary>
internal static class Column
{
    public static readonly TableColumn Name = new("Name", "string", "name", TableJson.Doc<ObjectMeta>("name"), 0);
    public static readonly TableColumn Age = new("Age", "string", "", TableJson.Doc<ObjectMeta>("creationTimestamp"), 0);
    public static readonly TableColumn CreatedAt = new("Created At", "date", "", TableJson.Doc<ObjectMeta>("creationTimestamp"), 0);
    public static readonly TableColumn Containers = new("Containers", "string", "", "Names of each container in the template.", 1);
    public static readonly TableColumn Images = new("Images", "string", "", "Images referenced by each container in the template.", 1);

    public static TableColumn Of(string name, string type, string description) => new(name, type, "", description, 0);

    public static TableColumn Wide(string name, string type, string description) => new(name, type, "", description, 1);
}
