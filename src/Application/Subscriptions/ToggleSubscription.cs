using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Subscriptions;

public sealed record ToggleSubscriptionCommand(Guid ChannelId);

/// <summary>
/// Subscribes the caller to a channel, or unsubscribes when already subscribed. Safe under concurrent toggles: the
/// delete is one statement and the unique (subscriber, channel) index rejects a second insert, which is answered as
/// "subscribed" (the state the caller asked for) instead of an error. chai-backend had neither (quirk 14).
/// </summary>
public sealed class ToggleSubscriptionHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";
    private const string ChannelNotFound = "Channel not found";

    public async Task<SubscriptionStatusDto> HandleAsync(ToggleSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscriberId = currentUser.RequiredUserId;
        var channelId = command.ChannelId;
        if (channelId == subscriberId)
            throw new BadRequestException("You cannot subscribe to your own channel");
        if (!await db.Users.AnyAsync(u => u.Id == channelId, cancellationToken))
            throw new NotFoundException(ChannelNotFound);

        var removed = await db.Subscriptions
            .Where(s => s.SubscriberId == subscriberId && s.ChannelId == channelId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
            return new SubscriptionStatusDto(false);

        db.Subscriptions.Add(new Subscription { SubscriberId = subscriberId, ChannelId = channelId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (SqlState(exception) == UniqueViolation)
        {
            // A concurrent toggle subscribed first; the caller ends up subscribed either way.
        }
        catch (DbUpdateException exception) when (SqlState(exception) == ForeignKeyViolation)
        {
            throw new NotFoundException(ChannelNotFound);
        }
        return new SubscriptionStatusDto(true);
    }

    private static string? SqlState(DbUpdateException exception) => (exception.InnerException as DbException)?.SqlState;
}
