namespace Kubelike.Controllers.Jobs;

/// <summary>The labels, annotations and finalizer of batch/v1 Jobs and their pods.</summary>
public static class JobLabels
{
    /// <summary>Keeps a finished pod until the Job controller has counted it in the Job's status.</summary>
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";

    /// <summary>An Indexed Job's pod's index, as an annotation and (since the pod index label) a label.</summary>
    public const string CompletionIndex = "batch.kubernetes.io/job-completion-index";

    public const string CompletionIndexEnvName = "JOB_COMPLETION_INDEX";

    public const string JobName = "batch.kubernetes.io/job-name";

    public const string ControllerUid = "batch.kubernetes.io/controller-uid";

    /// <summary>The value of spec.managedBy that means this controller; any other value leaves the Job to someone else.</summary>
    public const string ManagedByJobController = "kubernetes.io/job-controller";
}
