using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Tweets;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class TweetQueries(ApplicationDbContext db, IMapper mapper) : ITweetQueries
{
    public async Task<IReadOnlyList<TweetDto>> ListAsync(Guid ownerId, Guid callerId, CancellationToken cancellationToken) =>
        await db.Tweets.AsNoTracking()
            .Where(t => t.OwnerId == ownerId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ProjectTo<TweetDto>(mapper.ConfigurationProvider, new { callerId })
            .ToListAsync(cancellationToken);

    public Task<TweetDto?> GetAsync(Guid postId, Guid callerId, CancellationToken cancellationToken) =>
        db.Tweets.AsNoTracking().Where(t => t.Id == postId)
            .ProjectTo<TweetDto>(mapper.ConfigurationProvider, new { callerId })
            .SingleOrDefaultAsync(cancellationToken);
}
