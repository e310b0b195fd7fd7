namespace Kubelike.ApiMachinery.Validation;

/// <summary>An update under validation: the object as it would be stored and the object stored now.</summary>
public sealed record ObjectUpdate<T>(T New, T Old);
