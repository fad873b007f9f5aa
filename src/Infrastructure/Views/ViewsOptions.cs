using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Views;

/// <summary>Configuration section <c>Views</c>: how the per-instance view buffer is stored (ADR-014).</summary>
public sealed class ViewsOptions
{
    public const string SectionName = "Views";

    /// <summary>
    /// How often the counted views are stored. It is also the most a crash loses (a graceful stop stores them), and
    /// how far other instances' figures lag behind.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Distinct videos held before a flush starts early, which bounds the buffer's memory and statement.</summary>
    [Range(1, 1_000_000)]
    public int MaxPendingVideos { get; set; } = 10_000;
}
