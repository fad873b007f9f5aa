using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Uploads;

public sealed record DeleteUploadCommand(Guid UploadId);

/// <summary>
/// tus Termination: removes an upload and its stored parts. A finished upload's video is not touched (that is
/// DELETE /api/v1/videos/{id}). While a PATCH is writing the upload the delete is refused with 409, never waits.
/// </summary>
public sealed class DeleteUploadHandler(IApplicationDbContext db, ICurrentUser currentUser, IUploadQueries uploads,
    IMediaStorage storage, ILogger<DeleteUploadHandler> logger)
{
    public async Task HandleAsync(DeleteUploadCommand command, CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        string[] parts;
        await using (var claimed = await uploads.ClaimAsync(command.UploadId, cancellationToken))
        {
            var upload = claimed.Upload;
            if (upload is null || upload.OwnerId != callerId)
                throw new NotFoundException(UploadAccess.NotFoundMessage);
            parts = [.. upload.PartKeys];
            db.Uploads.Remove(upload);
            await claimed.SaveAsync(null, cancellationToken);
        }
        await storage.DeleteQuietlyAsync(logger, parts);
    }
}
