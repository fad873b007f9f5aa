namespace VideoTube.Application.Common.Posts;

/// <summary>Reads one post as its list shows it (owner, likes); implemented by the tweet and comment queries.</summary>
public interface IPostReader<TPost, TDto>
{
    /// <summary>Null when the post is gone: a concurrent delete (or a cascade) may win between a write and this read.</summary>
    Task<TDto?> GetAsync(Guid postId, Guid callerId, CancellationToken cancellationToken);
}
