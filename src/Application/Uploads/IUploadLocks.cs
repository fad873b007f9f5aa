using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <summary>
/// Row locks on uploads, so two requests (on any API instances) never write one upload at the same time. The lock
/// lives in the caller's open transaction and ends with it, also when an instance dies mid-request.
/// </summary>
public interface IUploadLocks
{
    /// <summary>
    /// The upload, tracked and locked for the current transaction; null when it does not exist. Throws a
    /// <see cref="Common.Exceptions.ConflictException"/> at once (no waiting) when another request holds it.
    /// </summary>
    Task<Upload?> LockAsync(Guid uploadId, CancellationToken cancellationToken);
}
