using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Validation.Apps;
using Kubelike.ApiMachinery.Validation.Autoscaling;
using Kubelike.ApiMachinery.Validation.Batch;
using Kubelike.ApiMachinery.Validation.Cluster;
using Kubelike.ApiMachinery.Validation.Core;
using Kubelike.ApiMachinery.Validation.Networking;
using Kubelike.ApiMachinery.Validation.Rbac;
using Kubelike.ApiMachinery.Validation.Storage;
using AppsV1 = Kubelike.Api.Apps.V1;
using AutoscalingV1 = Kubelike.Api.Autoscaling.V1;
using AutoscalingV2 = Kubelike.Api.Autoscaling.V2;
using BatchV1 = Kubelike.Api.Batch.V1;
using CoordinationV1 = Kubelike.Api.Coordination.V1;
using CoreV1 = Kubelike.Api.Core.V1;
using DiscoveryV1 = Kubelike.Api.Discovery.V1;
using EventsV1 = Kubelike.Api.Events.V1;
using NetworkingV1 = Kubelike.Api.Networking.V1;
using PolicyV1 = Kubelike.Api.Policy.V1;
using RbacV1 = Kubelike.Api.Rbac.V1;
using SchedulingV1 = Kubelike.Api.Scheduling.V1;
using StorageV1 = Kubelike.Api.Storage.V1;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>
/// Per-kind validation of the built-in kinds, as kube-apiserver's strategies run it (pkg/apis/*/validation): the
/// entry point the write path calls after decoding and defaulting, next to the metadata rules. Kinds without rules
/// (reviews, ControllerRevisions) validate to no errors.
/// </summary>
public static class ObjectValidation
{
    private static readonly FrozenDictionary<GroupVersionKind, IKindValidation> Kinds = Build().ToFrozenDictionary();

    /// <summary>The errors of an object being created.</summary>
    public static List<FieldError> ValidateCreate(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.Create(obj) : [];
    }

    /// <summary>The errors of an update: the new object's own, and the rules that compare it with the stored one.</summary>
    public static List<FieldError> ValidateUpdate(ResourceDefinition resource, JsonObject updated, JsonObject existing)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.Update(updated, existing) : [];
    }

    /// <summary>The errors of a write to the status subresource.</summary>
    public static List<FieldError> ValidateStatusUpdate(ResourceDefinition resource, JsonObject updated, JsonObject existing)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.TryGetValue(resource.GroupVersionKind, out var kind) ? kind.StatusUpdate(updated, existing) : [];
    }

    private static Dictionary<GroupVersionKind, IKindValidation> Build() => new()
    {
        [V1("", "Pod")] = new KindValidation<CoreV1.Pod>(new PodValidator(), new PodUpdateValidator(), createOnly: new PodCreateValidator()),
        [V1("", "PodTemplate")] = new KindValidation<CoreV1.PodTemplate>(new PodTemplateValidator()),
        [V1("", "ReplicationController")] = new KindValidation<CoreV1.ReplicationController>(new ReplicationControllerValidator()),
        [V1("", "Service")] = new KindValidation<CoreV1.Service>(new ServiceValidator(), new ServiceUpdateValidator()),
        [V1("", "ConfigMap")] = new KindValidation<CoreV1.ConfigMap>(new ConfigMapValidator(), new ConfigMapUpdateValidator()),
        [V1("", "Secret")] = new KindValidation<CoreV1.Secret>(new SecretValidator(), new SecretUpdateValidator()),
        [V1("", "Namespace")] = new KindValidation<CoreV1.Namespace>(new NamespaceValidator()),
        [V1("", "Node")] = new KindValidation<CoreV1.Node>(new NodeValidator()),
        [V1("", "Endpoints")] = new KindValidation<CoreV1.Endpoints>(new EndpointsValidator()),
        [V1("", "PersistentVolume")] = new KindValidation<CoreV1.PersistentVolume>(new PersistentVolumeValidator()),
        [V1("", "PersistentVolumeClaim")] = new KindValidation<CoreV1.PersistentVolumeClaim>(new PersistentVolumeClaimValidator(), new PersistentVolumeClaimUpdateValidator()),
        [V1("", "ResourceQuota")] = new KindValidation<CoreV1.ResourceQuota>(new ResourceQuotaValidator()),
        [V1("", "LimitRange")] = new KindValidation<CoreV1.LimitRange>(new LimitRangeValidator()),
        [V1("", "Event")] = new KindValidation<CoreV1.Event>(new EventValidator()),
        [V1("events.k8s.io", "Event")] = new KindValidation<EventsV1.Event>(new EventsV1EventValidator()),
        [V1("apps", "Deployment")] = new KindValidation<AppsV1.Deployment>(new DeploymentValidator(), new DeploymentUpdateValidator()),
        [V1("apps", "ReplicaSet")] = new KindValidation<AppsV1.ReplicaSet>(new ReplicaSetValidator(), new ReplicaSetUpdateValidator()),
        [V1("apps", "StatefulSet")] = new KindValidation<AppsV1.StatefulSet>(new StatefulSetValidator(), new StatefulSetUpdateValidator()),
        [V1("apps", "DaemonSet")] = new KindValidation<AppsV1.DaemonSet>(new DaemonSetValidator(), new DaemonSetUpdateValidator()),
        [V1("batch", "Job")] = new KindValidation<BatchV1.Job>(new JobValidator(), new JobUpdateValidator()),
        [V1("batch", "CronJob")] = new KindValidation<BatchV1.CronJob>(new CronJobValidator()),
        [V1("autoscaling", "HorizontalPodAutoscaler")] = new KindValidation<AutoscalingV1.HorizontalPodAutoscaler>(new HorizontalPodAutoscalerV1Validator()),
        [new("autoscaling", "v2", "HorizontalPodAutoscaler")] = new KindValidation<AutoscalingV2.HorizontalPodAutoscaler>(new HorizontalPodAutoscalerValidator()),
        [V1("policy", "PodDisruptionBudget")] = new KindValidation<PolicyV1.PodDisruptionBudget>(new PodDisruptionBudgetValidator()),
        [V1("coordination.k8s.io", "Lease")] = new KindValidation<CoordinationV1.Lease>(new LeaseValidator()),
        [V1("discovery.k8s.io", "EndpointSlice")] = new KindValidation<DiscoveryV1.EndpointSlice>(new EndpointSliceValidator(), new EndpointSliceUpdateValidator()),
        [V1("networking.k8s.io", "Ingress")] = new KindValidation<NetworkingV1.Ingress>(new IngressValidator()),
        [V1("networking.k8s.io", "IngressClass")] = new KindValidation<NetworkingV1.IngressClass>(new IngressClassValidator(), new IngressClassUpdateValidator()),
        [V1("networking.k8s.io", "NetworkPolicy")] = new KindValidation<NetworkingV1.NetworkPolicy>(new NetworkPolicyValidator()),
        [V1("rbac.authorization.k8s.io", "Role")] = new KindValidation<RbacV1.Role>(new RoleValidator()),
        [V1("rbac.authorization.k8s.io", "ClusterRole")] = new KindValidation<RbacV1.ClusterRole>(new ClusterRoleValidator()),
        [V1("rbac.authorization.k8s.io", "RoleBinding")] = new KindValidation<RbacV1.RoleBinding>(new RoleBindingValidator(), new RoleBindingUpdateValidator()),
        [V1("rbac.authorization.k8s.io", "ClusterRoleBinding")] = new KindValidation<RbacV1.ClusterRoleBinding>(new ClusterRoleBindingValidator(), new ClusterRoleBindingUpdateValidator()),
        [V1("storage.k8s.io", "StorageClass")] = new KindValidation<StorageV1.StorageClass>(new StorageClassValidator(), new StorageClassUpdateValidator()),
        [V1("scheduling.k8s.io", "PriorityClass")] = new KindValidation<SchedulingV1.PriorityClass>(new PriorityClassValidator(), new PriorityClassUpdateValidator()),
    };

    private static GroupVersionKind V1(string group, string kind) => new(group, "v1", kind);
}
