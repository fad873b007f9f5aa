using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// One ExecuteUpdate per counter family, each setting the counters to correlated COUNT/SUM sub-queries and touching
/// only rows where one differs, so a healthy database is read but not written.
/// </summary>
public sealed class CounterRepair(ApplicationDbContext db, ILogger<CounterRepair> logger) : ICounterRepair
{
    private const int MaxAttempts = 5;

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        // Targets first, owners last: users' totals count likes directly, so the order only keeps the log readable.
        var corrected = 0;
        corrected += await RunAsync("videos", RepairVideosAsync, cancellationToken);
        corrected += await RunAsync("comments", RepairCommentsAsync, cancellationToken);
        corrected += await RunAsync("tweets", RepairTweetsAsync, cancellationToken);
        corrected += await RunAsync("users", RepairUsersAsync, cancellationToken);
        corrected += await RunAsync("catalogue", RepairCatalogueAsync, cancellationToken);
        logger.LogInformation("Counter repair corrected {Rows} rows", corrected);
        return corrected;
    }

    /// <summary>
    /// REPEATABLE READ, because under READ COMMITTED a row changed by a concurrent like after the statement's snapshot
    /// would be re-checked but still get the count of the old snapshot, so the repair itself would write a wrong
    /// value. Here that row fails with a serialization error instead, and the family is run again. Inside a caller's
    /// transaction (the seeder's load) the caller owns the isolation.
    /// </summary>
    private async Task<int> RunAsync(string family, Func<CancellationToken, Task<int>> repair,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return Logged(family, await repair(cancellationToken));
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead,
                cancellationToken);
            try
            {
                var rows = await repair(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Logged(family, rows);
            }
            catch (Exception exception) when (attempt < MaxAttempts && DatabaseErrorTranslator.IsRetryableConflict(exception))
            {
                logger.LogDebug("Counter repair of {Family} met a concurrent write; retrying", family);
            }
        }
    }

    private int Logged(string family, int rows)
    {
        if (rows > 0)
            logger.LogWarning("Counter repair corrected {Rows} {Family} rows", rows, family);
        return rows;
    }

    private Task<int> RepairVideosAsync(CancellationToken cancellationToken) =>
        db.Videos
            .Where(v => v.LikesCount != v.Likes.LongCount() || v.CommentsCount != v.Comments.LongCount())
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.LikesCount, v => v.Likes.LongCount())
                .SetProperty(v => v.CommentsCount, v => v.Comments.LongCount()), cancellationToken);

    private Task<int> RepairCommentsAsync(CancellationToken cancellationToken) =>
        db.Comments
            .Where(c => c.LikesCount != c.Likes.LongCount())
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LikesCount, c => c.Likes.LongCount()), cancellationToken);

    private Task<int> RepairTweetsAsync(CancellationToken cancellationToken) =>
        db.Tweets
            .Where(t => t.LikesCount != t.Likes.LongCount())
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LikesCount, t => t.Likes.LongCount()), cancellationToken);

    private Task<int> RepairUsersAsync(CancellationToken cancellationToken) =>
        db.Users
            .Where(u => u.SubscribersCount != u.Subscribers.LongCount()
                        || u.SubscriptionsCount != u.Subscriptions.LongCount()
                        || u.VideosCount != u.Videos.LongCount()
                        || u.PublishedVideosCount != u.Videos.LongCount(v => v.IsPublished)
                        || u.TotalViews != u.Videos.Sum(v => v.Views)
                        || u.TotalLikes != u.Videos.SelectMany(v => v.Likes).LongCount())
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.SubscribersCount, u => u.Subscribers.LongCount())
                .SetProperty(u => u.SubscriptionsCount, u => u.Subscriptions.LongCount())
                .SetProperty(u => u.VideosCount, u => u.Videos.LongCount())
                .SetProperty(u => u.PublishedVideosCount, u => u.Videos.LongCount(v => v.IsPublished))
                .SetProperty(u => u.TotalViews, u => u.Videos.Sum(v => v.Views))
                .SetProperty(u => u.TotalLikes, u => u.Videos.SelectMany(v => v.Likes).LongCount()), cancellationToken);

    private Task<int> RepairCatalogueAsync(CancellationToken cancellationToken) =>
        db.CatalogueCounters
            .Where(c => c.PublishedVideos != db.Videos.LongCount(v => v.IsPublished))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.PublishedVideos, c => db.Videos.LongCount(v => v.IsPublished)),
                cancellationToken);
}
