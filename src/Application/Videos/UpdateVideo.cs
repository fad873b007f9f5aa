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
/// updated, and only then is the old file deleted, so a failure at any step leaves a working video and no orphan.
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
    IApplicationDbContext db, ICurrentUser currentUser, ImageUploads images, IMediaStorage storage, IMapper mapper,
    ILogger<UpdateVideoHandler> logger, IValidator<UpdateVideoCommand> validator)
{
    public async Task<VideoDto> HandleAsync(UpdateVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await validator.EnsureValidAsync(command, cancellationToken);
        var title = command.Title?.Trim();
        var description = command.Description?.Trim();

        var video = await db.Videos.Include(v => v.Owner).GetOwnedAsync(command.VideoId, userId,
            VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);

        var previousThumbnailKey = video.ThumbnailKey;
        var thumbnail = command.Thumbnail is null
            ? null
            : await images.SaveAsync(command.Thumbnail, VideoMedia.ThumbnailFolder, cancellationToken);
        try
        {
            if (title is not null) video.Title = title;
            if (description is not null) video.Description = description;
            if (thumbnail is not null)
                video.ThumbnailKey = thumbnail.Key;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (thumbnail is not null) await storage.DeleteAsync(thumbnail.Key, CancellationToken.None);
            throw;
        }

        if (thumbnail is not null)
            await storage.DeleteQuietlyAsync(logger, previousThumbnailKey);
        return mapper.Map<VideoDto>(video);
    }
}
