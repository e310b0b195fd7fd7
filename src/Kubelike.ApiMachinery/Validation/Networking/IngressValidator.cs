using Kubelike.Api.Networking.V1;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation.Networking;

/// <summary>An Ingress (upstream's ValidateIngressSpec): a default backend or rules; hosts, paths and backends well-formed.</summary>
public sealed class IngressValidator : FieldValidator<Ingress>
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    public IngressValidator() =>
        Check((ingress, e) =>
        {
            var spec = ingress.Spec ?? new IngressSpec();
            var at = e.Path.Child("spec");
            var rules = spec.Rules ?? [];
            if (rules.Count == 0 && spec.DefaultBackend is null)
            {
                e.Invalid(at, "", "either `defaultBackend` or `rules` must be specified");
            }
            if (spec.DefaultBackend is not null)
            {
                Backend(e, at.Child("defaultBackend"), spec.DefaultBackend);
            }
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = at.Child("rules").Index(i);
                Host(e, rule.Child("host"), rules[i].Host);
                if (rules[i].Http is { } http)
                {
                    Paths(e, rule.Child("http"), http);
                }
            }
            var t = 0;
            foreach (var tls in spec.Tls ?? [])
            {
                var h = 0;
                foreach (var host in tls.Hosts ?? [])
                {
                    Host(e, at.Child("tls").Index(t).Child("hosts").Index(h++), host);
                }
                t++;
            }
            if (!string.IsNullOrEmpty(spec.IngressClassName))
            {
                e.Dns1123Subdomain(at.Child("ingressClassName"), spec.IngressClassName);
            }
        });

    private static void Host(FieldErrorCollector e, FieldPath at, string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return;
        }
        if (ValidationFormats.IsIP(host))
        {
            e.Invalid(at, host, "must be a DNS name, not an IP address");
        }
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var rest = host[2..];
            if (ValidationRules.IsDns1123Subdomain(rest).Count > 0 || host.Length > ValidationRules.Dns1123SubdomainMaxLength)
            {
                e.Invalid(at, host, ValidationRules.RegexError(
                    "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                    "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "*.example.com"));
            }
        }
        else
        {
            e.Dns1123Subdomain(at, host);
        }
    }

    private static void Paths(FieldErrorCollector e, FieldPath at, HTTPIngressRuleValue http)
    {
        var paths = http.Paths ?? [];
        if (paths.Count == 0)
        {
            e.Required(at.Child("paths"));
        }
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var p = at.Child("paths").Index(i);
            if (string.IsNullOrEmpty(path.PathType))
            {
                e.Required(p.Child("pathType"), "pathType must be specified");
            }
            else if (!PathTypes.Contains(path.PathType))
            {
                e.NotSupported(p.Child("pathType"), path.PathType, PathTypes);
            }
            else if (path.PathType is "Exact" or "Prefix" && !(path.Path ?? "").StartsWith('/'))
            {
                e.Invalid(p.Child("path"), path.Path ?? "", "must be an absolute path");
            }
            if (path.Backend is null)
            {
                e.Required(p.Child("backend"));
            }
            else
            {
                Backend(e, p.Child("backend"), path.Backend);
            }
        }
    }

    /// <summary>A backend: a Service with a port name or number, or a resource; not both.</summary>
    public static void Backend(FieldErrorCollector e, FieldPath at, IngressBackend backend)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(backend);
        switch (backend.Resource, backend.Service)
        {
            case (not null, not null):
                e.Invalid(at, "", "cannot set both resource and service backends");
                break;
            case (not null, null):
                if (string.IsNullOrEmpty(backend.Resource.Kind))
                {
                    e.Required(at.Child("resource", "kind"));
                }
                if (string.IsNullOrEmpty(backend.Resource.Name))
                {
                    e.Required(at.Child("resource", "name"));
                }
                break;
            case (null, { } service):
                if (string.IsNullOrEmpty(service.Name))
                {
                    e.Required(at.Child("service", "name"));
                }
                else
                {
                    e.Dns1035Label(at.Child("service", "name"), service.Name);
                }
                var name = service.Port?.Name ?? "";
                var number = service.Port?.Number ?? 0;
                if (name.Length > 0 && number != 0)
                {
                    e.Invalid(at, "", "cannot set both port name & port number");
                }
                else if (name.Length > 0)
                {
                    e.AddMessages(at.Child("service", "port", "name"), name, ValidationFormats.IsValidPortName(name));
                }
                else if (number != 0)
                {
                    e.PortNumber(at.Child("service", "port", "number"), number);
                }
                else
                {
                    e.Required(at, "port name or number is required");
                }
                break;
            default:
                e.Invalid(at, "", "resource or service backend is required");
                break;
        }
    }
}

/// <summary>An IngressClass: a domain-prefixed controller name, fixed once created.</summary>
public sealed class IngressClassValidator : FieldValidator<IngressClass>
{
    public IngressClassValidator() =>
        Check((ingressClass, e) =>
        {
            var controller = ingressClass.Spec?.Controller ?? "";
            var at = e.Path.Child("spec", "controller");
            if (controller.Length == 0)
            {
                e.Required(at);
            }
            else if (controller.Length > 250)
            {
                e.Add(Errors.FieldError.TooLong(at, 250));
            }
            else
            {
                var slash = controller.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || ValidationRules.IsDns1123Subdomain(controller[..slash]).Count > 0)
                {
                    e.Invalid(at, controller, "must be a domain-prefixed path (such as \"acme.io/foo\")");
                }
            }
            if (ingressClass.Spec?.Parameters is { } parameters)
            {
                var p = e.Path.Child("spec", "parameters");
                if (string.IsNullOrEmpty(parameters.Kind))
                {
                    e.Required(p.Child("kind"));
                }
                if (string.IsNullOrEmpty(parameters.Name))
                {
                    e.Required(p.Child("name"));
                }
                e.OneOf(p.Child("scope"), parameters.Scope, ["Cluster", "Namespace"], required: false);
            }
        });
}

/// <summary>An IngressClass update: the controller cannot change.</summary>
public sealed class IngressClassUpdateValidator : FieldValidator<ObjectUpdate<IngressClass>>
{
    public IngressClassUpdateValidator() =>
        Check((update, e) => e.Immutable(e.Path.Child("spec", "controller"), update.New.Spec?.Controller ?? "", update.Old.Spec?.Controller ?? ""));
}
