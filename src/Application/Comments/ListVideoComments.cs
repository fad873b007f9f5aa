using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Comments;

public sealed record ListVideoCommentsQuery(Guid VideoId, PageRequest Page);

public sealed class ListVideoCommentsHandler(IApplicationDbContext db, ICommentQueries comments, ICurrentUser currentUser)
{
    public async Task<PaginatedList<CommentDto>> HandleAsync(ListVideoCommentsQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await db.Videos.EnsureVisibleAsync(query.VideoId, userId, cancellationToken);
        return await comments.ListAsync(query.VideoId, userId, query.Page, cancellationToken);
    }
}
