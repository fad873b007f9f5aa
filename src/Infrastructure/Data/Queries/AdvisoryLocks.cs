using Microsoft.EntityFrameworkCore;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// PostgreSQL transaction-scoped advisory locks: serialise the requests that act on one (user, target) pair without
/// locking any row others need. Released at commit or rollback, so an aborted request cannot leave one behind.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Blocks until this transaction holds the lock named by <paramref name="key"/> (hashed to 64 bits).</summary>
    public static Task LockForTransactionAsync(this ApplicationDbContext db, string key,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
}
