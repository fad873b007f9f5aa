using AutoMapper;
using AutoMapper.QueryableExtensions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Dashboard;

public sealed record ListChannelVideosQuery(PageRequest Page);

public sealed class ListChannelVideosHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    /// <summary>All of the caller's videos, unpublished ones included, newest first.</summary>
    public Task<PaginatedList<ChannelVideoDto>> HandleAsync(ListChannelVideosQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return db.Videos
            .Where(v => v.OwnerId == userId)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .Select(v => new ChannelVideoRow
            {
                Video = v,
                LikesCount = db.Likes.Count(l => l.VideoId == v.Id),
                CommentsCount = db.Comments.Count(c => c.VideoId == v.Id),
            })
            .ProjectTo<ChannelVideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(query.Page, cancellationToken);
    }
}
