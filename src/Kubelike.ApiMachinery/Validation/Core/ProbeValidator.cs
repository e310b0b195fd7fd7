using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A liveness, readiness or startup probe: exactly one handler and non-negative timings.</summary>
public sealed class ProbeValidator : FieldValidator<Probe>
{
    public static ProbeValidator Instance { get; } = new();

    public ProbeValidator()
    {
        Check((probe, e) =>
        {
            Handler(e, e.Path, probe.Exec, probe.HttpGet, probe.TcpSocket, probe.Grpc, sleep: null);
            e.Nonnegative(e.Path.Child("initialDelaySeconds"), probe.InitialDelaySeconds);
            e.Nonnegative(e.Path.Child("timeoutSeconds"), probe.TimeoutSeconds);
            e.Nonnegative(e.Path.Child("periodSeconds"), probe.PeriodSeconds);
            e.Nonnegative(e.Path.Child("successThreshold"), probe.SuccessThreshold);
            e.Nonnegative(e.Path.Child("failureThreshold"), probe.FailureThreshold);
            if (probe.TerminationGracePeriodSeconds is <= 0 and var grace)
            {
                e.Invalid(e.Path.Child("terminationGracePeriodSeconds"), grace, FieldErrorCollector.IsNotPositiveErrorMessage);
            }
        });
    }

    private static readonly string[] HttpSchemes = ["HTTP", "HTTPS"];

    /// <summary>A probe's or lifecycle hook's action: exactly one handler type, each one complete.</summary>
    public static void Handler(FieldErrorCollector e, FieldPath at, ExecAction? exec, HTTPGetAction? httpGet, TCPSocketAction? tcpSocket, GRPCAction? grpc, SleepAction? sleep)
    {
        ArgumentNullException.ThrowIfNull(e);
        var count = 0;
        void Count(object? handler, string name)
        {
            if (handler is null)
            {
                return;
            }
            if (count++ > 0)
            {
                e.Forbidden(at.Child(name), "may not specify more than 1 handler type");
            }
        }
        Count(exec, "exec");
        Count(httpGet, "httpGet");
        Count(tcpSocket, "tcpSocket");
        Count(grpc, "grpc");
        Count(sleep, "sleep");
        if (count == 0)
        {
            e.Required(at, "must specify a handler type");
        }
        if (exec is not null && (exec.Command?.Count ?? 0) == 0)
        {
            e.Required(at.Child("exec", "command"));
        }
        if (httpGet is not null)
        {
            var path = at.Child("httpGet");
            if (string.IsNullOrEmpty(httpGet.Path))
            {
                e.Required(path.Child("path"));
            }
            e.PortNumberOrName(path.Child("port"), httpGet.Port);
            if (httpGet.Scheme is { } scheme && !HttpSchemes.Contains(scheme))
            {
                e.NotSupported(path.Child("scheme"), scheme, HttpSchemes);
            }
        }
        if (tcpSocket is not null)
        {
            e.PortNumberOrName(at.Child("tcpSocket", "port"), tcpSocket.Port);
        }
        if (grpc is not null)
        {
            e.PortNumber(at.Child("grpc", "port"), grpc.Port ?? 0);
        }
        if (sleep is not null && sleep.Seconds < 0)
        {
            e.Invalid(at.Child("sleep", "seconds"), sleep.Seconds ?? 0, FieldErrorCollector.IsNegativeErrorMessage);
        }
    }
}
