using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed record UpdateTweetCommand(Guid TweetId, string? Content);

public sealed class UpdateTweetHandler(IApplicationDbContext db, ICurrentUser currentUser, ITweetQueries tweets)
{
    public async Task<TweetDto> HandleAsync(UpdateTweetCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var content = TextInput.Required(command.Content, "content", Tweet.MaxContentLength);
        var tweet = await db.Tweets.SingleOrDefaultAsync(t => t.Id == command.TweetId, cancellationToken)
                    ?? throw new NotFoundException("Tweet not found");
        if (tweet.OwnerId != userId)
            throw new ForbiddenException("You can only change your own tweets");

        tweet.Content = content;
        await db.SaveChangesAsync(cancellationToken);
        return await tweets.GetAsync(tweet.Id, userId, cancellationToken);
    }
}
