using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Video : Entity, IOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;

    /// <summary>Public URL of the media file.</summary>
    public string VideoFile { get; set; } = string.Empty;
    public string Thumbnail { get; set; } = string.Empty;
    /// <summary>Storage keys, kept beside the URLs so files can be deleted and access-checked without parsing URLs.</summary>
    public string VideoFileKey { get; set; } = string.Empty;
    public string ThumbnailKey { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    /// <summary>Seconds.</summary>
    public double Duration { get; set; }
    public long Views { get; set; }
    public bool IsPublished { get; set; } = true;
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
    public List<Like> Likes { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}
