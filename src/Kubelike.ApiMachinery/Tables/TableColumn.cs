namespace Kubelike.ApiMachinery.Tables;

/// <summary>One column of a server-side Table (meta.k8s.io TableColumnDefinition); priority 1 columns show only with -o wide.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority);
