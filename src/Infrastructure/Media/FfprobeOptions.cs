using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Media;

/// <summary>How video durations are read (configuration section <c>Ffprobe</c>).</summary>
public sealed class FfprobeOptions
{
    public const string SectionName = "Ffprobe";

    /// <summary>The ffprobe executable: a name looked up on PATH, or a full path.</summary>
    [Required]
    public string Path { get; set; } = "ffprobe";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
