using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Access;

public static class VideoAccess
{
    /// <summary>
    /// The videos a caller may see: published ones and their own drafts. The one statement of the rule for queries over
    /// videos; queries reaching videos through a navigation (likes, history, playlists) spell it out inline.
    /// </summary>
    public static IQueryable<Video> VisibleTo(this IQueryable<Video> videos, Guid? callerId) =>
        videos.Where(v => v.IsPublished || v.OwnerId == callerId);

    /// <summary>
    /// 404 unless the video exists and the caller may see it: published, or their own. An unpublished video of
    /// someone else answers exactly like a missing one, so its existence does not leak.
    /// </summary>
    public static async Task EnsureVisibleAsync(this IQueryable<Video> videos, Guid videoId, Guid userId,
        CancellationToken cancellationToken)
    {
        if (!await videos.VisibleTo(userId).AnyAsync(v => v.Id == videoId, cancellationToken))
            throw new NotFoundException("Video not found");
    }
}
