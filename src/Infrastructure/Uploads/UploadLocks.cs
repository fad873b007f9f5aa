using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Uploads;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Uploads;

/// <summary>PostgreSQL row locks: <c>FOR UPDATE NOWAIT</c> fails at once (55P03) instead of queueing behind a PATCH.</summary>
public sealed class UploadLocks(ApplicationDbContext db) : IUploadLocks
{
    public async Task<Upload?> LockAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A row lock needs an open transaction");
        try
        {
            return await db.Uploads.FromSql($"SELECT * FROM uploads WHERE id = {uploadId} FOR UPDATE NOWAIT")
                .SingleOrDefaultAsync(cancellationToken);
        }
        // Npgsql counts 55P03 as transient, so EF's execution strategy hands it over wrapped in an InvalidOperationException.
        catch (Exception exception) when ((exception as PostgresException ?? exception.InnerException as PostgresException)
                                          ?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new ConflictException("Another request is writing this upload; ask for its offset (HEAD) and retry");
        }
    }
}
