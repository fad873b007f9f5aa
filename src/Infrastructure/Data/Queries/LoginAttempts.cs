using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using VideoTube.Infrastructure.Identity;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// The login throttle's counters. Checks for one account take turns under a transaction advisory lock,
/// and a failure is ONE upsert per key, so N parallel guesses get at most the limit of verdicts: Identity's
/// read-modify-write of <c>access_failed_count</c> lost increments when requests conflicted on the user row.
/// </summary>
public sealed class LoginAttempts(ApplicationDbContext db)
{
    /// <summary>Begins the transaction that holds the key's lock until it commits or is disposed.</summary>
    public async Task<IDbContextTransaction> LockAsync(string key, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockForTransactionAsync("login:" + key, cancellationToken);
        return transaction;
    }

    /// <summary>Failures counted for the key in the current window, and when that window began.</summary>
    public async Task<(int Failures, DateTime WindowStartedAt)> CountAsync(string key, DateTime now, TimeSpan window,
        CancellationToken cancellationToken)
    {
        var current = await db.Set<LoginAttempt>().AsNoTracking()
            .Where(a => a.Key == key && a.WindowStartedAt >= now - window)
            .FirstOrDefaultAsync(cancellationToken);
        return current is null ? (0, now) : (current.Attempts, current.WindowStartedAt);
    }

    /// <summary>Counts a failure for the key and returns the count in the current window and when the window began.</summary>
    public async Task<(int Attempts, DateTime WindowStartedAt)> ClaimAsync(string key, DateTime now, TimeSpan window,
        CancellationToken cancellationToken)
    {
        var expiredBefore = now - window;
        var rows = await db.Set<LoginAttempt>().FromSql($"""
            INSERT INTO login_attempts AS a (key, attempts, window_started_at) VALUES ({key}, 1, {now})
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN a.window_started_at < {expiredBefore} THEN 1 ELSE a.attempts + 1 END,
                window_started_at = CASE WHEN a.window_started_at < {expiredBefore} THEN {now} ELSE a.window_started_at END
            RETURNING a.key, a.attempts, a.window_started_at
            """).AsNoTracking().ToListAsync(cancellationToken);
        return (rows[0].Attempts, rows[0].WindowStartedAt);
    }

    /// <summary>A successful login clears its keys' counts.</summary>
    public Task ResetAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.Set<LoginAttempt>().Where(a => keys.Contains(a.Key)).ExecuteDeleteAsync(cancellationToken);
}
