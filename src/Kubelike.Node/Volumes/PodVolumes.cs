using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Agent;
using Kubelike.Node.Pods;
using V1 = Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Volumes;

/// <summary>
/// The volumes of one pod on this node, as the kubelet's volume manager keeps them: each set up under
/// <c>pods/UID/volumes/kubernetes.io~PLUGIN/NAME</c> before the containers start (emptyDir, ConfigMap, Secret,
/// downward API, projected) or resolved to a host directory (hostPath, a claim's PersistentVolume). Content volumes are
/// rewritten every <see cref="NodeAgentOptions.VolumeRefreshInterval"/> through <see cref="AtomicWriter"/>, so running
/// containers see updates. Removed with the pod.
/// </summary>
internal sealed class PodVolumes(KubernetesClient client, VolumeContents contents, NodeAgentOptions options, string podUid)
{
    private readonly Dictionary<string, MountedVolume> _mounted = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public string PodDirectory => Path.Combine(options.PodVolumeDirectory, podUid);

    /// <summary>Whether every volume of the pod has been set up (containers may start).</summary>
    public bool AllMounted(Pod pod) => (pod.Spec?.Volumes ?? []).All(v => _mounted.ContainsKey(v.Name ?? ""));

    /// <summary>
    /// Sets up the volumes not set up yet and, once per refresh interval, rewrites the content volumes. Returns the
    /// failures as the kubelet words them in FailedMount events.
    /// </summary>
    public async Task<List<string>> SetUpAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refresh = now - _lastRefresh >= options.VolumeRefreshInterval;
        if (refresh)
            _lastRefresh = now;
        var failures = new List<string>();
        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            var name = volume.Name ?? "";
            if (_mounted.ContainsKey(name) && !(refresh && HasContent(volume)))
                continue;
            try
            {
                _mounted[name] = await SetUpAsync(pod, volume, cancellationToken);
            }
            catch (Exception e) when (e is VolumeMountException or IOException or UnauthorizedAccessException)
            {
                failures.Add($"MountVolume.SetUp failed for volume \"{name}\" : {e.Message}");
            }
        }

        return failures;
    }

    /// <summary>
    /// The CRI mounts of one container's volumeMounts; <paramref name="variables"/> expand subPathExpr. A mount that
    /// cannot be made (unknown volume, a subPath leaving the volume) is a CreateContainerConfigError, as upstream.
    /// </summary>
    public List<V1.Mount> MountsFor(Container container, IReadOnlyDictionary<string, string> variables)
    {
        var mounts = new List<V1.Mount>();
        foreach (var volumeMount in container.VolumeMounts ?? [])
        {
            if (!_mounted.TryGetValue(volumeMount.Name ?? "", out var volume))
                throw new ContainerConfigException($"cannot find volume \"{volumeMount.Name}\" to mount into container \"{container.Name}\"");
            var hostPath = volume.HostPath;
            var subPath = volumeMount.SubPathExpr is { Length: > 0 } expression ? ContainerEnvironment.Expand(expression, variables) : volumeMount.SubPath;
            if (!string.IsNullOrEmpty(subPath))
                hostPath = SubPath(volume.HostPath, subPath);
            mounts.Add(new V1.Mount
            {
                ContainerPath = volumeMount.MountPath,
                HostPath = hostPath,
                Readonly = volumeMount.ReadOnly == true || volume.ReadOnly,
                Propagation = volumeMount.MountPropagation switch
                {
                    "HostToContainer" => V1.MountPropagation.PropagationHostToContainer,
                    "Bidirectional" => V1.MountPropagation.PropagationBidirectional,
                    _ => V1.MountPropagation.PropagationPrivate,
                },
            });
        }

        return mounts;
    }

    /// <summary>Unmounts the pod's tmpfs volumes and removes its directory (emptyDirs with it); host paths are never touched.</summary>
    public void TearDown() => TearDown(PodDirectory);

    public static void TearDown(string podDirectory)
    {
        if (!Directory.Exists(podDirectory))
            return;
        MountTable.UnmountAll(podDirectory);
        // Nothing else is mounted below the pod's directory (containers bind volumes in their own mount namespace),
        // and a recursive delete removes symbolic links without following them.
        Directory.Delete(podDirectory, recursive: true);
    }

    private static bool HasContent(Volume volume) => volume.ConfigMap is not null || volume.Secret is not null || volume.DownwardAPI is not null || volume.Projected is not null;

    private string PluginDirectory(string plugin, string name) => Path.Combine(PodDirectory, "volumes", "kubernetes.io~" + plugin, name);

    private async Task<MountedVolume> SetUpAsync(Pod pod, Volume volume, CancellationToken cancellationToken)
    {
        var name = volume.Name ?? "";
        if (volume.EmptyDir is { } emptyDir)
        {
            var directory = CreateDirectory(PluginDirectory("empty-dir", name), "777");
            if (emptyDir.Medium == "Memory")
                MountTable.EnsureTmpfs(directory, emptyDir.SizeLimit?.ToInt64(), "0777");
            else if (emptyDir.Medium is { Length: > 0 } medium)
                throw new VolumeMountException($"emptyDir medium {medium} is not supported by this node");
            return new MountedVolume(directory, ReadOnly: false);
        }

        if (volume.HostPath is { } hostPath)
        {
            HostPathCheck.Ensure(hostPath.Path ?? "", hostPath.Type);
            return new MountedVolume(hostPath.Path ?? "", ReadOnly: false);
        }

        if (volume.ConfigMap is { } configMap)
        {
            var files = await contents.ConfigMapAsync(pod, configMap.Name ?? "", configMap.Items, configMap.Optional == true, configMap.DefaultMode ?? VolumeContents.DefaultMode, cancellationToken);
            return Write(PluginDirectory("configmap", name), files, onTmpfs: false);
        }

        if (volume.Secret is { } secret)
        {
            var files = await contents.SecretAsync(pod, secret.SecretName ?? "", secret.Items, secret.Optional == true, secret.DefaultMode ?? VolumeContents.DefaultMode, cancellationToken);
            return Write(PluginDirectory("secret", name), files, onTmpfs: true);
        }

        if (volume.DownwardAPI is { } downward)
            return Write(PluginDirectory("downward-api", name), VolumeContents.DownwardApi(pod, downward.Items, downward.DefaultMode ?? VolumeContents.DefaultMode), onTmpfs: false);

        if (volume.Projected is { } projected)
            return Write(PluginDirectory("projected", name), await contents.ProjectedAsync(pod, projected, cancellationToken), onTmpfs: true);

        if (volume.PersistentVolumeClaim is { } claim)
            return await ClaimAsync(pod, claim, cancellationToken);

        throw new VolumeMountException("the volume's type is not supported by this node");
    }

    /// <summary>Secrets (and projected volumes, which may hold them) live on tmpfs, never on the node's disk, as upstream.</summary>
    private static MountedVolume Write(string directory, List<VolumeFile> files, bool onTmpfs)
    {
        CreateDirectory(directory, "755");
        if (onTmpfs)
            MountTable.EnsureTmpfs(directory, null, "0755");
        AtomicWriter.Write(directory, files);
        return new MountedVolume(directory, ReadOnly: true);
    }

    /// <summary>A claim's volume: the claim must be bound, its PersistentVolume a hostPath or local one.</summary>
    private async Task<MountedVolume> ClaimAsync(Pod pod, PersistentVolumeClaimVolumeSource source, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata!.Namespace!;
        PersistentVolumeClaim claim;
        try
        {
            claim = await client.Resource<PersistentVolumeClaim>().GetAsync(source.ClaimName ?? "", ns, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            throw new VolumeMountException($"persistentvolumeclaim \"{source.ClaimName}\" not found");
        }

        if (claim.Status?.Phase != "Bound" || string.IsNullOrEmpty(claim.Spec?.VolumeName))
            throw new VolumeMountException($"error processing PVC {ns}/{source.ClaimName}: PVC is not bound");
        PersistentVolume volume;
        try
        {
            volume = await client.Resource<PersistentVolume>().GetAsync(claim.Spec.VolumeName, null, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            throw new VolumeMountException($"persistentvolume \"{claim.Spec.VolumeName}\" not found");
        }

        var readOnly = source.ReadOnly == true;
        if (volume.Spec?.HostPath is { } hostPath)
        {
            HostPathCheck.Ensure(hostPath.Path ?? "", hostPath.Type);
            return new MountedVolume(hostPath.Path ?? "", readOnly);
        }

        if (volume.Spec?.Local is { } local)
        {
            HostPathCheck.Ensure(local.Path ?? "", "Directory");
            return new MountedVolume(local.Path ?? "", readOnly);
        }

        throw new VolumeMountException($"persistentvolume \"{volume.Metadata?.Name}\" is neither hostPath nor local, the only kinds this node mounts");
    }

    /// <summary>A subPath below the volume, created as a directory when missing; it may not leave the volume.</summary>
    private static string SubPath(string volumePath, string subPath)
    {
        if (Path.IsPathRooted(subPath) || subPath.Split('/').Contains(".."))
            throw new ContainerConfigException($"subPath \"{subPath}\" must be a relative path that does not contain '..'");
        var path = Path.Combine(volumePath, subPath);
        if (!Path.Exists(path) && new FileInfo(path).LinkTarget is null)
            Directory.CreateDirectory(path, (UnixFileMode)Convert.ToInt32("755", 8));
        var resolved = VolumeNativeMethods.RealPath(path);
        var root = VolumeNativeMethods.RealPath(volumePath).TrimEnd('/');
        if (resolved != root && !resolved.StartsWith(root + "/", StringComparison.Ordinal))
            throw new ContainerConfigException($"subPath \"{subPath}\" resolves outside the volume");
        return path;
    }

    private static string CreateDirectory(string path, string mode)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        return path;
    }
}
