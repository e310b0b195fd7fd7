using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// One container of a pod (upstream's validateContainerCommon and friends): name, image, ports, environment,
/// mounts (their own shape; whether the volume exists is the pod's rule), resources, probes, lifecycle and policies.
/// </summary>
public sealed class ContainerValidator : FieldValidator<Container>
{
    public static ContainerValidator Regular { get; } = new(ContainerRole.Regular);

    public static ContainerValidator Init { get; } = new(ContainerRole.Init);

    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] ContainerRestartPolicies = ["Always"];

    public ContainerValidator(ContainerRole role)
    {
        Check((c, e) =>
        {
            e.RequiredDns1123Label(e.Path.Child("name"), c.Name);
            if (string.IsNullOrEmpty(c.Image))
            {
                e.Required(e.Path.Child("image"));
            }
            Ports(e, c.Ports);
            Env(e, c.Env);
            EnvFrom(e, c.EnvFrom);
            VolumeMounts(e, c.VolumeMounts);
            e.Validate(ResourceRequirementsValidator.Instance, c.Resources, e.Path.Child("resources"));
            e.OneOf(e.Path.Child("terminationMessagePolicy"), c.TerminationMessagePolicy, TerminationMessagePolicies);
            e.OneOf(e.Path.Child("imagePullPolicy"), c.ImagePullPolicy, PullPolicies);
            var sidecar = role == ContainerRole.Init && c.RestartPolicy == "Always";
            if (c.RestartPolicy is { } restartPolicy)
            {
                if (role == ContainerRole.Regular)
                {
                    e.Forbidden(e.Path.Child("restartPolicy"), "may not be set for non-init containers");
                }
                else
                {
                    e.OneOf(e.Path.Child("restartPolicy"), restartPolicy, ContainerRestartPolicies);
                }
            }
            if (role == ContainerRole.Init && !sidecar)
            {
                const string notSidecar = "may not be set for init containers without restartPolicy=Always";
                if (c.Lifecycle is not null)
                {
                    e.Forbidden(e.Path.Child("lifecycle"), notSidecar);
                }
                if (c.LivenessProbe is not null)
                {
                    e.Forbidden(e.Path.Child("livenessProbe"), notSidecar);
                }
                if (c.ReadinessProbe is not null)
                {
                    e.Forbidden(e.Path.Child("readinessProbe"), notSidecar);
                }
                if (c.StartupProbe is not null)
                {
                    e.Forbidden(e.Path.Child("startupProbe"), notSidecar);
                }
            }
            else
            {
                Lifecycle(e, c.Lifecycle);
                e.Validate(ProbeValidator.Instance, c.LivenessProbe, e.Path.Child("livenessProbe"));
                e.Validate(ProbeValidator.Instance, c.ReadinessProbe, e.Path.Child("readinessProbe"));
                e.Validate(ProbeValidator.Instance, c.StartupProbe, e.Path.Child("startupProbe"));
                MustBeOne(e, e.Path.Child("livenessProbe", "successThreshold"), c.LivenessProbe?.SuccessThreshold);
                MustBeOne(e, e.Path.Child("startupProbe", "successThreshold"), c.StartupProbe?.SuccessThreshold);
                if (role == ContainerRole.Init && c.ReadinessProbe is not null)
                {
                    e.Forbidden(e.Path.Child("readinessProbe"), "may not be set for init containers");
                }
            }
        });
    }

    private static void MustBeOne(FieldErrorCollector e, FieldPath at, int? value)
    {
        if (value is { } v && v != 1)
        {
            e.Invalid(at, v, "must be 1");
        }
    }

    private static void Ports(FieldErrorCollector e, IList<ContainerPort>? ports)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var port in ports ?? [])
        {
            var at = e.Path.Child("ports").Index(i++);
            if (!string.IsNullOrEmpty(port.Name))
            {
                var messages = ValidationFormats.IsValidPortName(port.Name);
                if (messages.Count > 0)
                {
                    e.AddMessages(at.Child("name"), port.Name, messages);
                }
                else if (!names.Add(port.Name))
                {
                    e.Duplicate(at.Child("name"), port.Name);
                }
            }
            if ((port.ContainerPortValue ?? 0) == 0)
            {
                e.Required(at.Child("containerPort"));
            }
            else
            {
                e.PortNumber(at.Child("containerPort"), port.ContainerPortValue!.Value);
            }
            if (port.HostPort is { } hostPort && hostPort != 0)
            {
                e.PortNumber(at.Child("hostPort"), hostPort);
            }
            e.Protocol(at.Child("protocol"), port.Protocol);
            if (!string.IsNullOrEmpty(port.HostIP))
            {
                e.IPAddress(at.Child("hostIP"), port.HostIP);
            }
        }
    }

    private static void Env(FieldErrorCollector e, IList<EnvVar>? env)
    {
        var i = 0;
        foreach (var variable in env ?? [])
        {
            var at = e.Path.Child("env").Index(i++);
            var name = variable.Name ?? "";
            if (name.Length == 0)
            {
                e.Required(at.Child("name"));
            }
            e.AddMessages(at.Child("name"), name, ValidationFormats.IsRelaxedEnvVarName(name));
            if (variable.ValueFrom is { } from)
            {
                EnvVarSource(e, at.Child("valueFrom"), from, variable.Value);
            }
        }
    }

    private static void EnvVarSource(FieldErrorCollector e, FieldPath at, EnvVarSource from, string? value)
    {
        var sources = 0;
        if (from.FieldRef is { } fieldRef)
        {
            sources++;
            if (string.IsNullOrEmpty(fieldRef.FieldPath))
            {
                e.Required(at.Child("fieldRef", "fieldPath"));
            }
        }
        if (from.ResourceFieldRef is { } resourceRef)
        {
            sources++;
            if (string.IsNullOrEmpty(resourceRef.Resource))
            {
                e.Required(at.Child("resourceFieldRef", "resource"));
            }
        }
        if (from.ConfigMapKeyRef is { } configMapRef)
        {
            sources++;
            KeySelector(e, at.Child("configMapKeyRef"), configMapRef.Name, configMapRef.Key);
        }
        if (from.SecretKeyRef is { } secretRef)
        {
            sources++;
            KeySelector(e, at.Child("secretKeyRef"), secretRef.Name, secretRef.Key);
        }
        if (sources == 0)
        {
            e.Invalid(at, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        }
        else if (!string.IsNullOrEmpty(value))
        {
            e.Invalid(at, "", "may not be specified when `value` is not empty");
        }
        else if (sources > 1)
        {
            e.Invalid(at, "", "may not have more than one field specified at a time");
        }
    }

    private static void KeySelector(FieldErrorCollector e, FieldPath at, string? name, string? key)
    {
        if (string.IsNullOrEmpty(name))
        {
            e.Required(at.Child("name"));
        }
        if (string.IsNullOrEmpty(key))
        {
            e.Required(at.Child("key"));
        }
        else
        {
            e.AddMessages(at.Child("key"), key, ValidationFormats.IsConfigMapKey(key));
        }
    }

    private static void EnvFrom(FieldErrorCollector e, IList<EnvFromSource>? sources)
    {
        var i = 0;
        foreach (var source in sources ?? [])
        {
            var at = e.Path.Child("envFrom").Index(i++);
            var count = 0;
            if (source.ConfigMapRef is { } configMap)
            {
                count++;
                e.RequiredDns1123Subdomain(at.Child("configMapRef", "name"), configMap.Name);
            }
            if (source.SecretRef is { } secret)
            {
                count++;
                e.RequiredDns1123Subdomain(at.Child("secretRef", "name"), secret.Name);
            }
            if (count == 0)
            {
                e.Invalid(at, "", "must specify one of: `configMapRef` or `secretRef`");
            }
            else if (count > 1)
            {
                e.Invalid(at, "", "may not have more than one field specified at a time");
            }
        }
    }

    private static void VolumeMounts(FieldErrorCollector e, IList<VolumeMount>? mounts)
    {
        var mountPaths = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var mount in mounts ?? [])
        {
            var at = e.Path.Child("volumeMounts").Index(i++);
            if (string.IsNullOrEmpty(mount.Name))
            {
                e.Required(at.Child("name"));
            }
            var mountPath = mount.MountPath ?? "";
            if (mountPath.Length == 0)
            {
                e.Required(at.Child("mountPath"));
            }
            if (!mountPaths.Add(mountPath))
            {
                e.Invalid(at.Child("mountPath"), mountPath, "must be unique");
            }
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                LocalDescendingPath(e, at.Child("subPath"), mount.SubPath);
            }
            if (!string.IsNullOrEmpty(mount.SubPath) && !string.IsNullOrEmpty(mount.SubPathExpr))
            {
                e.Invalid(at.Child("subPathExpr"), mount.SubPathExpr, "subPathExpr and subPath are mutually exclusive");
            }
        }
    }

    /// <summary>A relative path that stays below its root: not absolute and no ".." element.</summary>
    public static void LocalDescendingPath(FieldErrorCollector e, FieldPath at, string path)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('/'))
        {
            e.Invalid(at, path, "must be a relative path");
        }
        if (path.Split('/').Contains(".."))
        {
            e.Invalid(at, path, "must not contain '..'");
        }
    }

    private static void Lifecycle(FieldErrorCollector e, Lifecycle? lifecycle)
    {
        if (lifecycle is null)
        {
            return;
        }
        var at = e.Path.Child("lifecycle");
        if (lifecycle.PostStart is { } postStart)
        {
            ProbeValidator.Handler(e, at.Child("postStart"), postStart.Exec, postStart.HttpGet, postStart.TcpSocket, grpc: null, postStart.Sleep);
        }
        if (lifecycle.PreStop is { } preStop)
        {
            ProbeValidator.Handler(e, at.Child("preStop"), preStop.Exec, preStop.HttpGet, preStop.TcpSocket, grpc: null, preStop.Sleep);
        }
    }
}
