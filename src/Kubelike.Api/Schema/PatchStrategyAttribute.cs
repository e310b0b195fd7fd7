namespace Kubelike.Api.Schema;

/// <summary>The strategic-merge-patch strategy of the field: <c>merge</c>, <c>retainKeys</c> or <c>merge,retainKeys</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PatchStrategyAttribute : Attribute
{
    public PatchStrategyAttribute(string strategy)
    {
        Strategy = strategy;
    }

    public string Strategy { get; }
}
