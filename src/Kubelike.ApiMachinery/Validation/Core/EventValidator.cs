using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Errors;
using EventsV1 = Kubelike.Api.Events.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// A core/v1 Event (upstream's legacyValidateEvent): an old-style event (no eventTime) names an object in its own
/// namespace; a new-style one also names its reporter, action and reason.
/// </summary>
public sealed class EventValidator : FieldValidator<Event>
{
    public EventValidator() =>
        Check((ev, e) =>
        {
            var ns = ev.Metadata?.Namespace ?? "";
            var involved = ev.InvolvedObject?.Namespace ?? "";
            var mismatch = ev.EventTime is null
                ? (involved.Length == 0 ? ns is not ("" or "default") : ns != involved)
                : involved.Length == 0 && ns is not ("default" or "kube-system");
            if (mismatch)
            {
                e.Invalid(FieldPath.Root.Child("involvedObject", "namespace"), involved, "does not match event.namespace");
            }
            if (ev.EventTime is not null)
            {
                EventRules.Reporting(e, "reportingComponent", ev.ReportingComponent, ev.ReportingInstance, ev.Action, ev.Reason, ev.Message, "message");
            }
        });
}

/// <summary>An events.k8s.io/v1 Event (upstream's ValidateEventCreate for v1): time, reporter, action, reason and type required.</summary>
public sealed class EventsV1EventValidator : FieldValidator<EventsV1.Event>
{
    public EventsV1EventValidator() =>
        Check((ev, e) =>
        {
            if (ev.EventTime is null)
            {
                e.Required(FieldPath.Root.Child("eventTime"));
            }
            EventRules.Reporting(e, "reportingController", ev.ReportingController, ev.ReportingInstance, ev.Action, ev.Reason, ev.Note, "note");
            if (ev.Type is not ("Normal" or "Warning"))
            {
                e.Invalid(FieldPath.Root.Child("type"), "", $"has invalid value: {ev.Type}");
            }
        });
}

/// <summary>The fields a new-style event's reporter must fill in, with upstream's length limits.</summary>
internal static class EventRules
{
    public static void Reporting(FieldErrorCollector e, string controllerField, string? controller, string? instance, string? action, string? reason, string? note, string noteField)
    {
        var controllerPath = FieldPath.Root.Child(controllerField);
        if (string.IsNullOrEmpty(controller))
        {
            e.Required(controllerPath);
        }
        e.QualifiedName(controllerPath, controller ?? "");
        Required(e, "reportingInstance", instance, 128);
        Required(e, "action", action, 128);
        Required(e, "reason", reason, 128);
        if ((note?.Length ?? 0) > 1024)
        {
            e.Add(FieldError.TooLong(FieldPath.Root.Child(noteField), 1024));
        }
    }

    private static void Required(FieldErrorCollector e, string field, string? value, int limit)
    {
        var at = FieldPath.Root.Child(field);
        if (string.IsNullOrEmpty(value))
        {
            e.Required(at);
        }
        else if (value.Length > limit)
        {
            e.Add(FieldError.TooLong(at, limit));
        }
    }
}
