using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Video : Entity, IOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxFailureReasonLength = 1000;

    /// <summary>
    /// Storage keys, never URLs: the URL is built when a response is written (<c>MediaUrl</c>), so moving the host,
    /// port or CDN needs no data migration.
    /// </summary>
    public string VideoFileKey { get; set; } = string.Empty;
    public string ThumbnailKey { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    /// <summary>Seconds.</summary>
    public double Duration { get; set; }
    public long Views { get; set; }
    public bool IsPublished { get; set; } = true;
    /// <summary>Stored counters kept by database triggers (see <see cref="User.SubscribersCount"/>).</summary>
    public long LikesCount { get; set; }
    public long CommentsCount { get; set; }
    public Guid OwnerId { get; set; }

    /// <summary>Set by the processing job; rows older than processing are <see cref="VideoStatus.Ready"/>.</summary>
    public VideoStatus Status { get; set; } = VideoStatus.Processing;
    /// <summary>0-100 while the job transcodes.</summary>
    public int Progress { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>The master playlist's storage key once the renditions are stored; null until then.</summary>
    public string? HlsKey { get; set; }
    /// <summary>Why processing failed; shown to the owner only.</summary>
    public string? FailureReason { get; set; }
    public User? Owner { get; set; }
    public List<Like> Likes { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}
