using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Likes;

public enum LikeTarget
{
    Video,
    Comment,
    Tweet,
}

public sealed record ToggleLikeCommand(LikeTarget Target, Guid TargetId);

public sealed record LikeStatusDto(bool IsLiked);

/// <summary>
/// Likes or unlikes a video, comment or tweet. chai-backend had no unique index, so concurrent toggles could like
/// twice (quirk 14). Here toggles by one user on one target take turns (<see cref="ILikeQueries.ToggleAsync"/>): the
/// end state follows the number of toggles and each reply says what that request did.
/// </summary>
public sealed class ToggleLikeHandler(IApplicationDbContext db, ILikeQueries likes, ICurrentUser currentUser)
{
    public async Task<LikeStatusDto> HandleAsync(ToggleLikeCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        // Unliking needs no visibility check: a like on a video that has since been unpublished can still be removed.
        var liked = await likes.ToggleAsync(command.Target, command.TargetId, userId,
            ct => EnsureTargetVisibleAsync(command, userId, ct), cancellationToken);
        return new LikeStatusDto(liked);
    }

    private async Task EnsureTargetVisibleAsync(ToggleLikeCommand command, Guid userId, CancellationToken cancellationToken)
    {
        var id = command.TargetId;
        switch (command.Target)
        {
            case LikeTarget.Video:
                await db.Videos.EnsureVisibleAsync(id, userId, cancellationToken);
                break;
            case LikeTarget.Comment:
                // A comment is only as visible as its video.
                if (!await db.Comments.Where(c => c.Id == id).Select(c => c.Video!).VisibleTo(userId)
                        .AnyAsync(cancellationToken))
                    throw NotFound(command.Target);
                break;
            default:
                if (!await db.Tweets.AnyAsync(t => t.Id == id, cancellationToken))
                    throw NotFound(command.Target);
                break;
        }
    }

    private static NotFoundException NotFound(LikeTarget target) => new($"{target} not found");
}
