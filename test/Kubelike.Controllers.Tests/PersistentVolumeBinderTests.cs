using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Storage.V1;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

/// <summary>
/// The persistent volume binder and the local-path provisioner in a real server: claims bind to the smallest
/// matching volume, phases move as upstream's, the default class is created at start and given to class-less claims,
/// provisioned hostPath volumes go under <c>--local-path-dir</c> and are deleted with their claims.
/// </summary>
public sealed class PersistentVolumeBinderTests : ControllerFixture
{
    private readonly TempDirectory _localPath = new("kl-local-path");

    protected override IReadOnlyList<string> ServerArguments => ["--local-path-dir", _localPath.Path];

    [OneTimeTearDown]
    public void RemoveLocalPath() => _localPath.Dispose();

    [Test]
    public async Task The_local_path_class_is_created_at_start_as_the_default_and_kubectl_shows_it()
    {
        var storageClass = await Poll.UntilAsync(async () =>
        {
            try
            {
                return await Client.Resource<StorageClass>().GetAsync("local-path");
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }, "the local-path class", Timeout);
        var (exitCode, output) = await KubectlAsync("get", "storageclass");

        Assert.Multiple(() =>
        {
            Assert.That(storageClass.Provisioner, Is.EqualTo("kubelike.io/local-path"));
            Assert.That(storageClass.Metadata!.Annotations!["storageclass.kubernetes.io/is-default-class"], Is.EqualTo("true"));
            Assert.That(storageClass.VolumeBindingMode, Is.EqualTo("Immediate"));
            Assert.That(storageClass.ReclaimPolicy, Is.EqualTo("Delete"));
            Assert.That(exitCode, Is.EqualTo(0), output);
            Assert.That(output, Does.Match(@"local-path \(default\)\s+kubelike.io/local-path\s+Delete\s+Immediate"));
        });
    }

    [Test]
    public async Task A_claim_binds_the_smallest_volume_matching_class_access_modes_selector_and_capacity()
    {
        var ns = await CreateNamespaceAsync();
        var storageClass = "manual-" + ns;
        await CreateVolumeAsync($"{ns}-small", storageClass, "1Gi", ["ReadWriteOnce"]);
        await CreateVolumeAsync($"{ns}-big", storageClass, "5Gi", ["ReadWriteOnce", "ReadOnlyMany"]);
        await CreateVolumeAsync($"{ns}-shared", storageClass, "3Gi", ["ReadWriteMany"]);
        await CreateVolumeAsync($"{ns}-fast", storageClass, "3Gi", ["ReadWriteOnce"], new Dictionary<string, string> { ["tier"] = "fast" });
        await CreateClaimAsync(ns, "fast", storageClass, "2Gi", selector: new LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "fast" } });
        var fast = await BoundAsync(ns, "fast");
        await CreateClaimAsync(ns, "any", storageClass, "2Gi");
        var any = await BoundAsync(ns, "any");
        await CreateClaimAsync(ns, "huge", storageClass, "20Gi");
        var huge = await PhaseAsync(ns, "huge", "Pending");

        var big = await Client.Resource<PersistentVolume>().GetAsync($"{ns}-big");
        var small = await VolumePhaseAsync($"{ns}-small", "Available");
        var (exitCode, output) = await KubectlAsync("get", "pvc", "-n", ns, "any");
        Assert.Multiple(() =>
        {
            Assert.That(fast.Spec!.VolumeName, Is.EqualTo($"{ns}-fast"), "the selector picks the labelled volume");
            Assert.That(any.Spec!.VolumeName, Is.EqualTo($"{ns}-big"), "the smallest left with RWO and enough room");
            Assert.That(any.Status!.Capacity!["storage"], Is.EqualTo(Quantity.Parse("5Gi")));
            Assert.That(any.Status.AccessModes, Is.EqualTo(new[] { "ReadWriteOnce", "ReadOnlyMany" }));
            Assert.That(any.Metadata!.Annotations!["pv.kubernetes.io/bind-completed"], Is.EqualTo("yes"));
            Assert.That(big.Spec!.ClaimRef!.Uid, Is.EqualTo(any.Metadata.Uid));
            Assert.That(big.Status!.Phase, Is.EqualTo("Bound"));
            Assert.That(huge.Spec!.VolumeName, Is.Null);
            Assert.That(small.Spec!.ClaimRef, Is.Null);
            Assert.That(exitCode, Is.EqualTo(0), output);
            Assert.That(output, Does.Match($@"any\s+Bound\s+{ns}-big\s+5Gi\s+RWO,ROX\s+{storageClass}"));
        });
    }

    [Test]
    public async Task A_deleted_claim_releases_a_retained_volume_and_a_pre_bound_claim_waits_for_its_volume()
    {
        var ns = await CreateNamespaceAsync();
        var storageClass = "manual-" + ns;
        await CreateVolumeAsync($"{ns}-kept", storageClass, "1Gi", ["ReadWriteOnce"]);
        await CreateClaimAsync(ns, "first", storageClass, "1Gi");
        await BoundAsync(ns, "first");
        await Client.Resource<PersistentVolumeClaim>().DeleteAsync("first", ns);
        var released = await VolumePhaseAsync($"{ns}-kept", "Released");

        await CreateClaimAsync(ns, "waiting", storageClass, "1Gi", volumeName: $"{ns}-later");
        var waiting = await PhaseAsync(ns, "waiting", "Pending");
        await CreateVolumeAsync($"{ns}-later", storageClass, "2Gi", ["ReadWriteOnce"]);
        var bound = await BoundAsync(ns, "waiting");

        Assert.Multiple(() =>
        {
            Assert.That(released.Spec!.ClaimRef!.Name, Is.EqualTo("first"), "a released volume keeps its claim reference");
            Assert.That(waiting.Spec!.VolumeName, Is.EqualTo($"{ns}-later"));
            Assert.That(bound.Status!.Capacity!["storage"], Is.EqualTo(Quantity.Parse("2Gi")));
        });
    }

    [Test]
    public async Task The_local_path_provisioner_makes_a_volume_under_its_directory_for_a_class_less_claim_and_deletes_both_with_the_claim()
    {
        var ns = await CreateNamespaceAsync();
        await CreateClaimAsync(ns, "data", null, "64Mi");
        var claim = await BoundAsync(ns, "data");
        var volume = await Client.Resource<PersistentVolume>().GetAsync(claim.Spec!.VolumeName!);
        var path = volume.Spec!.HostPath!.Path!;

        Assert.Multiple(() =>
        {
            Assert.That(claim.Spec.StorageClassName, Is.EqualTo("local-path"));
            Assert.That(volume.Metadata!.Name, Is.EqualTo("pvc-" + claim.Metadata!.Uid));
            Assert.That(volume.Metadata.Annotations!["pv.kubernetes.io/provisioned-by"], Is.EqualTo("kubelike.io/local-path"));
            Assert.That(volume.Spec.Capacity!["storage"], Is.EqualTo(Quantity.Parse("64Mi")));
            Assert.That(volume.Spec.HostPath.Type, Is.EqualTo("DirectoryOrCreate"));
            Assert.That(Path.GetDirectoryName(path), Is.EqualTo(_localPath.Path));
            Assert.That(Directory.Exists(path), Is.True);
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo((UnixFileMode)Convert.ToInt32("777", 8)));
        });

        await File.WriteAllTextAsync(Path.Combine(path, "file"), "data");
        var (exitCode, output) = await KubectlAsync("delete", "pvc", "-n", ns, "data");
        Assert.That(exitCode, Is.EqualTo(0), output);
        await UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<PersistentVolume>().GetAsync(volume.Metadata!.Name!);
                return false;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return true;
            }
        }, "the provisioned volume is deleted");
        Assert.That(Directory.Exists(path), Is.False, "its directory is removed");
    }

    private async Task CreateVolumeAsync(string name, string storageClass, string size, IList<string> accessModes, Dictionary<string, string>? labels = null) =>
        await Client.Resource<PersistentVolume>().CreateAsync(new PersistentVolume
        {
            Metadata = new ObjectMeta { Name = name, Labels = labels },
            Spec = new PersistentVolumeSpec
            {
                Capacity = new Dictionary<string, Quantity> { ["storage"] = Quantity.Parse(size) },
                AccessModes = accessModes,
                StorageClassName = storageClass,
                PersistentVolumeReclaimPolicy = "Retain",
                HostPath = new HostPathVolumeSource { Path = "/tmp/" + name },
            },
        });

    private async Task CreateClaimAsync(string ns, string name, string? storageClass, string size, LabelSelector? selector = null, string? volumeName = null) =>
        await Client.Resource<PersistentVolumeClaim>().CreateAsync(new PersistentVolumeClaim
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                StorageClassName = storageClass,
                Selector = selector,
                VolumeName = volumeName,
                Resources = new VolumeResourceRequirements { Requests = new Dictionary<string, Quantity> { ["storage"] = Quantity.Parse(size) } },
            },
        });

    private Task<PersistentVolumeClaim> BoundAsync(string ns, string name) => PhaseAsync(ns, name, "Bound");

    private Task<PersistentVolumeClaim> PhaseAsync(string ns, string name, string phase) =>
        Poll.UntilAsync(async () =>
        {
            var claim = await Client.Resource<PersistentVolumeClaim>().GetAsync(name, ns);
            return claim.Status?.Phase == phase ? claim : null;
        }, $"claim {ns}/{name} {phase}", Timeout);

    private Task<PersistentVolume> VolumePhaseAsync(string name, string phase) =>
        Poll.UntilAsync(async () =>
        {
            var volume = await Client.Resource<PersistentVolume>().GetAsync(name);
            return volume.Status?.Phase == phase ? volume : null;
        }, $"volume {name} {phase}", Timeout);
}
