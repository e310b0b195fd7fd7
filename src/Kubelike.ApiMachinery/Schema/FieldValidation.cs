namespace Kubelike.ApiMachinery.Schema;

/// <summary>The <c>fieldValidation</c> query parameter: what to do with unknown or duplicate fields.</summary>
public enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}
