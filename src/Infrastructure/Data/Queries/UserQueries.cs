using VideoTube.Application.Common.Media;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class UserQueries(ApplicationDbContext db, CompiledReads compiled, TimeProvider clock)
    : IUserQueries
{
    /// <summary>Raw SQL for the row lock and RETURNING (see <see cref="VideoQueries.ReplaceThumbnailAsync"/>).</summary>
    public async Task<ReplacedFile?> ReplaceImageAsync(Guid userId, UserImageKind kind, string key,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await (kind == UserImageKind.Avatar
            ? db.Database.SqlQuery<string>($"""
                UPDATE users AS u SET avatar_key = {key}, updated_at = {now}
                FROM (SELECT id, avatar_key FROM users WHERE id = {userId} FOR UPDATE) AS old
                WHERE u.id = old.id
                RETURNING old.avatar_key AS "Value"
                """)
            : db.Database.SqlQuery<string>($"""
                UPDATE users AS u SET cover_image_key = {key}, updated_at = {now}
                FROM (SELECT id, cover_image_key FROM users WHERE id = {userId} FOR UPDATE) AS old
                WHERE u.id = old.id
                RETURNING old.cover_image_key AS "Value"
                """)).ToListAsync(cancellationToken);
        return previous.Count == 0 ? null : new ReplacedFile(string.IsNullOrEmpty(previous[0]) ? null : previous[0]);
    }

    /// <summary>Counts and the caller's subscription are scalar sub-queries of the one user row.</summary>
    public Task<ChannelProfileDto?> FindChannelProfileAsync(string userName, Guid callerId,
        CancellationToken cancellationToken)
    {
        // Upper case, as Identity's normaliser stores it.
        cancellationToken.ThrowIfCancellationRequested();
        return compiled.ChannelProfile(db, userName.ToUpperInvariant(), callerId);
    }

    public async Task<IReadOnlyList<VideoDto>> ListWatchHistoryAsync(Guid userId, CancellationToken cancellationToken) =>
        await compiled.WatchHistory(db, userId).ToListAsync(cancellationToken);
}
