using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <summary>
/// The PostgreSQL-specific part of uploads: claims, so two requests (on any API instances) never write one upload at
/// the same time. A claim is held for a whole request, including however long its client takes to send the body, so
/// it lives on a connection of its own (<c>Uploads:MaxConcurrentWrites</c> of them per instance), never on one of the
/// request pool's: slow uploads cannot starve the reads. It ends with that connection, also when an instance dies.
/// </summary>
public interface IUploadQueries
{
    /// <summary>
    /// Claims the upload and reads it (tracked, for a change). Throws a <see cref="Common.Exceptions.ConflictException"/>
    /// at once (no waiting) when another request holds it.
    /// </summary>
    Task<IClaimedUpload> ClaimAsync(Guid uploadId, CancellationToken cancellationToken);
}

/// <summary>A claimed upload; disposing releases the claim. Nothing is written until <see cref="SaveAsync"/>.</summary>
public interface IClaimedUpload : IAsyncDisposable
{
    /// <summary>Null when the upload does not exist.</summary>
    Upload? Upload { get; }

    /// <summary>
    /// Saves the unit of work's changes in one short transaction, after running <paramref name="alsoInTransaction"/> in
    /// it (writes that must commit or roll back with the upload's, such as the video it became and its queued job).
    /// </summary>
    Task SaveAsync(Func<Task>? alsoInTransaction, CancellationToken cancellationToken);
}
