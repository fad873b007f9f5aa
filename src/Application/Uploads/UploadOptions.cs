using System.ComponentModel.DataAnnotations;

namespace VideoTube.Application.Uploads;

/// <summary>Resumable (tus) uploads (configuration section <c>Uploads</c>). The size limit is <c>Media:MaxVideoBytes</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>An upload that receives no bytes for this long expires; every PATCH pushes its expiry back.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Expiration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each API instance deletes expired uploads (their parts and rows).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(15);
}
