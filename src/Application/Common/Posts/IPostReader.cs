namespace VideoTube.Application.Common.Posts;

/// <summary>Reads one post as its list shows it (owner, likes); implemented by the tweet and comment queries.</summary>
public interface IPostReader<TPost, TDto>
{
    Task<TDto> GetAsync(Guid postId, Guid callerId, CancellationToken cancellationToken);
}
