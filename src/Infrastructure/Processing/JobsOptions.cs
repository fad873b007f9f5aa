using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Processing;

/// <summary>The background job engine (configuration section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// False makes a web-only instance: it still queues jobs (in the shared database) but never runs one, so
    /// transcoding can be moved to worker instances that need ffmpeg and CPU.
    /// </summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Transcodes this instance runs at once: the size of Quartz's thread pool.</summary>
    [Range(1, 64)]
    public int MaxConcurrentTranscodes { get; set; } = 1;

    /// <summary>How often an idle worker looks for queued jobs queued by other instances.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a worker records it is alive; a worker silent for longer has its jobs recovered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Grace past a missed check-in before another worker takes over the silent one's jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries of a job that failed for a reason that may pass (storage, database, a crash of ffmpeg).</summary>
    [Range(1, 20)]
    public int RetryCount { get; set; } = 3;

    /// <summary>Wait before the first retry; each later wait is <see cref="RetryBackoffFactor"/> times longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1.0, 10.0)]
    public double RetryBackoffFactor { get; set; } = 2.0;

    /// <summary>Where a job downloads the original and writes renditions; empty = the system temp folder.</summary>
    public string TempPath { get; set; } = string.Empty;

    /// <summary>Least time between two progress writes to a video's row.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string ResolveTempPath() =>
        string.IsNullOrWhiteSpace(TempPath) ? Path.Combine(Path.GetTempPath(), "videotube-jobs") : TempPath;
}
