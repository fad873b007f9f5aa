using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Comments;

/// <summary>Comments with their owners and like figures; each ONE statement.</summary>
public interface ICommentQueries
{
    /// <summary>Newest first.</summary>
    Task<PaginatedList<CommentDto>> ListAsync(Guid videoId, Guid callerId, PageRequest page,
        CancellationToken cancellationToken);

    Task<CommentDto> GetAsync(Guid commentId, Guid callerId, CancellationToken cancellationToken);
}
