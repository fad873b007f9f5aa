namespace VideoTube.Application.Videos;

/// <summary>
/// Counts video views without a database write per view: with one UPDATE per view, every viewer of a popular video
/// queued on its row lock. The adapter keeps the counts of this instance in memory and stores them in one statement
/// every short interval (ADR-014), so a crash can lose the views of that interval.
/// </summary>
public interface IViewCounter
{
    /// <summary>
    /// Counts one view of the video and returns how many of its views this instance has counted but not stored yet,
    /// this one included: added to the stored figure, the viewer sees their own view.
    /// </summary>
    long Count(Guid videoId);
}
