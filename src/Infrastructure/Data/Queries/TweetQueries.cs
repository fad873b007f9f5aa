using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Tweets;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class TweetQueries(ApplicationDbContext db, IMapper mapper) : ITweetQueries
{
    public async Task<IReadOnlyList<TweetDto>> ListAsync(Guid ownerId, Guid callerId, CancellationToken cancellationToken) =>
        await ToDtos(db.Tweets.AsNoTracking()
                .Where(t => t.OwnerId == ownerId)
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id), callerId)
            .ToListAsync(cancellationToken);

    public Task<TweetDto> GetAsync(Guid tweetId, Guid callerId, CancellationToken cancellationToken) =>
        ToDtos(db.Tweets.AsNoTracking().Where(t => t.Id == tweetId), callerId).SingleAsync(cancellationToken);

    private IQueryable<TweetDto> ToDtos(IQueryable<Tweet> tweets, Guid callerId) =>
        tweets.Select(t => new TweetRow
            {
                Tweet = t,
                LikesCount = db.Likes.Count(l => l.TweetId == t.Id),
                IsLiked = db.Likes.Any(l => l.TweetId == t.Id && l.LikedById == callerId),
            })
            .ProjectTo<TweetDto>(mapper.ConfigurationProvider);
}
