namespace VideoTube.Application.Common.Interfaces;

/// <summary>
/// Counts finished background jobs. A port because the job runs in Infrastructure while the meter belongs to the host
/// (WebApi's <c>VideoTubeMetrics</c>); a host without metrics gets a no-op.
/// </summary>
public interface IJobMetrics
{
    /// <param name="job">The job's name, e.g. <c>process-video</c>.</param>
    /// <param name="outcome"><c>succeeded</c>, <c>failed</c> or <c>retried</c>.</param>
    void JobFinished(string job, string outcome);
}
