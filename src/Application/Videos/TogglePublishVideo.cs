using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

public sealed record TogglePublishVideoCommand(Guid VideoId);

/// <summary>Owner-only: flips whether others can see the video.</summary>
public sealed class TogglePublishVideoHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<VideoDto> HandleAsync(TogglePublishVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var video = await db.Videos.Include(v => v.Owner).SingleOrDefaultAsync(v => v.Id == command.VideoId, cancellationToken)
                    ?? throw new NotFoundException(VideoMedia.NotFoundMessage);
        VideoMedia.EnsureOwner(video.OwnerId, userId);

        video.IsPublished = !video.IsPublished;
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<VideoDto>(video);
    }
}
