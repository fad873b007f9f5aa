using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Comments;
using VideoTube.Application.Common.Models;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class CommentQueries(ApplicationDbContext db, IMapper mapper) : ICommentQueries
{
    public Task<PaginatedList<CommentDto>> ListAsync(Guid videoId, Guid callerId, PageRequest page,
        CancellationToken cancellationToken) =>
        ToDtos(db.Comments.AsNoTracking()
                .Where(c => c.VideoId == videoId)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id), callerId)
            .ToPaginatedListAsync(page, cancellationToken);

    public Task<CommentDto> GetAsync(Guid commentId, Guid callerId, CancellationToken cancellationToken) =>
        ToDtos(db.Comments.AsNoTracking().Where(c => c.Id == commentId), callerId).SingleAsync(cancellationToken);

    private IQueryable<CommentDto> ToDtos(IQueryable<Comment> comments, Guid callerId) =>
        comments.Select(c => new CommentRow
            {
                Comment = c,
                LikesCount = db.Likes.Count(l => l.CommentId == c.Id),
                IsLiked = db.Likes.Any(l => l.CommentId == c.Id && l.LikedById == callerId),
            })
            .ProjectTo<CommentDto>(mapper.ConfigurationProvider);
}
