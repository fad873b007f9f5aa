using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Tweets;

public sealed record DeleteTweetCommand(Guid TweetId);

public sealed class DeleteTweetHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    public async Task HandleAsync(DeleteTweetCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var owner = await db.Tweets.Where(t => t.Id == command.TweetId).Select(t => (Guid?)t.OwnerId)
                        .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Tweet not found");
        if (owner != userId)
            throw new ForbiddenException("You can only delete your own tweets");

        // Its likes go with it: the foreign key cascades.
        await db.Tweets.Where(t => t.Id == command.TweetId).ExecuteDeleteAsync(cancellationToken);
    }
}
