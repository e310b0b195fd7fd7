using System.Globalization;
using Kubelike.Api.Apps.V1;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Printers for apps/v1, as kube-apiserver 1.33 prints them.</summary>
internal static class AppsPrinters
{
    public static void Register(Dictionary<(string, string), KindPrinter> printers)
    {
        printers[("apps", "deployments")] = new(
        [
            Column.Name,
            Column.Of("Ready", "string", "Number of the pod with ready state"),
            Column.Of("Up-to-date", "string", Doc<DeploymentStatus>("updatedReplicas")),
            Column.Of("Available", "string", Doc<DeploymentStatus>("availableReplicas")),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<DeploymentSpec>("selector")),
        ], (o, now) =>
        {
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), $"{Int(o, "status", "readyReplicas")}/{IntOrNull(o, "spec", "replicas") ?? 1}", Int(o, "status", "updatedReplicas"),
                Int(o, "status", "availableReplicas"), Age(o, now), names, images, SelectorString(At(o, "spec", "selector"))];
        });

        printers[("apps", "replicasets")] = new(
        [
            Column.Name,
            Column.Of("Desired", "integer", Doc<ReplicaSetSpec>("replicas")),
            Column.Of("Current", "integer", Doc<ReplicaSetStatus>("replicas")),
            Column.Of("Ready", "integer", Doc<ReplicaSetStatus>("readyReplicas")),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<ReplicaSetSpec>("selector")),
        ], (o, now) =>
        {
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), IntOrNull(o, "spec", "replicas") ?? 1, Int(o, "status", "replicas"), Int(o, "status", "readyReplicas"), Age(o, now),
                names, images, FormatLabelSelector(At(o, "spec", "selector"))];
        });

        printers[("apps", "statefulsets")] = new(
        [
            Column.Name,
            Column.Of("Ready", "string", "Number of the pod with ready state"),
            Column.Age,
            Column.Containers,
            Column.Images,
        ], (o, now) =>
        {
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), $"{Int(o, "status", "readyReplicas")}/{IntOrNull(o, "spec", "replicas") ?? 1}", Age(o, now), names, images];
        });

        printers[("apps", "daemonsets")] = new(
        [
            Column.Name,
            Column.Of("Desired", "integer", Doc<DaemonSetStatus>("desiredNumberScheduled")),
            Column.Of("Current", "integer", Doc<DaemonSetStatus>("currentNumberScheduled")),
            Column.Of("Ready", "integer", Doc<DaemonSetStatus>("numberReady")),
            Column.Of("Up-to-date", "integer", Doc<DaemonSetStatus>("updatedNumberScheduled")),
            Column.Of("Available", "integer", Doc<DaemonSetStatus>("numberAvailable")),
            Column.Of("Node Selector", "string", TableJson.Doc<Kubelike.Api.Core.V1.PodSpec>("nodeSelector")),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<DaemonSetSpec>("selector")),
        ], (o, now) =>
        {
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), Int(o, "status", "desiredNumberScheduled"), Int(o, "status", "currentNumberScheduled"), Int(o, "status", "numberReady"),
                Int(o, "status", "updatedNumberScheduled"), Int(o, "status", "numberAvailable"), FormatLabels(Map(o, "spec", "template", "spec", "nodeSelector")),
                Age(o, now), names, images, FormatLabelSelector(At(o, "spec", "selector"))];
        });

        printers[("apps", "controllerrevisions")] = new(
        [
            Column.Name,
            Column.Of("Controller", "string", "Controller of the object"),
            Column.Of("Revision", "string", Doc<ControllerRevision>("revision")),
            Column.Age,
        ], (o, now) =>
        {
            var controller = None;
            var owner = Objects(o, "metadata", "ownerReferences").FirstOrDefault(r => Bool(r, "controller"));
            if (owner is not null)
            {
                var apiVersion = Str(owner, "apiVersion");
                var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
                var group = slash < 0 ? "" : apiVersion[..slash];
                var kind = Str(owner, "kind");
                controller = kind.Length == 0 && group.Length == 0 ? Str(owner, "name")
                    : (group.Length == 0 ? kind : $"{kind}.{group}").ToLower(CultureInfo.InvariantCulture) + "/" + Str(owner, "name");
            }
            return [Name(o), controller, Int(o, "revision"), Age(o, now)];
        });
    }
}
