using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

public sealed record TogglePublishVideoCommand(Guid VideoId);

/// <summary>Owner-only: flips whether others can see the video.</summary>
public sealed class TogglePublishVideoHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<VideoDto> HandleAsync(TogglePublishVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var video = await db.Videos.Include(v => v.Owner).GetOwnedAsync(command.VideoId, userId,
            VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);

        video.IsPublished = !video.IsPublished;
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<VideoDto>(video);
    }
}
