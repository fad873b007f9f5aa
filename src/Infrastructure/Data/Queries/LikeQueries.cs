using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Likes;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class LikeQueries(ApplicationDbContext db, IMapper mapper, TimeProvider clock) : ILikeQueries
{
    public async Task<IReadOnlyList<VideoDto>> ListLikedVideosAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Likes.AsNoTracking()
            .Where(l => l.LikedById == userId && l.VideoId != null)
            .Where(VideoAccess.VisibleThrough<Like>(l => l.Video, userId))
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => l.Video!)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// One transaction holding an advisory lock on (user, target): without it two toggles could both find no like and
    /// both answer "liked" with one row inserted, or both delete one row and both answer "unliked".
    /// </summary>
    public async Task<bool> ToggleAsync(LikeTarget target, Guid targetId, Guid userId,
        Func<CancellationToken, Task> ensureCanLike, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockForTransactionAsync($"like:{userId}:{targetId}", cancellationToken);
        var removed = await ExistingLike(target, targetId, userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            await ensureCanLike(cancellationToken);
            await AddAsync(target, targetId, userId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return removed == 0;
    }

    private IQueryable<Like> ExistingLike(LikeTarget target, Guid targetId, Guid userId) => target switch
    {
        LikeTarget.Video => db.Likes.Where(l => l.LikedById == userId && l.VideoId == targetId),
        LikeTarget.Comment => db.Likes.Where(l => l.LikedById == userId && l.CommentId == targetId),
        _ => db.Likes.Where(l => l.LikedById == userId && l.TweetId == targetId),
    };

    /// <summary>
    /// Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention. The partial unique indexes
    /// still hold one like per user and target should anything insert outside the lock.
    /// </summary>
    private async Task AddAsync(LikeTarget target, Guid targetId, Guid userId, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await (target switch
            {
                LikeTarget.Video => db.Database.ExecuteSqlAsync($"""
                    INSERT INTO likes (id, liked_by_id, video_id, created_at, updated_at)
                    VALUES ({id}, {userId}, {targetId}, {now}, {now}) ON CONFLICT DO NOTHING
                    """, cancellationToken),
                LikeTarget.Comment => db.Database.ExecuteSqlAsync($"""
                    INSERT INTO likes (id, liked_by_id, comment_id, created_at, updated_at)
                    VALUES ({id}, {userId}, {targetId}, {now}, {now}) ON CONFLICT DO NOTHING
                    """, cancellationToken),
                _ => db.Database.ExecuteSqlAsync($"""
                    INSERT INTO likes (id, liked_by_id, tweet_id, created_at, updated_at)
                    VALUES ({id}, {userId}, {targetId}, {now}, {now}) ON CONFLICT DO NOTHING
                    """, cancellationToken),
            });
        }
        catch (Exception exception) when (DatabaseErrorTranslator.IsForeignKeyViolation(exception))
        {
            throw new NotFoundException($"{target} not found"); // the target was deleted after the caller's check
        }
    }
}
