namespace Kubelike.Api.Primitives;

/// <summary>How a <see cref="Quantity"/> is written in canonical form, remembered from the suffix it was parsed with.</summary>
public enum QuantityFormat
{
    /// <summary><c>e</c>/<c>E</c> exponents: <c>12e6</c>.</summary>
    DecimalExponent,

    /// <summary>Powers of two: <c>Ki Mi Gi Ti Pi Ei</c>.</summary>
    BinarySI,

    /// <summary>Powers of ten: <c>n u m "" k M G T P E</c>.</summary>
    DecimalSI,
}
