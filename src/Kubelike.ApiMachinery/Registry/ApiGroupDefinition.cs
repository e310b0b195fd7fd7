namespace Kubelike.ApiMachinery.Registry;

/// <summary>An API group as discovery lists it: its name ("" for core) and its versions, preferred version first.</summary>
public sealed record ApiGroupDefinition(string Name, IReadOnlyList<string> Versions)
{
    public string PreferredVersion => Versions[0];

    /// <summary>"apps/v1", or "v1" for the core group.</summary>
    public string GroupVersion(string version) => Name.Length == 0 ? version : $"{Name}/{version}";
}
