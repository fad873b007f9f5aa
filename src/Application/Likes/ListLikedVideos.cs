using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Likes;

public sealed class ListLikedVideosHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    /// <summary>The caller's liked videos, most recently liked first; unpublished videos of others stay hidden.</summary>
    public async Task<IReadOnlyList<VideoDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return await db.Likes.AsNoTracking()
            .Where(l => l.LikedById == userId && l.VideoId != null && (l.Video!.IsPublished || l.Video.OwnerId == userId))
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => l.Video!)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
