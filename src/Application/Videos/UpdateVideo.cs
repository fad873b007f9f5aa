using AutoMapper;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Videos;

public sealed record UpdateVideoCommand(Guid VideoId, string? Title, string? Description, FileUpload? Thumbnail);

/// <summary>
/// Owner-only edit of title, description and thumbnail; each is optional. A new thumbnail is stored first, the row
/// pointed at it in one statement that also hands back the key it replaced, and only then is that old file deleted:
/// a failure at any step, a concurrent replacement or a concurrent delete leaves a working video and no orphan.
/// </summary>
public sealed class UpdateVideoValidator : CommandValidator<UpdateVideoCommand>
{
    public UpdateVideoValidator()
    {
        RuleFor(c => c).Must(c => c.Title is not null || c.Description is not null || c.Thumbnail is not null)
            .Reported("Nothing to update", "send title, description or a thumbnail file");
        RuleFor(c => c.Title).ValidTitle();
        RuleFor(c => c.Description).ValidDescription();
    }
}

public sealed class UpdateVideoHandler(
    IApplicationDbContext db, IVideoQueries videos, ICurrentUser currentUser, ImageUploads images, IMediaStorage storage,
    IMapper mapper, ILogger<UpdateVideoHandler> logger, IValidator<UpdateVideoCommand> validator)
{
    public async Task<VideoDto> HandleAsync(UpdateVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        var title = command.Title?.Trim();
        var description = command.Description?.Trim();

        var video = await db.Videos.VisibleTo(userId).Include(v => v.Owner).GetOwnedAsync(command.VideoId, userId,
            VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);

        // The file is checked and stored first, so a bad thumbnail changes nothing.
        var thumbnail = command.Thumbnail is null
            ? null
            : await images.SaveAsync(command.Thumbnail, VideoMedia.ThumbnailFolder, cancellationToken);
        ReplacedFile? replaced = null;
        try
        {
            if (title is not null || description is not null)
            {
                if (title is not null) video.Title = title;
                if (description is not null) video.Description = description;
                // A concurrent delete makes this UPDATE match no row: the translator turns that into a 404.
                await db.SaveChangesAsync(cancellationToken);
            }
            if (thumbnail is not null)
                replaced = await videos.ReplaceThumbnailAsync(video.Id, userId, thumbnail.Key,
                               cancellationToken)
                           ?? throw new NotFoundException(VideoAccess.NotFoundMessage);
        }
        catch
        {
            // Also the loser of a race with a delete: it removes its own new file.
            if (thumbnail is not null) await storage.DeleteQuietlyAsync(logger, thumbnail.Key);
            throw;
        }
        if (thumbnail is null)
            return mapper.Map<VideoDto>(video);

        if (replaced?.Previous is not null)
            await storage.DeleteQuietlyAsync(logger, replaced.Previous);
        // Already stored by the statement above; set here only so the reply shows it.
        video.ThumbnailKey = thumbnail.Key;
        return mapper.Map<VideoDto>(video);
    }
}
