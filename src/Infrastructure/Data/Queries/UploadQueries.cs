using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Uploads;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>
/// Upload claims are PostgreSQL session advisory locks, taken with <c>pg_try_advisory_lock</c> (so a second writer
/// gets 409 at once instead of queueing) on a connection of <see cref="ClaimsDataSourceKey"/>'s pool. The upload's own
/// row is read and written through the request's unit of work, on the request pool, only for as long as that takes.
/// </summary>
public sealed class UploadQueries(ApplicationDbContext db,
    [FromKeyedServices(UploadQueries.ClaimsDataSourceKey)] NpgsqlDataSource claims) : IUploadQueries
{
    /// <summary>The service key of the data source whose connections hold upload claims.</summary>
    public const string ClaimsDataSourceKey = "upload-claims";

    /// <summary>The advisory lock key of the upload whose id <paramref name="uploadIdSql"/> names, as SQL.</summary>
    internal static string ClaimKeyOf(string uploadIdSql) => $"hashtextextended('upload:' || {uploadIdSql}::text, 0)";

    private static readonly string ClaimSql = $"SELECT pg_try_advisory_lock({ClaimKeyOf("$1")})";

    public async Task<IClaimedUpload> ClaimAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var connection = await claims.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var claim = new NpgsqlCommand(ClaimSql, connection))
            {
                claim.Parameters.Add(new NpgsqlParameter { Value = uploadId });
                if (await claim.ExecuteScalarAsync(cancellationToken) is not true)
                    throw new ConflictException("Another request is writing this upload; ask for its offset (HEAD) and retry");
            }
            // Held, the claim commits the request to keep what the client sends even if it leaves (AppendToUpload):
            // were this read cancelled by the client's disconnect, the bytes already received would be dropped.
            var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == uploadId, CancellationToken.None);
            return new ClaimedUpload(db, connection, upload);
        }
        catch
        {
            await ClaimedUpload.ReleaseAsync(connection);
            throw;
        }
    }

    private sealed class ClaimedUpload(ApplicationDbContext db, NpgsqlConnection claim, Upload? upload) : IClaimedUpload
    {
        public Upload? Upload => upload;

        public async Task SaveAsync(Func<Task>? alsoInTransaction, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (alsoInTransaction is not null)
                await alsoInTransaction();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => new(ReleaseAsync(claim));

        /// <summary>
        /// Unlocks before the connection goes back to its pool, where a lock would outlive the request. If that fails,
        /// the connection is discarded instead of pooled: its PostgreSQL session, and the lock, end with it.
        /// </summary>
        public static async Task ReleaseAsync(NpgsqlConnection connection)
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                NpgsqlConnection.ClearPool(connection);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
