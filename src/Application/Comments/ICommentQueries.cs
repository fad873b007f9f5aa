using VideoTube.Application.Common.Models;
using VideoTube.Application.Common.Posts;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

/// <summary>Comments with their owners and like figures; each ONE statement.</summary>
public interface ICommentQueries : IPostReader<Comment, CommentDto>
{
    /// <summary>Newest first.</summary>
    Task<PaginatedList<CommentDto>> ListAsync(Guid videoId, Guid callerId, PageRequest page,
        CancellationToken cancellationToken);
}
