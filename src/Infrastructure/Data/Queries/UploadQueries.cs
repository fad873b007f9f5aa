using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Uploads;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

/// <summary>PostgreSQL row locks: <c>FOR UPDATE NOWAIT</c> fails at once (55P03) instead of queueing behind a PATCH.</summary>
public sealed class UploadQueries(ApplicationDbContext db) : IUploadQueries
{
    public async Task<ILockedUpload> LockAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var upload = await db.Uploads.FromSql($"SELECT * FROM uploads WHERE id = {uploadId} FOR UPDATE NOWAIT")
                .SingleOrDefaultAsync(cancellationToken);
            return new LockedUpload(transaction, upload);
        }
        catch (Exception exception)
        {
            await transaction.DisposeAsync();
            if (DatabaseErrorTranslator.IsLockNotAvailable(exception))
                throw new ConflictException("Another request is writing this upload; ask for its offset (HEAD) and retry");
            throw;
        }
    }

    private sealed class LockedUpload(IDbContextTransaction transaction, Upload? upload) : ILockedUpload
    {
        public Upload? Upload => upload;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
