using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

public sealed record AddCommentCommand(Guid VideoId, string? Content);

public sealed class AddCommentHandler(IApplicationDbContext db, ICurrentUser currentUser, ICommentQueries comments)
{
    public async Task<CommentDto> HandleAsync(AddCommentCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var content = TextInput.Required(command.Content, "content", Comment.MaxContentLength);
        await db.Videos.EnsureVisibleAsync(command.VideoId, userId, cancellationToken);

        var comment = new Comment { Content = content, VideoId = command.VideoId, OwnerId = userId };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return await comments.GetAsync(comment.Id, userId, cancellationToken);
    }
}
