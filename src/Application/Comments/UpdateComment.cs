using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

public sealed record UpdateCommentCommand(Guid CommentId, string? Content);

public sealed class UpdateCommentHandler(IApplicationDbContext db, ICurrentUser currentUser, ICommentQueries comments)
{
    public async Task<CommentDto> HandleAsync(UpdateCommentCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var content = TextInput.Required(command.Content, "content", Comment.MaxContentLength);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == command.CommentId, cancellationToken)
                      ?? throw new NotFoundException("Comment not found");
        if (comment.OwnerId != userId)
            throw new ForbiddenException("You can only edit your own comments");

        comment.Content = content;
        await db.SaveChangesAsync(cancellationToken);
        return await comments.GetAsync(comment.Id, userId, cancellationToken);
    }
}
