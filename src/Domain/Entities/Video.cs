using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Video : Entity, IOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;

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
    public User? Owner { get; set; }
    public List<Like> Likes { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}
