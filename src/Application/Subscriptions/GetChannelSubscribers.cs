using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Subscriptions;

public sealed record GetChannelSubscribersQuery(Guid ChannelId);

/// <summary>
/// The subscribers of a channel, newest first. Served at GET /u/:subscriberId because chai-backend wired it there
/// (quirk 15); the id is the channel's. ONE statement: the channel row and its subscriptions.
/// </summary>
public sealed class GetChannelSubscribersHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<ChannelSubscriberDto>> HandleAsync(GetChannelSubscribersQuery query,
        CancellationToken cancellationToken)
    {
        var channelId = query.ChannelId;
        return await db.Users.AsNoTracking().Where(u => u.Id == channelId)
                   .Select(u => db.Subscriptions.Where(s => s.ChannelId == u.Id)
                       .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                       .Select(s => new ChannelSubscriberDto
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
                       })
                       .ToList())
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("Channel not found");
    }
}
