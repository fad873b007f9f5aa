using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Common;

namespace VideoTube.Application.Common.Posts;

/// <summary>Deletes a tweet or a comment (DELETE /tweets/{id}, DELETE /comments/c/{id}).</summary>
public sealed record DeletePostCommand<TPost>(Guid PostId) where TPost : IPost<TPost>;

/// <summary>
/// Deleting a tweet and deleting a comment are one use case: 404 when missing, 403 unless the caller may delete it
/// (<see cref="IPost{TSelf}.DeletableBy"/>), then one DELETE. Its likes go with it: the foreign key cascades.
/// </summary>
public sealed class DeletePostHandler<TPost>(IApplicationDbContext db, ICurrentUser currentUser)
    where TPost : Entity, IPost<TPost>
{
    public async Task HandleAsync(DeletePostCommand<TPost> command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var post = db.Set<TPost>().Where(p => p.Id == command.PostId);
        var allowed = await post.Select(TPost.DeletableBy(userId)).ToListAsync(cancellationToken);
        if (allowed.Count == 0)
            throw new NotFoundException(PostNames<TPost>.NotFound);
        if (!allowed[0])
            throw new ForbiddenException($"You may not delete this {PostNames<TPost>.Singular}");
        await post.ExecuteDeleteAsync(cancellationToken);
    }
}
