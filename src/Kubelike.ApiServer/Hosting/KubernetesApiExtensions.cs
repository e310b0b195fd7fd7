using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Admission;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization;
using Kubelike.ApiServer.Authorization.Bootstrap;
using Kubelike.ApiServer.Authorization.Rbac;
using Kubelike.ApiServer.Authorization.Reviews;
using Kubelike.ApiServer.Discovery;
using Kubelike.ApiServer.Errors;
using Kubelike.ApiServer.NodeProxy;
using Kubelike.ApiServer.OpenApi;
using Kubelike.ApiServer.Registry;
using Kubelike.ApiServer.Resources;
using Kubelike.ApiServer.Services;
using Kubelike.ApiServer.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kubelike.ApiServer.Hosting;

/// <summary>
/// The Kubernetes API on top of the hosting: the request pipeline (errors → authenticate → impersonate → authorize → endpoints) and
/// discovery, version and resource endpoints. Call after the object store is registered.
/// </summary>
public static class KubernetesApiExtensions
{
    public static IServiceCollection AddKubernetesApi(this IServiceCollection services, string? tokenAuthFile = null)
    {
        services.AddSingleton(ResourceRegistry.BuiltIn);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ApiServerOptions>();
            return new DiscoveryDocuments(provider.GetRequiredService<ResourceRegistry>(), $"{options.ClientUrl.Host}:{options.ClientUrl.Port}");
        });
        services.AddSingleton(provider => new OpenApiDocuments(provider.GetRequiredService<ResourceRegistry>()));
        services.AddSingleton<RbacPolicyCache>();
        services.AddSingleton<RuleResolver>();
        // The chain in order: system:masters first (never locked out by RBAC), then RBAC.
        services.AddSingleton<IAuthorizer, PrivilegedGroupAuthorizer>();
        services.AddSingleton<IAuthorizer, RbacAuthorizer>();
        services.AddSingleton<RequestAuthorizer>();
        services.AddSingleton<AccessReviews>();
        services.AddSingleton<IValidatingAdmissionPlugin, RbacEscalationCheck>();
        services.AddSingleton<NamespaceCache>();
        services.AddSingleton<IMutatingAdmissionPlugin, NamespaceLifecycle>();
        services.AddSingleton<IMutatingAdmissionPlugin, DefaultTolerationSeconds>();
        services.AddSingleton<AdmissionChain>();
        services.AddSingleton<NodeConnections>();
        services.AddSingleton(provider => new ServiceAllocators(
            provider.GetRequiredService<Kubelike.Storage.IObjectStore>(), provider.GetRequiredService<ApiServerOptions>().ServiceNetwork, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRegistryHooks, ServiceRegistryHooks>();
        services.AddSingleton<RegistryHooks>();
        services.AddSingleton<ApiRequestHandler>();
        services.AddSingleton<IAuthenticator>(provider => new ClientCertificateAuthenticator(provider.GetRequiredService<ServingCertificates>()));
        if (tokenAuthFile is not null)
            services.AddSingleton<IAuthenticator>(new TokenFileAuthenticator(tokenAuthFile));
        services.AddHostedService<SystemNamespacesService>();
        services.AddHostedService<BootstrapPolicyService>();
        services.AddHostedService(provider => provider.GetRequiredService<RbacPolicyCache>());
        services.AddHostedService(provider => provider.GetRequiredService<NamespaceCache>());
        services.AddHostedService<KubernetesServiceReconciler>();
        services.AddHostedService<ServiceAllocationRepair>();
        return services;
    }

    public static WebApplication UseKubernetesApi(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorHandlingMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.UseMiddleware<ImpersonationMiddleware>();
        app.UseMiddleware<AuthorizationMiddleware>();
        app.MapVersionApi();
        app.MapOpenApi();
        // Build the OpenAPI documents in the background once started, so that the first kubectl apply does not wait for them.
        var openApi = app.Services.GetRequiredService<OpenApiDocuments>();
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(openApi.Warm));
        app.MapResourceApi();
        // Everything else is a 404 with a Status body, like any other API error.
        app.MapFallback(context => ApiErrorHandlingMiddleware.WriteAsync(context, new Kubelike.ApiMachinery.Errors.ApiException(
            StatusCodes.Status404NotFound, Kubelike.ApiMachinery.Errors.StatusReasons.NotFound, "the server could not find the requested resource")));
        return app;
    }
}
