using VideoTube.Application.Videos;

namespace VideoTube.Application.Likes;

/// <summary>The liked-videos read and the idempotent like insert.</summary>
public interface ILikeQueries
{
    /// <summary>Most recently liked first; unpublished videos of others stay hidden.</summary>
    Task<IReadOnlyList<VideoDto>> ListLikedVideosAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Idempotent: a like that already exists (a concurrent toggle got there first) is left as it is. Throws
    /// <see cref="Common.Exceptions.NotFoundException"/> when the target is gone.
    /// </summary>
    Task AddAsync(LikeTarget target, Guid targetId, Guid userId, CancellationToken cancellationToken);
}
