using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Subscriptions;

public sealed record ToggleSubscriptionCommand(Guid ChannelId);

/// <summary>
/// Subscribes the caller to a channel, or unsubscribes when already subscribed. Parallel toggles by one caller take
/// turns (<see cref="ISubscriptionQueries.ToggleAsync"/>), so the end state follows their parity and each reply says
/// what that request did; chai-backend had no such guarantee (quirk 14).
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

        return new SubscriptionStatusDto(await subscriptions.ToggleAsync(subscriberId, channelId, cancellationToken));
    }
}
