using VideoTube.Application.Common.Media;
using AutoMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Configurations;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed partial class VideoQueries(ApplicationDbContext db, IMapper mapper, CompiledReads compiled, TimeProvider clock,
    IOptions<PaginationOptions> pagination, SearchTotals searchTotals) : IVideoQueries
{
    /// <summary>
    /// Raw SQL for the row lock and RETURNING, which EF Core's ExecuteUpdate lacks. Under READ COMMITTED the locking
    /// sub-select waits for a concurrent replacement and then reads its committed key, so no two callers get the same
    /// previous key.
    /// </summary>
    public async Task<ReplacedFile?> ReplaceThumbnailAsync(Guid videoId, Guid ownerId, string key,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.Database.SqlQuery<string>($"""
            UPDATE videos AS v SET thumbnail_key = {key}, updated_at = {now}
            FROM (SELECT id, thumbnail_key FROM videos WHERE id = {videoId} AND owner_id = {ownerId} FOR UPDATE) AS old
            WHERE v.id = old.id
            RETURNING old.thumbnail_key AS "Value"
            """).ToListAsync(cancellationToken);
        return previous.Count == 0 ? null : new ReplacedFile(string.IsNullOrEmpty(previous[0]) ? null : previous[0]);
    }

    public async Task<IReadOnlyList<string>?> DeleteAsync(Guid videoId, Guid ownerId, CancellationToken cancellationToken)
    {
        var keys = await db.Database.SqlQuery<string>($"""
            WITH gone AS (DELETE FROM videos WHERE id = {videoId} AND owner_id = {ownerId}
                          RETURNING video_file_key, thumbnail_key)
            SELECT k AS "Value" FROM gone, LATERAL (VALUES (video_file_key), (thumbnail_key)) AS files(k)
            """).ToListAsync(cancellationToken);
        return keys.Count == 0 ? null : keys.Where(k => !string.IsNullOrEmpty(k)).ToList();
    }

    public Task<VideoDetailDto?> FindDetailAsync(Guid videoId, Guid callerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return compiled.VideoDetail(db, videoId, callerId);
    }

    /// <summary>
    /// Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention. The EXISTS guard turns a
    /// concurrent delete of the video into a no-op instead of a foreign-key error.
    /// </summary>
    public Task RecordWatchAsync(Guid userId, Guid videoId, DateTime watchedAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO watch_history (user_id, video_id, watched_at)
            SELECT {userId}, {videoId}, {watchedAt}
            WHERE EXISTS (SELECT 1 FROM videos WHERE id = {videoId})
            ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = EXCLUDED.watched_at
            """, cancellationToken);
}
