using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Subscriptions;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class SubscriptionQueries(ApplicationDbContext db, TimeProvider clock) : ISubscriptionQueries
{
    public Task<IReadOnlyList<ChannelSubscriberDto>?> ListSubscribersAsync(Guid channelId,
        CancellationToken cancellationToken) =>
        ListAsync(channelId, s => s.ChannelId == channelId, s => new ChannelSubscriberDto
        {
            Id = s.Id,
            Channel = s.ChannelId,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            Subscriber = new ChannelSummaryDto
            {
                Id = s.Subscriber!.Id,
                Username = s.Subscriber.UserName!,
                FullName = s.Subscriber.FullName,
                Avatar = s.Subscriber.Avatar,
                SubscribersCount = db.Subscriptions.Count(c => c.ChannelId == s.SubscriberId),
            },
        }, cancellationToken);

    public Task<IReadOnlyList<SubscribedChannelDto>?> ListSubscribedChannelsAsync(Guid subscriberId,
        CancellationToken cancellationToken) =>
        ListAsync(subscriberId, s => s.SubscriberId == subscriberId, s => new SubscribedChannelDto
        {
            Id = s.Id,
            Subscriber = s.SubscriberId,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
            Channel = new ChannelSummaryDto
            {
                Id = s.Channel!.Id,
                Username = s.Channel.UserName!,
                FullName = s.Channel.FullName,
                Avatar = s.Channel.Avatar,
                SubscribersCount = db.Subscriptions.Count(c => c.ChannelId == s.ChannelId),
            },
        }, cancellationToken);

    /// <summary>
    /// ONE statement: the user row with the matching subscriptions as a nested collection, so a missing user (null)
    /// and a user without subscriptions (empty list) are told apart without a second query.
    /// </summary>
    private async Task<IReadOnlyList<T>?> ListAsync<T>(Guid userId, Expression<Func<Subscription, bool>> ofUser,
        Expression<Func<Subscription, T>> projection, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => db.Subscriptions.Where(ofUser)
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                .Select(projection)
                .ToList())
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention.</summary>
    public async Task SubscribeAsync(Guid subscriberId, Guid channelId, CancellationToken cancellationToken)
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
