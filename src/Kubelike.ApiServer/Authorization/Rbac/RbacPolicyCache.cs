using Kubelike.Api.Rbac.V1;
using Kubelike.ApiMachinery.Registry;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// Roles, ClusterRoles, RoleBindings and ClusterRoleBindings as the store has them, watched into memory (upstream's
/// RBAC authorizer reads informer caches the same way). A binding made through any server is seen here within a watch
/// round trip.
/// </summary>
public sealed class RbacPolicyCache : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly StoreMirror<Role> _roles;
    private readonly StoreMirror<ClusterRole> _clusterRoles;
    private readonly StoreMirror<RoleBinding> _roleBindings;
    private readonly StoreMirror<ClusterRoleBinding> _clusterRoleBindings;

    public RbacPolicyCache(IServiceProvider services, ResourceRegistry registry, TimeProvider time, ILogger<RbacPolicyCache> logger)
    {
        _services = services;
        string Resource(string plural) => registry.Find(PolicyRules.Group, "v1", plural)!.StorageResource;
        _roles = new(Resource("roles"), time, logger);
        _clusterRoles = new(Resource("clusterroles"), time, logger);
        _roleBindings = new(Resource("rolebindings"), time, logger);
        _clusterRoleBindings = new(Resource("clusterrolebindings"), time, logger);
    }

    /// <summary>Completes once all four kinds have been listed.</summary>
    public Task Loaded => Task.WhenAll(_roles.Loaded, _clusterRoles.Loaded, _roleBindings.Loaded, _clusterRoleBindings.Loaded);

    public Role? GetRole(string ns, string name) => _roles.Get(ns, name);

    public ClusterRole? GetClusterRole(string name) => _clusterRoles.Get("", name);

    public IEnumerable<RoleBinding> RoleBindings(string ns) => _roleBindings.InNamespace(ns);

    public IEnumerable<ClusterRoleBinding> ClusterRoleBindings => _clusterRoleBindings.All;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not at construction: the store opens in an earlier hosted service's StartAsync.
        var store = _services.GetRequiredService<IObjectStore>();
        return Task.WhenAll(
            _roles.RunAsync(store, stoppingToken),
            _clusterRoles.RunAsync(store, stoppingToken),
            _roleBindings.RunAsync(store, stoppingToken),
            _clusterRoleBindings.RunAsync(store, stoppingToken));
    }
}
