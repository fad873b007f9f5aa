using System.Linq.Expressions;
using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Comment : Entity, IPost<Comment>
{
    public const int MaxContentLength = 2000;

    public string Content { get; set; } = string.Empty;
    public Guid VideoId { get; set; }
    public Video? Video { get; set; }
    /// <summary>Stored counter kept by a database trigger (see <see cref="User.SubscribersCount"/>).</summary>
    public long LikesCount { get; set; }
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
    public List<Like> Likes { get; set; } = [];

    static int IPost<Comment>.ContentLimit => MaxContentLength;

    /// <summary>The video's owner moderates their channel, so they may delete its comments too.</summary>
    static Expression<Func<Comment, bool>> IPost<Comment>.DeletableBy(Guid userId) =>
        comment => comment.OwnerId == userId || comment.Video!.OwnerId == userId;
}
