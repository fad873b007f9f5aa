using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Tweets;

internal static class TweetQueries
{
    public static IQueryable<TweetDto> ToDtos(this IQueryable<Tweet> tweets, IApplicationDbContext db, IMapper mapper,
        Guid callerId) =>
        tweets.Select(t => new TweetRow
            {
                Tweet = t,
                LikesCount = db.Likes.Count(l => l.TweetId == t.Id),
                IsLiked = db.Likes.Any(l => l.TweetId == t.Id && l.LikedById == callerId),
            })
            .ProjectTo<TweetDto>(mapper.ConfigurationProvider);

    public static Task<TweetDto> GetDtoAsync(this IApplicationDbContext db, IMapper mapper, Guid tweetId, Guid callerId,
        CancellationToken cancellationToken) =>
        db.Tweets.AsNoTracking().Where(t => t.Id == tweetId).ToDtos(db, mapper, callerId).SingleAsync(cancellationToken);
}
