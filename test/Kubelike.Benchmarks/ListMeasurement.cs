namespace Kubelike.Benchmarks;

/// <summary>
/// One way of listing <see cref="Objects"/> objects: a single unpaginated ListAsync, or a walk of pages of
/// <see cref="PageSize"/>. Times are over <see cref="Repetitions"/> runs; memory is the largest of them.
/// </summary>
internal sealed record ListMeasurement(
    int Objects,
    string Mode,
    int PageSize,
    int Pages,
    int Items,
    int Repetitions,
    double MedianMs,
    double MinMs,
    double MaxMs,
    MemoryUsage Memory);
