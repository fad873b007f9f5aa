namespace VideoTube.Application.Tweets;

/// <summary>Tweets with their owners and like figures; each ONE statement.</summary>
public interface ITweetQueries
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<TweetDto>> ListAsync(Guid ownerId, Guid callerId, CancellationToken cancellationToken);

    Task<TweetDto> GetAsync(Guid tweetId, Guid callerId, CancellationToken cancellationToken);
}
