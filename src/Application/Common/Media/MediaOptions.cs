using System.ComponentModel.DataAnnotations;

namespace VideoTube.Application.Common.Media;

/// <summary>Upload limits (configuration section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 1024L * 1024 * 1024;
}
