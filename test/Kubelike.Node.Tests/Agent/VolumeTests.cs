using System.Text;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// Pod volumes on real containerd, read from inside the containers: each container prints what it finds to its log,
/// which the tests read through the API (<c>kubectl logs</c>'s path). ConfigMaps, Secrets, downward API, projected,
/// emptyDir (disk and memory), hostPath and claims provisioned by the server's local-path provisioner.
/// </summary>
[TestFixture]
public sealed class VolumeTests : NodeAgentFixture
{
    protected override NodeAgentOptions ConfigureAgent(NodeAgentOptions options) =>
        options with { VolumeRefreshInterval = TimeSpan.FromSeconds(1) };

    [Test]
    public async Task ConfigMap_and_secret_volumes_hold_their_keys_with_items_modes_sub_paths_and_the_atomic_writer_layout()
    {
        await CreateConfigMapAsync("app-config", new() { ["a"] = "alpha", ["b"] = "beta" });
        await CreateSecretAsync("app-secret", new() { ["password"] = "s3cret" });
        var spec = Busybox(string.Join("; ",
            "cat /cfg/a; echo", "cat /items/nested/bee; echo", "stat -L -c %a /items/nested/bee", "stat -L -c %a /sec/password",
            "readlink /cfg/..data", "readlink /cfg/a", "ls /items", "grep ' /sec ' /proc/mounts | cut -d' ' -f3",
            "touch /cfg/new 2>/dev/null && echo writable || echo read-only", "cat /sec/password; echo", "cat /etc/app.conf; echo", "echo done", "sleep 3600"));
        spec.Volumes =
        [
            new Volume { Name = "cfg", ConfigMap = new ConfigMapVolumeSource { Name = "app-config" } },
            new Volume { Name = "items", ConfigMap = new ConfigMapVolumeSource { Name = "app-config", Items = [new KeyToPath { Key = "b", Path = "nested/bee", Mode = 256 }] } },
            new Volume { Name = "sec", Secret = new SecretVolumeSource { SecretName = "app-secret", DefaultMode = 288 } },
        ];
        spec.Containers![0].VolumeMounts =
        [
            new VolumeMount { Name = "cfg", MountPath = "/cfg" },
            new VolumeMount { Name = "items", MountPath = "/items" },
            new VolumeMount { Name = "sec", MountPath = "/sec" },
            new VolumeMount { Name = "cfg", MountPath = "/etc/app.conf", SubPath = "b" },
        ];
        await CreatePodAsync("cm-secret", spec);

        var lines = (await LogUntilAsync("cm-secret", "main", "done\n")).Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0..4], Is.EqualTo(new[] { "alpha", "beta", "400", "440" }));
            Assert.That(lines[4], Does.Match(@"^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+$"), "..data points at a timestamped directory");
            Assert.That(lines[5..], Is.EqualTo(new[] { "..data/a", "nested", "tmpfs", "read-only", "s3cret", "beta", "done", "" }));
        });
    }

    [Test]
    public async Task A_missing_configMap_is_a_FailedMount_until_it_exists_and_its_updates_reach_the_running_container()
    {
        var spec = Busybox("while true; do echo \"v=$(cat /cfg/v)\"; sleep 0.3; done");
        spec.Volumes = [new Volume { Name = "cfg", ConfigMap = new ConfigMapVolumeSource { Name = "late" } }];
        spec.Containers![0].VolumeMounts = [new VolumeMount { Name = "cfg", MountPath = "/cfg" }];
        var pod = await CreatePodAsync("late-config", spec);

        var failed = await Poll.UntilAsync(async () =>
            (await EventsAsync(pod)).FirstOrDefault(e => e.Reason == "FailedMount"), "a FailedMount event");
        var waiting = await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting is not null, "waiting");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Type, Is.EqualTo("Warning"));
            Assert.That(failed.Message, Is.EqualTo("MountVolume.SetUp failed for volume \"cfg\" : configmap \"late\" not found"));
            Assert.That(waiting.Status!.Phase, Is.EqualTo("Pending"));
            Assert.That(waiting.Status.ContainerStatuses![0].State!.Waiting!.Reason, Is.EqualTo("ContainerCreating"));
        });

        var configMap = await CreateConfigMapAsync("late", new() { ["v"] = "one" });
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running once the ConfigMap exists");
        await LogUntilAsync("late-config", "main", "v=one\n");

        configMap.Data = new Dictionary<string, string> { ["v"] = "two" };
        await Client.Resource<ConfigMap>().UpdateAsync(configMap);
        await LogUntilAsync("late-config", "main", "v=two\n");

        var running = await Client.Resource<Pod>().GetAsync("late-config", "default");
        Assert.That(running.Status!.ContainerStatuses![0].RestartCount, Is.EqualTo(0), "the same container saw the update");
    }

    [Test]
    public async Task EmptyDirs_are_shared_between_containers_a_memory_one_is_a_sized_tmpfs_and_both_go_with_the_pod()
    {
        var spec = new PodSpec
        {
            RestartPolicy = "Always",
            TerminationGracePeriodSeconds = 1,
            Volumes =
            [
                new Volume { Name = "shared", EmptyDir = new EmptyDirVolumeSource() },
                new Volume { Name = "mem", EmptyDir = new EmptyDirVolumeSource { Medium = "Memory", SizeLimit = Quantity.Parse("1Mi") } },
            ],
            Containers =
            [
                new Container
                {
                    Name = "writer", Image = CriTestPods.BusyboxImage, Command = ["sh", "-c", "echo hello > /shared/msg; sleep 3600"],
                    VolumeMounts = [new VolumeMount { Name = "shared", MountPath = "/shared" }],
                },
                new Container
                {
                    Name = "reader", Image = CriTestPods.BusyboxImage,
                    Command = ["sh", "-c", "while [ ! -f /data/msg ]; do sleep 0.2; done; cat /data/msg; grep ' /mem ' /proc/mounts | cut -d' ' -f3,4; echo done; sleep 3600"],
                    VolumeMounts = [new VolumeMount { Name = "shared", MountPath = "/data", ReadOnly = true }, new VolumeMount { Name = "mem", MountPath = "/mem" }],
                },
            ],
        };
        var pod = await CreatePodAsync("empty-dirs", spec);

        var log = (await LogUntilAsync("empty-dirs", "reader", "done\n")).Split('\n');
        var podDirectory = Path.Combine(AgentDataDirectory, "pods", pod.Metadata!.Uid!);
        var onHost = await File.ReadAllTextAsync(Path.Combine(podDirectory, "volumes", "kubernetes.io~empty-dir", "shared", "msg"));
        Assert.Multiple(() =>
        {
            Assert.That(log[0], Is.EqualTo("hello"));
            Assert.That(log[1], Does.StartWith("tmpfs "));
            Assert.That(log[1], Does.Contain("size=1024k"));
            Assert.That(onHost, Is.EqualTo("hello\n"));
        });

        await Client.Resource<Pod>().DeleteAsync("empty-dirs", "default", new DeleteOptions { GracePeriodSeconds = 1 });
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<Pod>().GetAsync("empty-dirs", "default");
                return null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return "gone";
            }
        }, "the pod is gone");
        Assert.Multiple(async () =>
        {
            Assert.That(Directory.Exists(podDirectory), Is.False, "the pod's volumes are removed");
            Assert.That(await File.ReadAllTextAsync("/proc/self/mountinfo"), Does.Not.Contain(pod.Metadata.Uid), "and its tmpfs unmounted");
        });
    }

    [Test]
    public async Task Downward_api_and_projected_volumes_hold_pod_fields_resources_and_several_sources()
    {
        await CreateConfigMapAsync("proj-config", new() { ["a"] = "alpha" });
        await CreateSecretAsync("proj-secret", new() { ["password"] = "s3cret" });
        var spec = Busybox("cat /info/name; echo; cat /info/labels; echo; cat /info/note; echo; cat /info/mem; echo; "
            + "cat /all/cfg/a; echo; cat /all/secret/pw; echo; cat /all/ns; echo; echo done; sleep 3600");
        spec.Containers![0].Resources = new ResourceRequirements { Limits = new Dictionary<string, Quantity> { ["memory"] = Quantity.Parse("64Mi") } };
        spec.Containers[0].VolumeMounts = [new VolumeMount { Name = "info", MountPath = "/info" }, new VolumeMount { Name = "all", MountPath = "/all" }];
        spec.Volumes =
        [
            new Volume
            {
                Name = "info",
                DownwardAPI = new DownwardAPIVolumeSource
                {
                    Items =
                    [
                        new DownwardAPIVolumeFile { Path = "name", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } },
                        new DownwardAPIVolumeFile { Path = "labels", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.labels" } },
                        new DownwardAPIVolumeFile { Path = "note", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.annotations['note']" } },
                        new DownwardAPIVolumeFile { Path = "mem", ResourceFieldRef = new ResourceFieldSelector { ContainerName = "main", Resource = "limits.memory", Divisor = Quantity.Parse("1Mi") } },
                    ],
                },
            },
            new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources =
                    [
                        new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "proj-config", Items = [new KeyToPath { Key = "a", Path = "cfg/a" }] } },
                        new VolumeProjection { Secret = new SecretProjection { Name = "proj-secret", Items = [new KeyToPath { Key = "password", Path = "secret/pw" }] } },
                        new VolumeProjection { DownwardAPI = new DownwardAPIProjection { Items = [new DownwardAPIVolumeFile { Path = "ns", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.namespace" } }] } },
                    ],
                },
            },
        ];
        spec.NodeName = NodeName;
        await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = "dapi",
                Namespace = "default",
                Labels = new Dictionary<string, string> { ["tier"] = "front", ["app"] = "web" },
                Annotations = new Dictionary<string, string> { ["note"] = "say \"hi\"" },
            },
            Spec = spec,
        });

        var log = await LogUntilAsync("dapi", "main", "done\n");

        Assert.That(log, Is.EqualTo("dapi\napp=\"web\"\ntier=\"front\"\nsay \"hi\"\n64\nalpha\ns3cret\ndefault\ndone\n"));
    }

    [Test]
    public async Task HostPath_volumes_share_files_with_the_host_and_check_their_type()
    {
        using var host = new TempDirectory("kl-hostpath");
        await File.WriteAllTextAsync(host.Combine("in.txt"), "from host");
        var spec = Busybox("cat /in.txt; echo; echo from pod > /created/out.txt; ls /dir; echo done; sleep 3600");
        spec.Volumes =
        [
            new Volume { Name = "dir", HostPath = new HostPathVolumeSource { Path = host.Path, Type = "Directory" } },
            new Volume { Name = "created", HostPath = new HostPathVolumeSource { Path = host.Combine("made", "here"), Type = "DirectoryOrCreate" } },
            new Volume { Name = "file", HostPath = new HostPathVolumeSource { Path = host.Combine("in.txt"), Type = "File" } },
        ];
        spec.Containers![0].VolumeMounts =
        [
            new VolumeMount { Name = "dir", MountPath = "/dir", ReadOnly = true },
            new VolumeMount { Name = "created", MountPath = "/created" },
            new VolumeMount { Name = "file", MountPath = "/in.txt" },
        ];
        await CreatePodAsync("host-path", spec);

        var log = await LogUntilAsync("host-path", "main", "done\n");
        Assert.Multiple(async () =>
        {
            Assert.That(log, Is.EqualTo("from host\nin.txt\nmade\ndone\n"));
            Assert.That(await File.ReadAllTextAsync(host.Combine("made", "here", "out.txt")), Is.EqualTo("from pod\n"));
        });

        var wrong = Busybox("sleep 3600");
        wrong.Volumes = [new Volume { Name = "bad", HostPath = new HostPathVolumeSource { Path = host.Path, Type = "File" } }];
        wrong.Containers![0].VolumeMounts = [new VolumeMount { Name = "bad", MountPath = "/bad" }];
        var wrongPod = await CreatePodAsync("host-path-wrong", wrong);
        var failed = await Poll.UntilAsync(async () => (await EventsAsync(wrongPod)).FirstOrDefault(e => e.Reason == "FailedMount"), "a FailedMount event");
        Assert.That(failed.Message, Is.EqualTo($"MountVolume.SetUp failed for volume \"bad\" : hostPath type check failed: {host.Path} is not a file"));
    }

    [Test]
    public async Task A_claim_of_the_default_class_is_provisioned_bound_kept_across_pods_and_deleted_with_its_directory()
    {
        var claims = Client.Resource<PersistentVolumeClaim>();
        await claims.CreateAsync(new PersistentVolumeClaim
        {
            Metadata = new ObjectMeta { Name = "data", Namespace = "default" },
            Spec = new PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new VolumeResourceRequirements { Requests = new Dictionary<string, Quantity> { ["storage"] = Quantity.Parse("100Mi") } },
            },
        });
        var bound = await Poll.UntilAsync(async () =>
        {
            var claim = await claims.GetAsync("data", "default");
            return claim.Status?.Phase == "Bound" ? claim : null;
        }, "the claim is bound");
        var volume = await Client.Resource<PersistentVolume>().GetAsync(bound.Spec!.VolumeName!);
        var directory = volume.Spec!.HostPath!.Path!;

        var writer = Busybox("echo kept > /data/file; echo done", "Never");
        writer.Volumes = [new Volume { Name = "data", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "data" } }];
        writer.Containers![0].VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/data" }];
        var writerPod = await CreatePodAsync("pvc-writer", writer);
        await WaitForPodAsync(writerPod, p => p.Status?.Phase == "Succeeded", "Succeeded");
        var reader = Busybox("cat /data/file", "Never");
        reader.Volumes = writer.Volumes;
        reader.Containers![0].VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/data", ReadOnly = true }];
        await CreatePodAsync("pvc-reader", reader);
        var log = await LogUntilAsync("pvc-reader", "main", "kept\n");

        Assert.Multiple(() =>
        {
            Assert.That(bound.Spec.StorageClassName, Is.EqualTo("local-path"), "the default class was given to the claim");
            Assert.That(volume.Spec.StorageClassName, Is.EqualTo("local-path"));
            Assert.That(volume.Spec.PersistentVolumeReclaimPolicy, Is.EqualTo("Delete"));
            Assert.That(volume.Spec.ClaimRef!.Uid, Is.EqualTo(bound.Metadata!.Uid));
            Assert.That(log, Is.EqualTo("kept\n"));
            Assert.That(File.ReadAllText(Path.Combine(directory, "file")), Is.EqualTo("kept\n"));
        });

        foreach (var name in new[] { "pvc-writer", "pvc-reader" })
            await Client.Resource<Pod>().DeleteAsync(name, "default", new DeleteOptions { GracePeriodSeconds = 0 });
        await claims.DeleteAsync("data", "default");
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Client.Resource<PersistentVolume>().GetAsync(volume.Metadata!.Name!);
                return null;
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return "deleted";
            }
        }, "the released volume is deleted");
        Assert.That(Directory.Exists(directory), Is.False, "with its directory");
    }

    [Test]
    public async Task A_stateful_set_gets_a_bound_claim_per_pod_from_its_templates_and_each_pod_mounts_its_own()
    {
        var sets = Client.Resource<StatefulSet>();
        await sets.CreateAsync(new StatefulSet
        {
            Metadata = new ObjectMeta { Name = "db", Namespace = "default" },
            Spec = new StatefulSetSpec
            {
                Replicas = 2,
                ServiceName = "db",
                PodManagementPolicy = "Parallel",
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "db" } },
                    Spec = new PodSpec
                    {
                        NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = NodeName },
                        TerminationGracePeriodSeconds = 1,
                        Containers =
                        [
                            new Container
                            {
                                Name = "main", Image = CriTestPods.BusyboxImage,
                                Command = ["sh", "-c", "[ -f /var/db/id ] || hostname > /var/db/id; cat /var/db/id; sleep 3600"],
                                VolumeMounts = [new VolumeMount { Name = "store", MountPath = "/var/db" }],
                            },
                        ],
                    },
                },
                VolumeClaimTemplates =
                [
                    new PersistentVolumeClaim
                    {
                        Metadata = new ObjectMeta { Name = "store" },
                        Spec = new PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new VolumeResourceRequirements { Requests = new Dictionary<string, Quantity> { ["storage"] = Quantity.Parse("10Mi") } },
                        },
                    },
                ],
            },
        });
        try
        {
            var db0 = await LogUntilAsync("db-0", "main", "db-0\n");
            var db1 = await LogUntilAsync("db-1", "main", "db-1\n");
            var claims = (await Client.Resource<PersistentVolumeClaim>().ListAsync("default")).Items.Where(c => c.Metadata!.Name!.StartsWith("store-db-", StringComparison.Ordinal)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(db0, Is.EqualTo("db-0\n"));
                Assert.That(db1, Is.EqualTo("db-1\n"));
                Assert.That(claims.Select(c => (c.Metadata!.Name, c.Status?.Phase)), Is.EquivalentTo(new[] { ("store-db-0", "Bound"), ("store-db-1", "Bound") }));
            });
        }
        finally
        {
            await sets.DeleteAsync("db", "default");
        }
    }

    private async Task<ConfigMap> CreateConfigMapAsync(string name, Dictionary<string, string> data) =>
        await Client.Resource<ConfigMap>().CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Data = data });

    private async Task CreateSecretAsync(string name, Dictionary<string, string> data) =>
        await Client.Resource<Secret>().CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Data = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value)),
        });

    private async Task<IReadOnlyList<Event>> EventsAsync(Pod pod) =>
        (await Client.Resource<Event>().ListAsync("default", new ListParameters { FieldSelector = $"involvedObject.uid={pod.Metadata!.Uid}" })).Items;

    /// <summary>The container's log once it ends with <paramref name="ending"/> (the container prints, the test reads).</summary>
    private Task<string> LogUntilAsync(string pod, string container, string ending) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                var text = await Client.ReadPodLogTextAsync(pod, "default", new PodLogParameters { Container = container });
                return text.EndsWith(ending, StringComparison.Ordinal) ? text : null;
            }
            catch (KubernetesApiException e) when (e.Code is 400 or 404)
            {
                return null; // not scheduled or not started yet
            }
        }, $"{pod}/{container} prints {ending.Trim()}", TimeSpan.FromSeconds(90));
}
