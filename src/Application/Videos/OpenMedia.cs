using VideoTube.Application.Common.Access;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

public sealed record OpenMediaQuery(string Key);

/// <summary>An opened file; <see cref="IsPublic"/> is false for a draft's files, which no shared cache may keep.</summary>
public sealed record OpenedMedia(MediaContent Media, bool IsPublic);

/// <summary>
/// Opens a stored file for the /media route. Avatars and covers are public; a video's file and thumbnail are served
/// only while the caller may see the video (published, or their own), and never before the video row exists.
/// </summary>
public sealed class OpenMediaHandler(IApplicationDbContext db, ICurrentUser currentUser, IMediaStorage storage)
{
    private const string NotFoundMessage = "Media not found";

    public async Task<OpenedMedia> HandleAsync(OpenMediaQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key;
        var isPublic = true;
        if (VideoMedia.IsVideoMediaKey(key))
        {
            var callerId = currentUser.UserId;
            var published = await db.Videos.VisibleTo(callerId)
                .Where(v => v.VideoFileKey == key || v.ThumbnailKey == key)
                .Select(v => (bool?)v.IsPublished)
                .FirstOrDefaultAsync(cancellationToken);
            isPublic = published ?? throw new NotFoundException(NotFoundMessage);
        }
        var media = await storage.OpenReadAsync(key, cancellationToken) ?? throw new NotFoundException(NotFoundMessage);
        return new OpenedMedia(media, isPublic);
    }
}
