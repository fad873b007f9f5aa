using VideoTube.Application.Common.Posts;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

/// <summary>Tweets with their owners and like figures; each ONE statement.</summary>
public interface ITweetQueries : IPostReader<Tweet, TweetDto>
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<TweetDto>> ListAsync(Guid ownerId, Guid callerId, CancellationToken cancellationToken);
}
