using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Common.Access;

public static class VideoAccess
{
    /// <summary>
    /// 404 unless the video exists and the caller may see it: published, or their own. An unpublished video of
    /// someone else answers exactly like a missing one, so its existence does not leak.
    /// </summary>
    public static async Task EnsureVisibleAsync(this IQueryable<Video> videos, Guid videoId, Guid userId,
        CancellationToken cancellationToken)
    {
        if (!await videos.AnyAsync(v => v.Id == videoId && (v.IsPublished || v.OwnerId == userId), cancellationToken))
            throw new NotFoundException("Video not found");
    }
}
