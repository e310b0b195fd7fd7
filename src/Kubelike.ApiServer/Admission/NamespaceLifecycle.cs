using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Resources;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kubelike.ApiServer.Admission;

/// <summary>
/// Upstream's NamespaceLifecycle plugin: nothing is created in a namespace that does not exist (404) or is being
/// terminated (403), and the namespaces every cluster relies on cannot be deleted. It runs first, as upstream's
/// does, so a create in a missing namespace is a 404 whatever else is wrong with the object.
/// </summary>
public sealed class NamespaceLifecycle(NamespaceCache cache, IServiceProvider services, ResourceRegistry registry) : IMutatingAdmissionPlugin
{
    public static readonly IReadOnlySet<string> Immortal = new HashSet<string>(StringComparer.Ordinal) { "default", "kube-system", "kube-public" };

    private readonly ResourceDefinition _namespaces = registry.Find("", "v1", "namespaces")!;

    public string Name => "NamespaceLifecycle";

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource == _namespaces)
        {
            if (request.Operation == AdmissionOperation.Delete && Immortal.Contains(request.Name))
                throw ApiException.Forbidden(_namespaces.Group, _namespaces.Plural, request.Name, "this namespace may not be deleted");
            return;
        }
        if (request.Operation != AdmissionOperation.Create || !request.Resource.Namespaced || request.Namespace.Length == 0)
            return;

        var ns = request.Namespace;
        if (!cache.TryGet(ns, out var terminating))
        {
            var objects = new ResourceStore(services.GetRequiredService<IObjectStore>(), _namespaces);
            var found = await objects.GetAsync("", ns, cancellationToken) ?? throw ApiException.NotFound(_namespaces, ns);
            terminating = NamespaceCache.IsTerminating(found.Object);
        }
        if (terminating)
        {
            var message = $"unable to create new content in namespace {ns} because it is being terminated";
            throw ApiException.Forbidden(request.Resource.Group, request.Resource.Plural, request.Name, message)
                .WithCauses([new StatusCause("NamespaceTerminating", message, "metadata.namespace")]);
        }
    }
}
