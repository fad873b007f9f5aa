using FluentValidation;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Validation;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

public sealed record CreateTweetCommand(string? Content);

public sealed class CreateTweetValidator : CommandValidator<CreateTweetCommand>
{
    public CreateTweetValidator() =>
        RuleFor(c => c.Content).RequiredText("content").ValidText("content", Tweet.MaxContentLength);
}

public sealed class CreateTweetHandler(IApplicationDbContext db, ICurrentUser currentUser, ITweetQueries tweets,
    IValidator<CreateTweetCommand> validator)
{
    public async Task<TweetDto> HandleAsync(CreateTweetCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        var tweet = new Tweet
        {
            Content = command.Content!.Trim(),
            OwnerId = userId,
        };
        db.Tweets.Add(tweet);
        await db.SaveChangesAsync(cancellationToken);
        return await tweets.GetAsync(tweet.Id, userId, cancellationToken)
               ?? throw new NotFoundException("Tweet not found");
    }
}
