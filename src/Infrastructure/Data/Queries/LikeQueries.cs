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
    /// Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention. The partial unique indexes
    /// hold one like per user and target, so a race ends with one row and never surfaces as a unique violation.
    /// </summary>
    public async Task AddAsync(LikeTarget target, Guid targetId, Guid userId, CancellationToken cancellationToken)
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
