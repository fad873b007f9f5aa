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
/// twice (quirk 14). Here the partial unique indexes hold one like per user and target, and the insert is idempotent
/// (<see cref="ILikeQueries.AddAsync"/>), so a race ends with zero or one row and never surfaces as a 500.
/// </summary>
public sealed class ToggleLikeHandler(IApplicationDbContext db, ILikeQueries likes, ICurrentUser currentUser)
{
    public async Task<LikeStatusDto> HandleAsync(ToggleLikeCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        // Unliking needs no visibility check: a like on a video that has since been unpublished can still be removed.
        if (await ExistingLike(command, userId).ExecuteDeleteAsync(cancellationToken) > 0)
            return new LikeStatusDto(false);

        await EnsureTargetVisibleAsync(command, userId, cancellationToken);
        // A concurrent toggle may have inserted it first: either way the caller now likes it.
        await likes.AddAsync(command.Target, command.TargetId, userId, cancellationToken);
        return new LikeStatusDto(true);
    }

    private IQueryable<Like> ExistingLike(ToggleLikeCommand command, Guid userId) => command.Target switch
    {
        LikeTarget.Video => db.Likes.Where(l => l.LikedById == userId && l.VideoId == command.TargetId),
        LikeTarget.Comment => db.Likes.Where(l => l.LikedById == userId && l.CommentId == command.TargetId),
        _ => db.Likes.Where(l => l.LikedById == userId && l.TweetId == command.TargetId),
    };

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
