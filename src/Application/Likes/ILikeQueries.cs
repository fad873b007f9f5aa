using VideoTube.Application.Videos;

namespace VideoTube.Application.Likes;

/// <summary>The liked-videos read and the idempotent like insert.</summary>
public interface ILikeQueries
{
    /// <summary>Most recently liked first; unpublished videos of others stay hidden.</summary>
    Task<IReadOnlyList<VideoDto>> ListLikedVideosAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the user's like of the target, or adds one when there is none, serialised per (user, target): parallel
    /// toggles by one user take turns, so the end state follows their parity and each returns what it did (true:
    /// liked). <paramref name="ensureCanLike"/> runs before a like is added (unliking needs no visibility); it and a
    /// target deleted meanwhile throw <see cref="Common.Exceptions.NotFoundException"/>.
    /// </summary>
    Task<bool> ToggleAsync(LikeTarget target, Guid targetId, Guid userId, Func<CancellationToken, Task> ensureCanLike,
        CancellationToken cancellationToken);
}
