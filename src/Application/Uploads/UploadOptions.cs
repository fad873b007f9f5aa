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

    /// <summary>
    /// How many PATCH/DELETE requests of one instance may write uploads at once. Each holds a PostgreSQL connection (its
    /// claim) for as long as its client sends; one more waits up to <c>Database:ConnectTimeout</c> for a free one, then
    /// gets 503 and retries (tus clients do). Mind PostgreSQL's <c>max_connections</c> across instances.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrentWrites { get; set; } = 32;
}
