using System.Linq.Expressions;

namespace VideoTube.Domain.Common;

/// <summary>A short text a user posts and may edit or delete: a tweet, a comment.</summary>
public interface IPost<TSelf> : IOwned where TSelf : IPost<TSelf>
{
    string Content { get; set; }

    /// <summary>The most characters <see cref="Content"/> may hold.</summary>
    static abstract int ContentLimit { get; }

    /// <summary>Who may delete the post: its owner, and whoever else the kind of post allows.</summary>
    static abstract Expression<Func<TSelf, bool>> DeletableBy(Guid userId);
}
