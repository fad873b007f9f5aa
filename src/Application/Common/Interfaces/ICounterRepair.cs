namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Recomputes every stored counter (subscribers, likes, comments, videos, views...) from the rows it counts and
/// corrects those that drifted: the triggers keep them exact, so this is the safety net for writes made with the
/// triggers off (a bulk load, a restore) or a bug. Safe to run while the API serves writes.
/// </summary>
public interface ICounterRepair
{
    /// <summary>Returns how many rows had a wrong counter and were corrected.</summary>
    Task<int> RepairAsync(CancellationToken cancellationToken);
}
