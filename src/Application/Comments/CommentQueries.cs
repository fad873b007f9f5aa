using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

internal static class CommentQueries
{
    public static IQueryable<CommentDto> ToDtos(this IQueryable<Comment> comments, IApplicationDbContext db, IMapper mapper,
        Guid callerId) =>
        comments.Select(c => new CommentRow
            {
                Comment = c,
                LikesCount = db.Likes.Count(l => l.CommentId == c.Id),
                IsLiked = db.Likes.Any(l => l.CommentId == c.Id && l.LikedById == callerId),
            })
            .ProjectTo<CommentDto>(mapper.ConfigurationProvider);

    public static Task<CommentDto> GetDtoAsync(this IApplicationDbContext db, IMapper mapper, Guid commentId,
        Guid callerId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.Id == commentId).ToDtos(db, mapper, callerId).SingleAsync(cancellationToken);
}
