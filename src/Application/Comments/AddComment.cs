using FluentValidation;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Comments;

public sealed record AddCommentCommand(Guid VideoId, string? Content);

public sealed class AddCommentValidator : CommandValidator<AddCommentCommand>
{
    public AddCommentValidator() =>
        RuleFor(c => c.Content).RequiredText("content").ValidText("content", Comment.MaxContentLength);
}

public sealed class AddCommentHandler(IApplicationDbContext db, ICurrentUser currentUser, ICommentQueries comments,
    IValidator<AddCommentCommand> validator)
{
    public async Task<CommentDto> HandleAsync(AddCommentCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        await db.Videos.EnsureVisibleAsync(command.VideoId, userId, cancellationToken);

        var comment = new Comment { Content = command.Content!.Trim(), VideoId = command.VideoId, OwnerId = userId };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        // A delete of the video may cascade the new comment away before this read: that is the video's 404, not a 500.
        return await comments.GetAsync(comment.Id, userId, cancellationToken)
               ?? throw new NotFoundException(VideoAccess.NotFoundMessage);
    }
}
