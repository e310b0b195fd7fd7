using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Resources;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Hosting;

/// <summary>
/// Makes sure the namespaces every cluster has (default, kube-system, kube-public, kube-node-lease) exist,
/// at start-up and before the API serves requests. Registered after the object store so it starts after it.
/// </summary>
public sealed class SystemNamespacesService(IServiceProvider services, ResourceRegistry registry, TimeProvider time, ILogger<SystemNamespacesService> logger) : IHostedService
{
    public static readonly IReadOnlyList<string> Names = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved now, not at construction: the store opens in an earlier hosted service's StartAsync.
        var store = services.GetRequiredService<IObjectStore>();
        var namespaces = new ResourceStore(store, registry.Find("", "v1", "namespaces")!);
        foreach (var name in Names)
        {
            if (await namespaces.GetAsync("", name, cancellationToken) is not null)
                continue;
            var obj = new System.Text.Json.Nodes.JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["name"] = name,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["creationTimestamp"] = ObjectMeta.FormatTime(time.GetUtcNow()),
                    ["labels"] = new System.Text.Json.Nodes.JsonObject { ["kubernetes.io/metadata.name"] = name },
                },
                ["spec"] = new System.Text.Json.Nodes.JsonObject { ["finalizers"] = new System.Text.Json.Nodes.JsonArray("kubernetes") },
                ["status"] = new System.Text.Json.Nodes.JsonObject { ["phase"] = "Active" },
            };
            try
            {
                await namespaces.CreateAsync(obj, cancellationToken);
                logger.LogInformation("created namespace {Namespace}", name);
            }
            catch (Kubelike.ApiMachinery.Errors.ApiException exception) when (exception.Code == 409)
            {
                // Another server created it at the same moment.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
