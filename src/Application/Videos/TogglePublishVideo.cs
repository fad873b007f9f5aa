using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

public sealed record TogglePublishVideoCommand(Guid VideoId);

/// <summary>
/// Owner-only: flips whether others can see the video. The flip is one conditional UPDATE (not read, negate, save), so
/// parallel toggles each flip once and a concurrent delete makes it a 404.
/// </summary>
public sealed class TogglePublishVideoHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper,
    TimeProvider clock)
{
    public async Task<VideoDto> HandleAsync(TogglePublishVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var flipped = await db.Videos.Where(v => v.Id == command.VideoId && v.OwnerId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.IsPublished, v => !v.IsPublished)
                .SetProperty(v => v.UpdatedAt, now), cancellationToken);
        if (flipped == 0)
        {
            // Someone else's draft answers like a missing video; 403 only for a video the caller may see.
            await db.Videos.AsNoTracking().VisibleTo(userId).GetOwnedAsync(command.VideoId, userId,
                VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);
            throw new NotFoundException(VideoAccess.NotFoundMessage);
        }

        var video = await db.Videos.AsNoTracking().Include(v => v.Owner)
                        .SingleOrDefaultAsync(v => v.Id == command.VideoId, cancellationToken)
                    ?? throw new NotFoundException(VideoAccess.NotFoundMessage);
        return mapper.Map<VideoDto>(video);
    }
}
