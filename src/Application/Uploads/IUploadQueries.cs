using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <summary>
/// The PostgreSQL-specific part of uploads: row locks, so two requests (on any API instances) never write one upload
/// at the same time. The lock lives in a transaction of the request's unit of work (<c>IApplicationDbContext</c>), so
/// everything saved before <see cref="ILockedUpload.CommitAsync"/> commits with it, and it ends with the transaction,
/// also when an instance dies mid-request.
/// </summary>
public interface IUploadQueries
{
    /// <summary>
    /// Opens a transaction and locks the upload's row in it (tracked, for a change). Throws a
    /// <see cref="Common.Exceptions.ConflictException"/> at once (no waiting) when another request holds it.
    /// </summary>
    Task<ILockedUpload> LockAsync(Guid uploadId, CancellationToken cancellationToken);
}

/// <summary>A locked upload; disposing without <see cref="CommitAsync"/> rolls back and releases the lock.</summary>
public interface ILockedUpload : IAsyncDisposable
{
    /// <summary>Null when the upload does not exist.</summary>
    Upload? Upload { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
