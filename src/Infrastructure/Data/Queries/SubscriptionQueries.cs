using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Subscriptions;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class SubscriptionQueries(ApplicationDbContext db, IMapper mapper, TimeProvider clock) : ISubscriptionQueries
{
    public async Task<IReadOnlyList<ChannelSubscriberDto>?> ListSubscribersAsync(Guid channelId,
        CancellationToken cancellationToken) =>
        (await ProjectUserAsync<ChannelSubscribersDto>(channelId, cancellationToken))?.Subscribers;

    public async Task<IReadOnlyList<SubscribedChannelDto>?> ListSubscribedChannelsAsync(Guid subscriberId,
        CancellationToken cancellationToken) =>
        (await ProjectUserAsync<SubscribedChannelsDto>(subscriberId, cancellationToken))?.Subscriptions;

    /// <summary>ONE statement: the user row with its subscriptions as a nested collection (null: no such user).</summary>
    private Task<T?> ProjectUserAsync<T>(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .ProjectTo<T>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>One transaction holding an advisory lock on (subscriber, channel); see LikeQueries.ToggleAsync.</summary>
    public async Task<bool> ToggleAsync(Guid subscriberId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockForTransactionAsync($"subscription:{subscriberId}:{channelId}", cancellationToken);
        var removed = await db.Subscriptions
            .Where(s => s.SubscriberId == subscriberId && s.ChannelId == channelId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
            await SubscribeAsync(subscriberId, channelId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 0;
    }

    /// <summary>Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention.</summary>
    private async Task SubscribeAsync(Guid subscriberId, Guid channelId, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO subscriptions (id, subscriber_id, channel_id, created_at, updated_at)
                VALUES ({id}, {subscriberId}, {channelId}, {now}, {now}) ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.IsForeignKeyViolation(exception))
        {
            throw new NotFoundException("Channel not found");
        }
    }
}
