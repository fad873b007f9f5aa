using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Comments;
using VideoTube.Application.Common.Models;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class CommentQueries(ApplicationDbContext db, IMapper mapper) : ICommentQueries
{
    public Task<PaginatedList<CommentDto>> ListAsync(Guid videoId, Guid callerId, PageRequest page,
        CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking()
            .Where(c => c.VideoId == videoId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ProjectTo<CommentDto>(mapper.ConfigurationProvider, new { callerId })
            .ToPaginatedListWithTotalAsync(db.Videos.Where(v => v.Id == videoId).Select(v => v.CommentsCount), page,
                cancellationToken);

    public Task<CommentDto?> GetAsync(Guid postId, Guid callerId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.Id == postId)
            .ProjectTo<CommentDto>(mapper.ConfigurationProvider, new { callerId })
            .SingleOrDefaultAsync(cancellationToken);
}
