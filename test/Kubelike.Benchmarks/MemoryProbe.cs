using System.Diagnostics;

namespace Kubelike.Benchmarks;

/// <summary>
/// Measures the memory an operation needs. The process's peak working set (VmHWM) only ever grows, so an earlier
/// scenario (a thousand watchers, say) would hide the list's peak; on Linux writing 5 to /proc/self/clear_refs
/// resets it to the current working set, which makes a per-operation peak measurable.
/// </summary>
internal sealed class MemoryProbe
{
    private readonly long _allocated;
    private readonly long _heap;
    private readonly long _workingSet;
    private readonly long _peakBefore;
    private readonly bool _peakReset;

    private MemoryProbe()
    {
        FullCollect();
        _heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        _peakReset = TryResetPeak();
        using var process = Process.GetCurrentProcess();
        _workingSet = process.WorkingSet64;
        _peakBefore = process.PeakWorkingSet64;
        _allocated = GC.GetTotalAllocatedBytes(precise: true);
    }

    /// <summary>Collects garbage, resets the peak and takes the baseline; call right before the operation.</summary>
    public static MemoryProbe Start() => new();

    /// <summary>Call right after the operation, while its result is still referenced.</summary>
    public MemoryUsage Stop()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocated;
        long peak;
        using (var process = Process.GetCurrentProcess())
            peak = process.PeakWorkingSet64;
        FullCollect();
        var retained = GC.GetGCMemoryInfo().HeapSizeBytes - _heap;
        var growth = peak - (_peakReset ? _workingSet : _peakBefore);
        return new MemoryUsage(allocated, Math.Max(0, retained), Math.Max(0, growth), peak, _peakReset);
    }

    private static void FullCollect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
