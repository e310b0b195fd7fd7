using System.Globalization;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>A field path as upstream's field.Path prints it: <c>spec.containers[0].resources.limits[cpu]</c>.</summary>
public readonly record struct FieldPath(string Value)
{
    public static FieldPath Root { get; } = new("");

    public FieldPath Child(string name) => new(Value.Length == 0 ? name : $"{Value}.{name}");

    public FieldPath Child(string name, params string[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var path = Child(name);
        foreach (var m in more)
        {
            path = path.Child(m);
        }
        return path;
    }

    public FieldPath Index(int index) => new(string.Create(CultureInfo.InvariantCulture, $"{Value}[{index}]"));

    public FieldPath Key(string key) => new($"{Value}[{key}]");

    public override string ToString() => Value;

    public static implicit operator string(FieldPath path) => path.Value;
}
