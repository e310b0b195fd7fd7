using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>
/// Server-side Table conversion (<c>kubectl get</c>, Accept <c>as=Table</c>) with the columns kube-apiserver 1.33's
/// printers define per kind (pkg/printers/internalversion). Like the server, rows always carry every column,
/// the wide (priority 1) ones included; clients hide those unless asked for -o wide. Kinds without a printer
/// (roles, cluster roles, limit ranges, ...) get upstream's default table convertor: Name and Created At (RFC 3339).
/// </summary>
public static class TableConverter
{
    private static readonly Dictionary<(string Group, string Plural), KindPrinter> Printers = Build();

    public static IReadOnlyList<TableColumn> Columns(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Find(resource)?.Columns ?? DefaultColumns;
    }

    public static JsonArray Cells(ResourceDefinition resource, JsonObject obj, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        var cells = Find(resource) is { } printer ? printer.Cells(obj, now) : [TableJson.Name(obj), CorePrinters.CreatedAt(obj)];
        return new JsonArray([.. cells]);
    }

    private static KindPrinter? Find(ResourceDefinition resource) =>
        Printers.TryGetValue((resource.Group, resource.Plural), out var printer) ? printer : null;

    /// <summary>The Name and Created At columns every kind without its own printer gets, as upstream's default convertor.</summary>
    public static IReadOnlyList<TableColumn> DefaultColumns { get; } = [Column.Name, Column.CreatedAt];

    private static Dictionary<(string Group, string Plural), KindPrinter> Build()
    {
        var printers = new Dictionary<(string, string), KindPrinter>();
        CorePrinters.Register(printers);
        AppsPrinters.Register(printers);
        BatchPrinters.Register(printers);
        NetworkingPrinters.Register(printers);
        ClusterPrinters.Register(printers);
        return printers;
    }
}
