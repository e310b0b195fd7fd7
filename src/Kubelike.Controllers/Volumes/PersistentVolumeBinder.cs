using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Storage.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Volumes;

/// <summary>
/// Upstream's persistent volume controller for what Kubelike's nodes mount: binds claims to matching volumes
/// (class, access modes, volume mode, selector, smallest sufficient capacity; pre-bound either way), moves phases
/// (claims Pending/Bound/Lost, volumes Available/Bound/Released/Failed), gives class-less claims the default class,
/// provisions hostPath volumes for claims of the <c>kubelike.io/local-path</c> class and carries out the reclaim
/// policy of released volumes (Delete removes the provisioned directory and the volume). Keys are
/// <c>claim/NS/NAME</c>, <c>volume/NAME</c> and <c>class</c> (the default class is made sure of at start).
/// </summary>
public sealed class PersistentVolumeBinder : Reconciler
{
    private const string BindCompletedAnnotation = "pv.kubernetes.io/bind-completed";
    private const string BoundByControllerAnnotation = "pv.kubernetes.io/bound-by-controller";
    private const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";
    private const string StorageProvisionerAnnotation = "volume.kubernetes.io/storage-provisioner";

    private readonly KubernetesClient _client;
    private readonly LocalPathOptions _localPath;
    private readonly SharedInformer<PersistentVolumeClaim> _claims;
    private readonly SharedInformer<PersistentVolume> _volumes;
    private readonly SharedInformer<StorageClass> _classes;

    public PersistentVolumeBinder(KubernetesClient client, SharedInformerFactory informers, LocalPathOptions localPath, ILogger<PersistentVolumeBinder> logger)
        : base(logger)
    {
        _client = client;
        _localPath = localPath;
        _claims = informers.GetInformer<PersistentVolumeClaim>();
        _volumes = informers.GetInformer<PersistentVolume>();
        _classes = informers.GetInformer<StorageClass>();
        _claims.AddEventHandler(new ResourceEventHandler<PersistentVolumeClaim>
        {
            Added = (claim, _) => Queue.Add(ClaimKey(claim)),
            Updated = (_, claim) => Queue.Add(ClaimKey(claim)),
            Deleted = (claim, _) =>
            {
                foreach (var volume in _volumes.Cache.List().Where(v => v.Spec?.ClaimRef?.Uid == claim.Metadata?.Uid || v.Metadata?.Name == claim.Spec?.VolumeName))
                    Queue.Add(VolumeKey(volume));
            },
        });
        _volumes.AddEventHandler(new ResourceEventHandler<PersistentVolume>
        {
            Added = (volume, _) => VolumeChanged(volume),
            Updated = (_, volume) => VolumeChanged(volume),
            Deleted = (volume, _) =>
            {
                if (volume.Spec?.ClaimRef is { } claimRef)
                    Queue.Add($"claim/{claimRef.Namespace}/{claimRef.Name}");
            },
        });
        _classes.AddEventHandler(new ResourceEventHandler<StorageClass>
        {
            Added = (_, _) => EnqueueUnboundClaims(),
            Updated = (_, _) => EnqueueUnboundClaims(),
        });
        Queue.Add("class");
    }

    private static string ClaimKey(PersistentVolumeClaim claim) => $"claim/{claim.Metadata!.Namespace}/{claim.Metadata.Name}";

    private static string VolumeKey(PersistentVolume volume) => $"volume/{volume.Metadata!.Name}";

    private void VolumeChanged(PersistentVolume volume)
    {
        Queue.Add(VolumeKey(volume));
        if (volume.Spec?.ClaimRef is { } claimRef)
            Queue.Add($"claim/{claimRef.Namespace}/{claimRef.Name}");
        else
            EnqueueUnboundClaims();
        // Claims pre-bound to this volume by name wait for it.
        foreach (var claim in _claims.Cache.List().Where(c => c.Spec?.VolumeName == volume.Metadata!.Name))
            Queue.Add(ClaimKey(claim));
    }

    private void EnqueueUnboundClaims()
    {
        foreach (var claim in _claims.Cache.List().Where(c => string.IsNullOrEmpty(c.Spec?.VolumeName)))
            Queue.Add(ClaimKey(claim));
    }

    protected override Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var parts = key.Split('/');
        return parts[0] switch
        {
            "claim" => ReconcileClaimAsync(parts[1], parts[2], cancellationToken),
            "volume" => ReconcileVolumeAsync(parts[1], cancellationToken),
            _ => EnsureDefaultClassAsync(cancellationToken),
        };
    }

    /// <summary>The local-path class, created when missing (the default class unless another one is), as k3s ships its own.</summary>
    private async Task EnsureDefaultClassAsync(CancellationToken cancellationToken)
    {
        if (_classes.Cache.Get(LocalPathOptions.DefaultClassName) is not null)
            return;
        try
        {
            await _client.Resource<StorageClass>().CreateAsync(new StorageClass
            {
                ApiVersion = "storage.k8s.io/v1",
                Kind = "StorageClass",
                Metadata = new ObjectMeta
                {
                    Name = LocalPathOptions.DefaultClassName,
                    Annotations = new Dictionary<string, string> { [LocalPathOptions.DefaultClassAnnotation] = DefaultClass() is null ? "true" : "false" },
                },
                Provisioner = LocalPathOptions.Provisioner,
                ReclaimPolicy = "Delete",
                // Immediate: Kubelike's scheduler has no volume binding step (no selected-node hand-off), so claims bind
                // before their pods are scheduled; the hostPath volumes carry no node affinity and fit every node.
                VolumeBindingMode = "Immediate",
            }, cancellationToken: cancellationToken);
            Logger.LogInformation("created the default StorageClass {Class}", LocalPathOptions.DefaultClassName);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
        }
    }

    private StorageClass? DefaultClass() => _classes.Cache.List()
        .Where(c => c.Metadata?.Annotations is { } a
            && (Value(a, LocalPathOptions.DefaultClassAnnotation) == "true" || Value(a, LocalPathOptions.BetaDefaultClassAnnotation) == "true"))
        .OrderByDescending(c => c.Metadata!.CreationTimestamp)
        .FirstOrDefault();

    private async Task ReconcileClaimAsync(string ns, string name, CancellationToken cancellationToken)
    {
        if (_claims.Cache.Get(ns, name) is not { } cached || Owners.IsBeingDeleted(cached))
            return;
        var claim = Owners.Clone(cached);
        var spec = claim.Spec ??= new PersistentVolumeClaimSpec();
        if (spec.StorageClassName is null && string.IsNullOrEmpty(spec.VolumeName) && DefaultClass() is { } defaultClass)
        {
            // Retroactive default class assignment, as upstream's controller does; the update brings the claim back.
            spec.StorageClassName = defaultClass.Metadata!.Name;
            await _client.Resource<PersistentVolumeClaim>().UpdateAsync(claim, cancellationToken: cancellationToken);
            return;
        }

        PersistentVolume? volume;
        if (!string.IsNullOrEmpty(spec.VolumeName))
        {
            volume = _volumes.Cache.Get(spec.VolumeName);
            if (volume is null || (volume.Spec?.ClaimRef?.Uid is { Length: > 0 } uid && uid != claim.Metadata!.Uid))
            {
                // Its volume is gone or serves another claim: once bound, the claim is Lost; otherwise it waits.
                await SetClaimPhaseAsync(claim, claim.Status?.Phase is "Bound" or "Lost" ? "Lost" : "Pending", null, cancellationToken);
                return;
            }

            if (volume.Spec?.ClaimRef is null && volume.Status?.Phase is "Released" or "Failed")
            {
                await SetClaimPhaseAsync(claim, "Pending", null, cancellationToken);
                return;
            }
        }
        else
        {
            var volumes = _volumes.Cache.List();
            volume = volumes.FirstOrDefault(v => v.Spec?.ClaimRef?.Uid == claim.Metadata!.Uid && v.Status?.Phase is not ("Released" or "Failed"))
                ?? VolumeMatching.BestMatch(claim, volumes);
            if (volume is null)
            {
                if (!await ProvisionAsync(claim, cancellationToken))
                    await SetClaimPhaseAsync(claim, "Pending", null, cancellationToken);
                return;
            }
        }

        await BindAsync(claim, Owners.Clone(volume), cancellationToken);
    }

    /// <summary>Points the volume at the claim and the claim at the volume, then marks both Bound (each step survives a retry).</summary>
    private async Task BindAsync(PersistentVolumeClaim claim, PersistentVolume volume, CancellationToken cancellationToken)
    {
        var volumes = _client.Resource<PersistentVolume>();
        var claims = _client.Resource<PersistentVolumeClaim>();
        var volumeName = volume.Metadata!.Name!;
        if (volume.Spec!.ClaimRef?.Uid != claim.Metadata!.Uid)
        {
            volume.Spec.ClaimRef = new ObjectReference
            {
                Kind = "PersistentVolumeClaim",
                ApiVersion = "v1",
                Namespace = claim.Metadata.Namespace,
                Name = claim.Metadata.Name,
                Uid = claim.Metadata.Uid,
                ResourceVersion = claim.Metadata.ResourceVersion,
            };
            volume.Metadata.Annotations ??= new Dictionary<string, string>();
            volume.Metadata.Annotations[BoundByControllerAnnotation] = "yes";
            volume = await volumes.UpdateAsync(volume, cancellationToken: cancellationToken);
        }

        if (volume.Status?.Phase != "Bound")
        {
            volume.Status = new PersistentVolumeStatus { Phase = "Bound", LastPhaseTransitionTime = new Time(DateTimeOffset.UtcNow) };
            volume = await volumes.UpdateStatusAsync(volume, cancellationToken: cancellationToken);
        }

        var annotations = claim.Metadata.Annotations ??= new Dictionary<string, string>();
        if (claim.Spec!.VolumeName != volumeName || Value(annotations, BindCompletedAnnotation) != "yes")
        {
            if (claim.Spec.VolumeName != volumeName)
                annotations[BoundByControllerAnnotation] = "yes";
            claim.Spec.VolumeName = volumeName;
            annotations[BindCompletedAnnotation] = "yes";
            claim = await claims.UpdateAsync(claim, cancellationToken: cancellationToken);
        }

        await SetClaimPhaseAsync(claim, "Bound", volume, cancellationToken);
        Logger.LogDebug("claim {Namespace}/{Claim} bound to volume {Volume}", claim.Metadata!.Namespace, claim.Metadata.Name, volumeName);
    }

    private async Task SetClaimPhaseAsync(PersistentVolumeClaim claim, string phase, PersistentVolume? volume, CancellationToken cancellationToken)
    {
        if (claim.Status?.Phase == phase && (volume is null || claim.Status.Capacity is not null))
            return;
        claim.Status ??= new PersistentVolumeClaimStatus();
        claim.Status.Phase = phase;
        if (volume is not null)
        {
            claim.Status.AccessModes = volume.Spec?.AccessModes;
            claim.Status.Capacity = volume.Spec?.Capacity;
        }
        else if (phase == "Pending")
        {
            claim.Status.AccessModes = null;
            claim.Status.Capacity = null;
        }

        await _client.Resource<PersistentVolumeClaim>().UpdateStatusAsync(claim, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// A hostPath volume for a claim of the local-path provisioner, pre-bound to it; true when one was (or is being) made.
    /// A class with WaitForFirstConsumer waits for a selected node, which only an external scheduler sets here.
    /// </summary>
    private async Task<bool> ProvisionAsync(PersistentVolumeClaim claim, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(claim.Spec?.StorageClassName) || _classes.Cache.Get(claim.Spec.StorageClassName) is not { } storageClass
            || storageClass.Provisioner != LocalPathOptions.Provisioner)
            return false;
        if (storageClass.VolumeBindingMode == "WaitForFirstConsumer" && claim.Metadata?.Annotations?.ContainsKey(SelectedNodeAnnotation) != true)
            return false;
        var meta = claim.Metadata!;
        var name = "pvc-" + meta.Uid;
        var path = Path.Combine(_localPath.Directory, $"{name}_{meta.Namespace}_{meta.Name}");
        // Writable by any user, as upstream's local-path provisioner makes it; on another node the agent creates it (DirectoryOrCreate).
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("777", 8));
        var nodeName = Value(meta.Annotations, SelectedNodeAnnotation);
        try
        {
            await _client.Resource<PersistentVolume>().CreateAsync(new PersistentVolume
            {
                ApiVersion = "v1",
                Kind = "PersistentVolume",
                Metadata = new ObjectMeta
                {
                    Name = name,
                    Annotations = new Dictionary<string, string> { [LocalPathOptions.ProvisionedByAnnotation] = LocalPathOptions.Provisioner },
                },
                Spec = new PersistentVolumeSpec
                {
                    Capacity = new Dictionary<string, Quantity> { ["storage"] = Value(claim.Spec.Resources?.Requests, "storage") ?? Quantity.Parse("1Gi") },
                    AccessModes = claim.Spec.AccessModes,
                    VolumeMode = claim.Spec.VolumeMode ?? "Filesystem",
                    StorageClassName = storageClass.Metadata!.Name,
                    PersistentVolumeReclaimPolicy = storageClass.ReclaimPolicy ?? "Delete",
                    HostPath = new HostPathVolumeSource { Path = path, Type = "DirectoryOrCreate" },
                    ClaimRef = new ObjectReference
                    {
                        Kind = "PersistentVolumeClaim",
                        ApiVersion = "v1",
                        Namespace = meta.Namespace,
                        Name = meta.Name,
                        Uid = meta.Uid,
                        ResourceVersion = meta.ResourceVersion,
                    },
                    NodeAffinity = nodeName is null ? null : new VolumeNodeAffinity
                    {
                        Required = new NodeSelector
                        {
                            NodeSelectorTerms = [new NodeSelectorTerm { MatchFields = [new NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = [nodeName] }] }],
                        },
                    },
                },
            }, cancellationToken: cancellationToken);
            Logger.LogInformation("provisioned volume {Volume} at {Path} for claim {Namespace}/{Claim}", name, path, meta.Namespace, meta.Name);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
        }

        if (meta.Annotations?.ContainsKey(StorageProvisionerAnnotation) != true)
        {
            meta.Annotations ??= new Dictionary<string, string>();
            meta.Annotations[StorageProvisionerAnnotation] = LocalPathOptions.Provisioner;
            await _client.Resource<PersistentVolumeClaim>().UpdateAsync(claim, cancellationToken: cancellationToken);
        }

        return true;
    }

    private async Task ReconcileVolumeAsync(string name, CancellationToken cancellationToken)
    {
        if (_volumes.Cache.Get(name) is not { } cached || Owners.IsBeingDeleted(cached))
            return;
        var volume = Owners.Clone(cached);
        var claimRef = volume.Spec?.ClaimRef;
        if (claimRef is null || string.IsNullOrEmpty(claimRef.Uid))
        {
            if (volume.Status?.Phase is not ("Released" or "Failed"))
                await SetVolumePhaseAsync(volume, "Available", null, cancellationToken);
            return;
        }

        var claim = _claims.Cache.Get(claimRef.Namespace!, claimRef.Name!);
        if (claim is null)
        {
            // The cache may lag a claim just created: only the API may say it is gone.
            try
            {
                claim = await _client.Resource<PersistentVolumeClaim>().GetAsync(claimRef.Name!, claimRef.Namespace, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
            }
        }

        if (claim is not null && claim.Metadata!.Uid == claimRef.Uid)
        {
            if (claim.Spec?.VolumeName == name)
                await SetVolumePhaseAsync(volume, "Bound", null, cancellationToken);
            return;
        }

        await ReclaimAsync(volume, cancellationToken);
    }

    /// <summary>The claim is gone: Released, then the reclaim policy (Delete for provisioned volumes, Retain keeps it).</summary>
    private async Task ReclaimAsync(PersistentVolume volume, CancellationToken cancellationToken)
    {
        if (volume.Status?.Phase == "Failed")
            return;
        volume = await SetVolumePhaseAsync(volume, "Released", null, cancellationToken);
        switch (volume.Spec!.PersistentVolumeReclaimPolicy)
        {
            case "Delete" when Value(volume.Metadata!.Annotations, LocalPathOptions.ProvisionedByAnnotation) == LocalPathOptions.Provisioner:
                if (volume.Spec.HostPath?.Path is { } path && IsUnder(path, _localPath.Directory) && Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                try
                {
                    await _client.Resource<PersistentVolume>().DeleteAsync(volume.Metadata.Name!, null, new DeleteOptions
                    {
                        Preconditions = new Preconditions { Uid = volume.Metadata.Uid },
                    }, cancellationToken);
                    Logger.LogInformation("deleted released volume {Volume}", volume.Metadata.Name);
                }
                catch (KubernetesApiException e) when (e.IsNotFound || e.IsConflict)
                {
                }

                break;
            case "Delete":
                await SetVolumePhaseAsync(volume, "Failed", $"error getting deleter volume plugin for volume \"{volume.Metadata!.Name}\": no deletable volume plugin matched", cancellationToken);
                break;
            case "Recycle":
                await SetVolumePhaseAsync(volume, "Failed", "recycling is not supported (deprecated upstream)", cancellationToken);
                break;
        }
    }

    private async Task<PersistentVolume> SetVolumePhaseAsync(PersistentVolume volume, string phase, string? message, CancellationToken cancellationToken)
    {
        if (volume.Status?.Phase == phase)
            return volume;
        volume.Status = new PersistentVolumeStatus { Phase = phase, Message = message, LastPhaseTransitionTime = new Time(DateTimeOffset.UtcNow) };
        return await _client.Resource<PersistentVolume>().UpdateStatusAsync(volume, cancellationToken: cancellationToken);
    }

    private static T? Value<T>(IDictionary<string, T>? map, string key)
        where T : class => map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static bool IsUnder(string path, string directory)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + "/";
        return full.StartsWith(root, StringComparison.Ordinal) && full.Length > root.Length;
    }
}
