using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;

namespace Kubelike.Api.Tests;

/// <summary>Go omits the zero value of a non-pointer <c>omitempty</c> field; a pointer field keeps it.</summary>
public class OmitEmptyTests
{
    [Test]
    public void ZeroValuesOfNonPointerOmitEmptyFieldsAreNotWritten()
    {
        var container = new Container { Name = "c", Image = "", Stdin = false, Tty = false, WorkingDir = "", Ports = [new ContainerPort { ContainerPortValue = 0 }] };

        var json = KubernetesJson.SerializeToNode(container)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "name", "ports" }), json.ToJsonString());
            // containerPort has no omitempty upstream: its zero stays.
            Assert.That(json["ports"]![0]!["containerPort"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public void NonZeroValuesAndZeroPointerFieldsAreWritten()
    {
        var deployment = new DeploymentSpec { Replicas = 0, Paused = true, MinReadySeconds = 0, RevisionHistoryLimit = 0 };

        var json = KubernetesJson.SerializeToNode(deployment)!.AsObject();

        Assert.That(json.ToJsonString(), Is.EqualTo("""{"replicas":0,"revisionHistoryLimit":0,"paused":true}"""));
    }

    [Test]
    public void ZeroValuesInTheInputAreDroppedOnTheWayThrough()
    {
        var node = JsonNode.Parse("""{"name":"c","stdin":false,"stdinOnce":false,"tty":true,"terminationMessagePath":""}""");

        var container = KubernetesJson.Deserialize<Container>(node);

        Assert.That(KubernetesJson.Serialize(container), Is.EqualTo("""{"name":"c","tty":true}"""));
    }
}
