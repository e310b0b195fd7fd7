using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Rbac.V1;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Resources;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Authorization.Bootstrap;

/// <summary>
/// Reconciles the <see cref="BootstrapPolicy"/> at start-up, before the API serves, as upstream's
/// rbac/bootstrap-roles post-start hook: missing roles and bindings are created; existing ones that keep
/// <c>rbac.authorization.kubernetes.io/autoupdate</c> other than "false" get missing labels, annotations, rules
/// (or aggregation selectors) and subjects added. Nothing a user added is removed.
/// </summary>
public sealed class BootstrapPolicyService(IServiceProvider services, ResourceRegistry registry, TimeProvider time, ILogger<BootstrapPolicyService> logger) : IHostedService
{
    private const int Attempts = 5;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved now, not at construction: the store opens in an earlier hosted service's StartAsync.
        var store = services.GetRequiredService<IObjectStore>();
        var roles = new ResourceStore(store, registry.Find(Rbac.PolicyRules.Group, "v1", "clusterroles")!);
        var bindings = new ResourceStore(store, registry.Find(Rbac.PolicyRules.Group, "v1", "clusterrolebindings")!);
        foreach (var role in BootstrapPolicy.ClusterRoles())
            await ReconcileAsync(roles, role, role.Metadata!, MergeRole, cancellationToken);
        foreach (var binding in BootstrapPolicy.ClusterRoleBindings())
            await ReconcileAsync(bindings, binding, binding.Metadata!, MergeBinding, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReconcileAsync<T>(ResourceStore objects, T expected, Api.Meta.V1.ObjectMeta metadata, Func<T, T, bool> merge, CancellationToken cancellationToken)
        where T : class, IKubernetesObject
    {
        var name = metadata.Name!;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var existing = await objects.GetAsync("", name, cancellationToken);
                if (existing is null)
                {
                    await objects.CreateAsync(ToJson(objects.Resource, expected, stored: null), cancellationToken);
                    logger.LogDebug("created {Kind} {Name}", objects.Resource.Kind, name);
                    return;
                }
                var current = existing.Value.Object.Deserialize<T>(KubernetesJson.Options)!;
                if (current.Metadata?.Annotations?.TryGetValue(BootstrapPolicy.AutoUpdateAnnotation, out var autoUpdate) == true && autoUpdate == "false")
                    return;
                var changed = MergeMetadata(current.Metadata!, metadata);
                changed |= merge(current, expected);
                if (changed)
                {
                    await objects.UpdateAsync(ToJson(objects.Resource, current, existing.Value.Object), existing.Value.Revision, cancellationToken);
                    logger.LogInformation("reconciled {Kind} {Name} with the bootstrap policy", objects.Resource.Kind, name);
                }
                return;
            }
            catch (ApiException exception) when (exception.Code == 409 && attempt < Attempts)
            {
                // Another server wrote it meanwhile: read it again.
            }
        }
    }

    private static bool MergeMetadata(Api.Meta.V1.ObjectMeta current, Api.Meta.V1.ObjectMeta expected)
    {
        var changed = false;
        current.Labels ??= new Dictionary<string, string>();
        current.Annotations ??= new Dictionary<string, string>();
        foreach (var (key, value) in expected.Labels ?? new Dictionary<string, string>())
            changed |= current.Labels.TryAdd(key, value);
        foreach (var (key, value) in expected.Annotations ?? new Dictionary<string, string>())
            changed |= current.Annotations.TryAdd(key, value);
        return changed;
    }

    private static bool MergeRole(ClusterRole current, ClusterRole expected)
    {
        var changed = false;
        if (expected.AggregationRule is { } aggregation)
        {
            // The aggregation controller owns the rules of an aggregated role; only its selectors are ours.
            current.AggregationRule ??= new AggregationRule { ClusterRoleSelectors = [] };
            current.AggregationRule.ClusterRoleSelectors ??= [];
            foreach (var selector in aggregation.ClusterRoleSelectors ?? [])
            {
                if (!current.AggregationRule.ClusterRoleSelectors.Any(s => RuleEquality.Same(s, selector)))
                {
                    current.AggregationRule.ClusterRoleSelectors.Add(selector);
                    changed = true;
                }
            }
            return changed;
        }
        current.Rules ??= [];
        foreach (var rule in expected.Rules ?? [])
        {
            if (!current.Rules.Any(r => RuleEquality.Same(r, rule)))
            {
                current.Rules.Add(rule);
                changed = true;
            }
        }
        return changed;
    }

    private static bool MergeBinding(ClusterRoleBinding current, ClusterRoleBinding expected)
    {
        var changed = false;
        current.Subjects ??= [];
        foreach (var subject in expected.Subjects ?? [])
        {
            if (!current.Subjects.Any(s => s.Kind == subject.Kind && s.Name == subject.Name && (s.Namespace ?? "") == (subject.Namespace ?? "")))
            {
                current.Subjects.Add(subject);
                changed = true;
            }
        }
        return changed;
    }

    private JsonObject ToJson<T>(ResourceDefinition resource, T value, JsonObject? stored)
    {
        var obj = JsonSerializer.SerializeToNode(value, KubernetesJson.Options)!.AsObject();
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        var metadata = obj["metadata"]!.AsObject();
        metadata.Remove("resourceVersion");
        if (stored is null)
        {
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = ObjectMeta.FormatTime(time.GetUtcNow());
        }
        return obj;
    }
}
