using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Comments;

public sealed record DeleteCommentCommand(Guid CommentId);

public sealed class DeleteCommentHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    /// <summary>The comment's author may delete it, and so may the video's owner, who moderates their channel.</summary>
    public async Task HandleAsync(DeleteCommentCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var owners = await db.Comments.Where(c => c.Id == command.CommentId)
                         .Select(c => new { c.OwnerId, VideoOwnerId = c.Video!.OwnerId })
                         .SingleOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Comment not found");
        if (owners.OwnerId != userId && owners.VideoOwnerId != userId)
            throw new ForbiddenException("You can only delete your own comments or comments on your videos");

        // Its likes go with it: the foreign key cascades.
        await db.Comments.Where(c => c.Id == command.CommentId).ExecuteDeleteAsync(cancellationToken);
    }
}
