namespace Kubelike.ApiMachinery.Selectors;

/// <summary>The operators of a label selector requirement (k8s.io/apimachinery/pkg/selection).</summary>
public enum SelectorOperator
{
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
