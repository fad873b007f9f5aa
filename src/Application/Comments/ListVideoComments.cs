using AutoMapper;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.Application.Comments;

public sealed record ListVideoCommentsQuery(Guid VideoId, PageRequest Page);

public sealed class ListVideoCommentsHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<PaginatedList<CommentDto>> HandleAsync(ListVideoCommentsQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await db.Videos.EnsureVisibleAsync(query.VideoId, userId, cancellationToken);

        return await db.Comments.AsNoTracking()
            .Where(c => c.VideoId == query.VideoId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToDtos(db, mapper, userId)
            .ToPaginatedListAsync(query.Page, cancellationToken);
    }
}
