using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Subscriptions;

public sealed record GetSubscribedChannelsQuery(Guid SubscriberId);

/// <summary>
/// The channels a user subscribes to, newest subscription first. Served at GET /c/:channelId because chai-backend
/// wired it there (quirk 15); the id is the subscriber's. ONE statement: the user row and its subscriptions.
/// </summary>
public sealed class GetSubscribedChannelsHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<SubscribedChannelDto>> HandleAsync(GetSubscribedChannelsQuery query,
        CancellationToken cancellationToken)
    {
        var subscriberId = query.SubscriberId;
        return await db.Users.AsNoTracking().Where(u => u.Id == subscriberId)
                   .Select(u => db.Subscriptions.Where(s => s.SubscriberId == u.Id)
                       .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                       .Select(s => new SubscribedChannelDto
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
                       })
                       .ToList())
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("User not found");
    }
}
