using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed record CreateTweetCommand(string? Content);

public sealed class CreateTweetHandler(IApplicationDbContext db, ICurrentUser currentUser, ITweetQueries tweets)
{
    public async Task<TweetDto> HandleAsync(CreateTweetCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var tweet = new Tweet
        {
            Content = TextInput.Required(command.Content, "content", Tweet.MaxContentLength),
            OwnerId = userId,
        };
        db.Tweets.Add(tweet);
        await db.SaveChangesAsync(cancellationToken);
        return await tweets.GetAsync(tweet.Id, userId, cancellationToken);
    }
}
