using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Processing;

/// <summary>How the worker transcodes (configuration section <c>Ffmpeg</c>); ffprobe comes from <c>Ffprobe:Path</c>.</summary>
public sealed class FfmpegOptions : IValidatableObject
{
    public const string SectionName = "Ffmpeg";

    [Required]
    public string Path { get; set; } = "ffmpeg";

    /// <summary>ffmpeg's <c>-threads</c>; 0 lets ffmpeg use every core.</summary>
    [Range(0, 64)]
    public int Threads { get; set; } = 0;

    /// <summary>Rendition heights; a video gets those not above its own height. Empty = 240, 480, 720, 1080.</summary>
    /// <remarks>No array initialiser: the configuration binder would merge configured heights into it.</remarks>
    public int[]? Ladder { get; set; }

    public IReadOnlyList<int> EffectiveLadder => Ladder is { Length: > 0 } ? Ladder : [240, 480, 720, 1080];

    /// <summary>Target HLS segment length in seconds (keyframes are forced at this interval).</summary>
    [Range(1, 30)]
    public int SegmentSeconds { get; set; } = 4;

    /// <summary>x264 preset: speed against size.</summary>
    [Required]
    public string Preset { get; set; } = "veryfast";

    /// <summary>A transcode running longer is killed and counts as a failure (retried).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveLadder.Any(h => h is < 144 or > 4320 || h % 2 != 0))
            yield return new ValidationResult("Ffmpeg:Ladder needs at least one even height between 144 and 4320.",
                [nameof(Ladder)]);
        if (Preset.Any(c => !char.IsAsciiLetterLower(c)))
            yield return new ValidationResult("Ffmpeg:Preset must be an x264 preset name such as 'veryfast'.", [nameof(Preset)]);
    }
}
