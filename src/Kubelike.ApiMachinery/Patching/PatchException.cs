using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>
/// A patch that cannot be applied, in the words of upstream's patch libraries (evanphx/json-patch, strategicpatch).
/// <see cref="ToApiException"/> turns it into the Status kube-apiserver answers with.
/// </summary>
public sealed class PatchException(int code, string message) : Exception(message)
{
    /// <summary>The message kube-apiserver gives a 422 from a patch library: it drops the library's words.</summary>
    public const string UnprocessableMessage = "the server rejected our request due to an error in our request";

    /// <summary>400 for a malformed patch, 413 for too many operations, 422 for an operation that does not apply.</summary>
    public int Code { get; } = code;

    public static PatchException BadRequest(string message) => new(400, message);

    public static PatchException Failed(string message) => new(422, message);

    public static PatchException TooLarge(string message) => new(413, message);

    public ApiException ToApiException() => Code switch
    {
        422 => new ApiException(422, StatusReasons.Invalid, UnprocessableMessage, new StatusDetails()),
        413 => ApiException.RequestEntityTooLarge(Message),
        _ => ApiException.BadRequest(Message),
    };
}
