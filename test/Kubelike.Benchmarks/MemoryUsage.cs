namespace Kubelike.Benchmarks;

/// <summary>
/// Memory cost of one operation. <see cref="AllocatedBytes"/>: managed bytes allocated while it ran.
/// <see cref="RetainedBytes"/>: growth of the live managed heap (after a full GC) while its result is still held.
/// <see cref="PeakWorkingSetGrowthBytes"/>: the process's peak working set during it minus the working set before;
/// <see cref="PeakWorkingSetBytes"/>: that peak itself. <see cref="PeakWasReset"/> says whether the kernel's peak could be reset first (otherwise it is a lower bound).
/// </summary>
internal sealed record MemoryUsage(long AllocatedBytes, long RetainedBytes, long PeakWorkingSetGrowthBytes, long PeakWorkingSetBytes, bool PeakWasReset);
