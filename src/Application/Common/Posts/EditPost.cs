using FluentValidation;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Common;

namespace VideoTube.Application.Common.Posts;

/// <summary>Replaces a tweet's or a comment's content (PATCH /tweets/{id}, PATCH /comments/c/{id}).</summary>
public sealed record EditPostCommand<TPost>(Guid PostId, string? Content) where TPost : IPost<TPost>;

public sealed class EditPostValidator<TPost> : CommandValidator<EditPostCommand<TPost>> where TPost : IPost<TPost>
{
    public EditPostValidator() =>
        RuleFor(c => c.Content).RequiredText("content").ValidText("content", TPost.ContentLimit);
}

/// <summary>
/// Editing a tweet and editing a comment are one use case: validate the content, load the post for its owner (404,
/// then 403), replace the content, and return the post as its list shows it.
/// </summary>
public sealed class EditPostHandler<TPost, TDto>(IApplicationDbContext db, ICurrentUser currentUser,
    IPostReader<TPost, TDto> posts, IValidator<EditPostCommand<TPost>> validator)
    where TPost : Entity, IPost<TPost>
{
    public async Task<TDto> HandleAsync(EditPostCommand<TPost> command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        var post = await db.Set<TPost>().GetOwnedAsync(command.PostId, userId, PostNames<TPost>.NotFound,
            $"You can only change your own {PostNames<TPost>.Plural}", cancellationToken);

        post.Content = command.Content!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return await posts.GetAsync(post.Id, userId, cancellationToken)
               ?? throw new NotFoundException(PostNames<TPost>.NotFound);
    }
}
