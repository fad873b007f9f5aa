using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// Per counter family, two steps: a read finds the rows whose counters differ from their correlated COUNT/SUM
/// sub-queries, then one ExecuteUpdate per batch of those rows sets them, re-checking the difference. A healthy
/// database is only read, and the long read takes no row locks, so it never collides with the API's writes.
/// </summary>
public sealed class CounterRepair(ApplicationDbContext db, ILogger<CounterRepair> logger) : ICounterRepair
{
    private const int MaxAttempts = 5;
    private const int BatchSize = 10_000;

    private static readonly Expression<Func<Video, bool>> VideoIsWrong = v =>
        v.LikesCount != v.Likes.LongCount() || v.CommentsCount != v.Comments.LongCount();

    private static readonly Expression<Func<Comment, bool>> CommentIsWrong = c => c.LikesCount != c.Likes.LongCount();

    private static readonly Expression<Func<Tweet, bool>> TweetIsWrong = t => t.LikesCount != t.Likes.LongCount();

    private static readonly Expression<Func<User, bool>> UserIsWrong = u =>
        u.SubscribersCount != u.Subscribers.LongCount()
        || u.SubscriptionsCount != u.Subscriptions.LongCount()
        || u.VideosCount != u.Videos.LongCount()
        || u.PublishedVideosCount != u.Videos.LongCount(v => v.IsPublished)
        || u.TotalViews != u.Videos.Sum(v => v.Views)
        || u.TotalLikes != u.Videos.SelectMany(v => v.Likes).LongCount();

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        // The finding reads scan whole tables (minutes at the seeder's largest scale): no request-sized timeout here.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        var corrected = 0;
        corrected += await RepairFamilyAsync("videos", db.Videos.Where(VideoIsWrong).Select(v => v.Id),
            (ids, ct) => db.Videos.Where(v => ids.Contains(v.Id)).Where(VideoIsWrong)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.LikesCount, v => v.Likes.LongCount())
                    .SetProperty(v => v.CommentsCount, v => v.Comments.LongCount()), ct),
            cancellationToken);
        corrected += await RepairFamilyAsync("comments", db.Comments.Where(CommentIsWrong).Select(c => c.Id),
            (ids, ct) => db.Comments.Where(c => ids.Contains(c.Id)).Where(CommentIsWrong)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LikesCount, c => c.Likes.LongCount()), ct),
            cancellationToken);
        corrected += await RepairFamilyAsync("tweets", db.Tweets.Where(TweetIsWrong).Select(t => t.Id),
            (ids, ct) => db.Tweets.Where(t => ids.Contains(t.Id)).Where(TweetIsWrong)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LikesCount, t => t.Likes.LongCount()), ct),
            cancellationToken);
        corrected += await RepairFamilyAsync("users", db.Users.Where(UserIsWrong).Select(u => u.Id),
            (ids, ct) => db.Users.Where(u => ids.Contains(u.Id)).Where(UserIsWrong)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(u => u.SubscribersCount, u => u.Subscribers.LongCount())
                    .SetProperty(u => u.SubscriptionsCount, u => u.Subscriptions.LongCount())
                    .SetProperty(u => u.VideosCount, u => u.Videos.LongCount())
                    .SetProperty(u => u.PublishedVideosCount, u => u.Videos.LongCount(v => v.IsPublished))
                    .SetProperty(u => u.TotalViews, u => u.Videos.Sum(v => v.Views))
                    .SetProperty(u => u.TotalLikes, u => u.Videos.SelectMany(v => v.Likes).LongCount()), ct),
            cancellationToken);
        var catalogue = await WithRetryAsync(ct => db.CatalogueCounters
            .Where(c => c.PublishedVideos != db.Videos.LongCount(v => v.IsPublished))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.PublishedVideos, c => db.Videos.LongCount(v => v.IsPublished)), ct),
            cancellationToken);
        corrected += Logged("catalogue", catalogue);
        logger.LogInformation("Counter repair corrected {Rows} rows", corrected);
        return corrected;
    }

    private async Task<int> RepairFamilyAsync(string family, IQueryable<Guid> wrongIds,
        Func<List<Guid>, CancellationToken, Task<int>> correct, CancellationToken cancellationToken)
    {
        var ids = await wrongIds.ToListAsync(cancellationToken);
        var corrected = 0;
        foreach (var batch in ids.Chunk(BatchSize))
            corrected += await WithRetryAsync(ct => correct([.. batch], ct), cancellationToken);
        return Logged(family, corrected);
    }

    /// <summary>
    /// REPEATABLE READ, because under READ COMMITTED a row changed by a concurrent like after the statement's snapshot
    /// would be re-checked but still get the count of the old snapshot, so the repair itself would write a wrong
    /// value. Here that row fails with a serialization error instead, and the batch is run again. Inside a caller's
    /// transaction the caller owns the isolation.
    /// </summary>
    private async Task<int> WithRetryAsync(Func<CancellationToken, Task<int>> statement, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await statement(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead,
                cancellationToken);
            try
            {
                var rows = await statement(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return rows;
            }
            catch (Exception exception) when (attempt < MaxAttempts && DatabaseErrorTranslator.IsRetryableConflict(exception))
            {
                logger.LogDebug(exception, "Counter repair met a concurrent write; retrying the batch");
            }
        }
    }

    private int Logged(string family, int rows)
    {
        if (rows > 0)
            logger.LogWarning("Counter repair corrected {Rows} {Family} rows", rows, family);
        return rows;
    }
}
