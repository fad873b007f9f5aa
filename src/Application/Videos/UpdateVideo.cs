using AutoMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

public sealed record UpdateVideoCommand(Guid VideoId, string? Title, string? Description, FileUpload? Thumbnail);

/// <summary>
/// Owner-only edit of title, description and thumbnail; each is optional. A new thumbnail is stored first, the row
/// updated, and only then is the old file deleted, so a failure at any step leaves a working video and no orphan.
/// </summary>
public sealed class UpdateVideoHandler(
    IApplicationDbContext db, ICurrentUser currentUser, ImageUploads images, IMediaStorage storage, IMapper mapper,
    ILogger<UpdateVideoHandler> logger)
{
    public async Task<VideoDto> HandleAsync(UpdateVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        if (command.Title is null && command.Description is null && command.Thumbnail is null)
            throw new ValidationException("Nothing to update", ["send title, description or a thumbnail file"]);
        var title = command.Title is null ? null : VideoMedia.ValidateTitle(command.Title);
        var description = command.Description is null ? null : VideoMedia.ValidateDescription(command.Description);

        var video = await db.Videos.Include(v => v.Owner).SingleOrDefaultAsync(v => v.Id == command.VideoId, cancellationToken)
                    ?? throw new NotFoundException(VideoMedia.NotFoundMessage);
        VideoMedia.EnsureOwner(video.OwnerId, userId);

        var previousThumbnailKey = video.ThumbnailKey;
        var thumbnail = command.Thumbnail is null
            ? null
            : await images.SaveAsync(command.Thumbnail, VideoMedia.ThumbnailFolder, cancellationToken);
        try
        {
            if (title is not null) video.Title = title;
            if (description is not null) video.Description = description;
            if (thumbnail is not null)
            {
                video.Thumbnail = thumbnail.Url;
                video.ThumbnailKey = thumbnail.Key;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (thumbnail is not null) await storage.DeleteAsync(thumbnail.Key, CancellationToken.None);
            throw;
        }

        if (thumbnail is not null)
            await VideoFiles.DeleteQuietlyAsync(storage, logger, previousThumbnailKey);
        return mapper.Map<VideoDto>(video);
    }
}
