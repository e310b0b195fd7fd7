using System.Net;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Client.Rest;

/// <summary>
/// 410 Expired/Gone: a list or watch asked for a resourceVersion (or continue token) the server no longer has
/// history for. The remedy is a fresh list (no resourceVersion) and a watch from its resourceVersion.
/// </summary>
public sealed class ResourceVersionExpiredException(Status status, HttpStatusCode? httpStatus = null)
    : KubernetesApiException(status, httpStatus ?? HttpStatusCode.Gone);
