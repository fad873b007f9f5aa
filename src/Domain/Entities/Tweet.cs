using System.Linq.Expressions;
using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

public class Tweet : Entity, IPost<Tweet>
{
    public const int MaxContentLength = 280;

    public string Content { get; set; } = string.Empty;
    /// <summary>Stored counter kept by a database trigger (see <see cref="User.SubscribersCount"/>).</summary>
    public long LikesCount { get; set; }
    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }
    public List<Like> Likes { get; set; } = [];

    static int IPost<Tweet>.ContentLimit => MaxContentLength;

    static Expression<Func<Tweet, bool>> IPost<Tweet>.DeletableBy(Guid userId) => tweet => tweet.OwnerId == userId;
}
