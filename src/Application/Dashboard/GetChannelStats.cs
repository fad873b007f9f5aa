using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Dashboard;

public sealed class GetChannelStatsHandler(IApplicationDbContext db, ICurrentUser currentUser)
{
    /// <summary>
    /// ONE SQL statement: the caller's user row is a one-row source whose select list holds the four aggregates as
    /// scalar sub-queries, instead of four round trips.
    /// </summary>
    public async Task<ChannelStatsDto> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return await db.Users.AsNoTracking()
                   .Where(u => u.Id == userId)
                   .Select(u => new ChannelStatsDto
                   {
                       TotalVideos = db.Videos.Count(v => v.OwnerId == u.Id),
                       TotalViews = db.Videos.Where(v => v.OwnerId == u.Id).Sum(v => v.Views),
                       TotalSubscribers = db.Subscriptions.Count(s => s.ChannelId == u.Id),
                       TotalLikes = db.Likes.Count(l => l.Video!.OwnerId == u.Id),
                   })
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new UnauthorizedException("Invalid Access Token");
    }
}
