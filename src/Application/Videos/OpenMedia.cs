using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

public sealed record OpenMediaQuery(string Key);

/// <summary>
/// Opens a stored file for the /media route. Avatars and covers are public; a video's file and thumbnail are served
/// only while the caller may see the video (published, or their own), and never before the video row exists.
/// </summary>
public sealed class OpenMediaHandler(IApplicationDbContext db, ICurrentUser currentUser, IMediaStorage storage)
{
    private const string NotFoundMessage = "Media not found";

    public async Task<MediaContent> HandleAsync(OpenMediaQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key;
        if (key.StartsWith(VideoMedia.HlsFolder + "/", StringComparison.Ordinal))
        {
            var videoId = VideoMedia.VideoIdOfRendition(key) ?? throw new NotFoundException(NotFoundMessage);
            if (!await db.Videos.VisibleTo(currentUser.UserId).AnyAsync(v => v.Id == videoId, cancellationToken))
                throw new NotFoundException(NotFoundMessage);
        }
        else if (VideoMedia.IsVideoMediaKey(key))
        {
            var callerId = currentUser.UserId;
            var visible = await db.Videos.VisibleTo(callerId)
                .AnyAsync(v => v.VideoFileKey == key || v.ThumbnailKey == key, cancellationToken);
            if (!visible)
                throw new NotFoundException(NotFoundMessage);
        }
        return await storage.OpenReadAsync(key, cancellationToken) ?? throw new NotFoundException(NotFoundMessage);
    }
}
