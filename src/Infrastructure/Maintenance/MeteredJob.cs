using Quartz;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Infrastructure.Maintenance;

internal static class MeteredJob
{
    /// <summary>
    /// Runs a housekeeping job's work and counts its outcome under the job's name on the job-outcome metric, like the
    /// processing job; a failure reaches Quartz as a <see cref="JobExecutionException"/>, and the next firing retries.
    /// </summary>
    public static async ValueTask RunMeteredAsync(this IJobMetrics metrics, JobKey job, Func<Task> work)
    {
        try
        {
            await work();
            metrics.JobFinished(job.Name, "succeeded");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.JobFinished(job.Name, "failed");
            throw new JobExecutionException(exception);
        }
    }
}
