using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Admission;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization;
using Kubelike.ApiServer.Authorization.Reviews;
using Kubelike.ApiServer.Discovery;
using Kubelike.ApiServer.NodeProxy;
using Kubelike.ApiServer.Registry;
using Kubelike.ApiServer.Requests;
using Kubelike.Storage;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Serves every request under /api and /apis: discovery documents, and the REST verbs of every registered
/// resource. Kind-specific behaviour comes from the <see cref="ResourceDefinition"/>, never from branches here.
/// </summary>
internal sealed partial class ApiRequestHandler(ResourceRegistry registry, IObjectStore store, DiscoveryDocuments discovery, AdmissionChain admission, NodeConnections nodeConnections, RegistryHooks hooks, AccessReviews reviews, RequestAuthorizer authorizer, TimeProvider time)
{
    private const int MaxBodyBytes = 3 * 1024 * 1024;
    private const string BookmarkEnd = "k8s.io/initial-events-end";
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var watch = IsTrue(request.Query["watch"]);
        var info = RequestInfoParser.Parse(request.Method, request.Path.Value ?? "", watch, registry)
            ?? throw NotFoundPath();
        // Authorized by AuthorizationMiddleware before it gets here.
        var user = AuthenticationMiddleware.GetUser(context) ?? throw ApiException.Unauthorized();
        if (info.IsDiscovery)
        {
            await ServeDiscoveryAsync(context, info);
            return;
        }

        var resource = registry.Find(info.Group, info.Version, info.Resource) ?? throw NotFoundPath();
        if (AccessReviews.Handles(resource.Group, resource.Plural))
        {
            await ReviewAsync(context, resource, info);
            return;
        }
        if (IsBinding(resource, info) && info.Namespace.Length > 0)
        {
            await BindAsync(context, info);
            return;
        }
        if (IsPodStream(info) && info.Namespace.Length > 0 && info.Name.Length > 0)
        {
            await PodStreamAsync(context, new ResourceStore(store, resource), info, user);
            return;
        }
        var podLog = info.Subresource == "log" && resource.Group.Length == 0 && resource.Plural == "pods";
        var finalize = info.Subresource == NamespaceFinalization.FinalizeSubresource && resource.FindSubresource(info.Subresource) is not null;
        if (info.Subresource.Length > 0 && !(info.Subresource == "status" || (info.Subresource == "scale" && resource.HasScale) || podLog || finalize))
            throw ApiException.NotFound(resource.Group, $"{resource.Plural}/{info.Subresource}", info.Name);
        if (finalize && info.Verb != "update")
            throw ApiException.MethodNotSupported(resource.Group, $"{resource.Plural}/{info.Subresource}", info.Verb);
        if (!resource.Verbs.Contains(info.Verb) && !(info.Subresource.Length > 0 && info.Verb is "get" or "update" or "patch"))
            throw ApiException.MethodNotSupported(resource.Group, resource.Plural, info.Verb);
        if (resource.Namespaced && info.Namespace.Length == 0 && info.Verb is not ("list" or "watch"))
            throw NotFoundPath();

        if (info.Verb is "create" or "update" or "patch" or "delete" or "deletecollection")
            ValidateDryRun(context, info.Verb);
        var objects = new ResourceStore(store, resource);
        var cancellation = context.RequestAborted;
        if (podLog)
        {
            if (info.Verb != "get")
                throw ApiException.MethodNotSupported(resource.Group, "pods/log", info.Verb);
            await PodLogAsync(context, objects, info);
            return;
        }
        if (info.Subresource == "scale")
        {
            await ScaleAsync(context, objects, info);
            return;
        }
        switch (info.Verb)
        {
            case "get":
                await WriteObjectAsync(context, await GetExistingAsync(objects, info, cancellation), StatusCodes.Status200OK);
                break;
            case "list":
                await ListAsync(context, objects, info);
                break;
            case "watch":
                await WatchAsync(context, objects, info);
                break;
            case "create":
                await CreateAsync(context, objects, info);
                break;
            case "update":
                await UpdateAsync(context, objects, info, await ReadBodyAsync(context));
                break;
            case "patch" when IsApplyPatch(context):
                await ApplyAsync(context, objects, info);
                break;
            case "patch":
                await PatchAsync(context, objects, info);
                break;
            case "delete":
                await DeleteAsync(context, objects, info);
                break;
            case "deletecollection":
                await DeleteCollectionAsync(context, objects, info);
                break;
            default:
                throw ApiException.MethodNotSupported(resource.Group, resource.Plural, info.Verb);
        }
    }
}
