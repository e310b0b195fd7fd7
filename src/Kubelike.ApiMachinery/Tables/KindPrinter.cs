using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>The columns upstream prints for one kind and the function computing a row's cells (always the wide set, as the server does).</summary>
internal sealed record KindPrinter(IReadOnlyList<TableColumn> Columns, Func<JsonObject, DateTimeOffset, IReadOnlyList<JsonNode?>> Cells);
