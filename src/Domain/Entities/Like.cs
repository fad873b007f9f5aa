using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

/// <summary>A like targets exactly one of a video, a comment or a tweet (enforced by a check constraint).</summary>
public class Like : Entity
{
    public Guid LikedById { get; set; }
    public User? LikedBy { get; set; }
    public Guid? VideoId { get; set; }
    public Video? Video { get; set; }
    public Guid? CommentId { get; set; }
    public Comment? Comment { get; set; }
    public Guid? TweetId { get; set; }
    public Tweet? Tweet { get; set; }
}
