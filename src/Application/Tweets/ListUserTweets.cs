using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Tweets;

public sealed record ListUserTweetsQuery(Guid UserId);

public sealed class ListUserTweetsHandler(IApplicationDbContext db, ITweetQueries tweets, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<TweetDto>> HandleAsync(ListUserTweetsQuery query, CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        if (!await db.Users.AnyAsync(u => u.Id == query.UserId, cancellationToken))
            throw new NotFoundException("User not found");
        return await tweets.ListAsync(query.UserId, callerId, cancellationToken);
    }
}
