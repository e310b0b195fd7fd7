namespace Kubelike.ApiMachinery.Errors;

/// <summary>The kinds of field validation error; each has a cause reason on the wire and a phrase in messages.</summary>
public enum FieldErrorType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,
}
