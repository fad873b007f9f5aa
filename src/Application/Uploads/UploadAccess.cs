using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <summary>Who may touch an upload, and when it is too late to.</summary>
internal static class UploadAccess
{
    public const string NotFoundMessage = "Upload not found";

    /// <summary>
    /// Someone else's upload is reported as missing, not forbidden, so upload ids cannot be probed. An expired one is
    /// gone (410) until the cleanup removes its row, after which it is simply unknown (404).
    /// </summary>
    public static Upload EnsureUsable(Upload? upload, Guid callerId, DateTime now)
    {
        if (upload is null || upload.OwnerId != callerId)
            throw new NotFoundException(NotFoundMessage);
        if (!upload.IsComplete && upload.ExpiresAt <= now)
            throw new GoneException("Upload has expired");
        return upload;
    }
}
