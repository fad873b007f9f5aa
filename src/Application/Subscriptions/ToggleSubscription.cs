using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Subscriptions;

public sealed record ToggleSubscriptionCommand(Guid ChannelId);

/// <summary>
/// Subscribes the caller to a channel, or unsubscribes when already subscribed. Safe under concurrent toggles: the
/// delete is one statement and the insert is idempotent (the unique (subscriber, channel) index), so a race ends
/// subscribed, the state the caller asked for, instead of an error. chai-backend had neither (quirk 14).
/// </summary>
public sealed class ToggleSubscriptionHandler(IApplicationDbContext db, ISubscriptionQueries subscriptions,
    ICurrentUser currentUser)
{
    private const string ChannelNotFound = "Channel not found";

    public async Task<SubscriptionStatusDto> HandleAsync(ToggleSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscriberId = currentUser.RequiredUserId;
        var channelId = command.ChannelId;
        if (channelId == subscriberId)
            throw new ValidationException("You cannot subscribe to your own channel");
        if (!await db.Users.AnyAsync(u => u.Id == channelId, cancellationToken))
            throw new NotFoundException(ChannelNotFound);

        var removed = await db.Subscriptions
            .Where(s => s.SubscriberId == subscriberId && s.ChannelId == channelId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
            return new SubscriptionStatusDto(false);

        await subscriptions.SubscribeAsync(subscriberId, channelId, cancellationToken);
        return new SubscriptionStatusDto(true);
    }
}
