using AutoMapper;
using AutoMapper.QueryableExtensions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed record PublishVideoCommand(IStreamingForm Form);

/// <summary>
/// The text fields of the streamed form. Checked as each file part starts (<see cref="FormComplete"/> false: only the
/// fields sent so far), to fail before a large upload rather than after it, and again once the whole form is read.
/// </summary>
public sealed record PublishVideoFields(string? Title, string? Description, bool FormComplete);

public sealed class PublishVideoFieldsValidator : CommandValidator<PublishVideoFields>
{
    public PublishVideoFieldsValidator()
    {
        When(fields => fields.FormComplete, () =>
        {
            RuleFor(fields => fields.Title).RequiredField("title");
            RuleFor(fields => fields.Description).RequiredField("description");
        });
        RuleFor(fields => fields.Title).ValidTitle().When(fields => !string.IsNullOrWhiteSpace(fields.Title));
        RuleFor(fields => fields.Description).ValidDescription().When(fields => !string.IsNullOrWhiteSpace(fields.Description));
    }
}

/// <summary>
/// Publishes a video from a streamed multipart form: the video part goes straight to storage as it arrives (text
/// fields may come before or after it), the duration is probed from the stored file, and only then is the row
/// written. Any failure removes whatever was stored, so nothing is left behind (chai-backend's multipart stubs left
/// their temp files, quirk 16).
/// </summary>
public sealed class PublishVideoHandler(
    IApplicationDbContext db, ICurrentUser currentUser, VideoUploads videos, ImageUploads images, IMediaStorage storage,
    IVideoProbe probe, IOptions<MediaOptions> options, IMapper mapper, IValidator<PublishVideoFields> validator)
{
    public const string VideoField = "videoFile";
    public const string ThumbnailField = "thumbnail";

    public async Task<VideoDto> HandleAsync(PublishVideoCommand command, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequiredUserId;
        var form = command.Form;
        StoredMedia? video = null;
        StoredMedia? thumbnail = null;
        try
        {
            await form.ReadAsync(async file =>
            {
                await validator.EnsureValidAsync(Fields(form, complete: false), cancellationToken);
                switch (file.FieldName)
                {
                    case VideoField when video is null:
                        video = await videos.SaveAsync(file, cancellationToken);
                        break;
                    case ThumbnailField when thumbnail is null:
                        var buffered = await file.BufferAsync(options.Value.MaxImageBytes, cancellationToken);
                        thumbnail = await images.SaveAsync(buffered, VideoMedia.ThumbnailFolder, cancellationToken);
                        break;
                    case VideoField or ThumbnailField:
                        throw new ValidationException($"Only one {file.FieldName} file is allowed");
                    default:
                        throw new ValidationException("Unexpected file field", [$"'{file.FieldName}' is not accepted here"]);
                }
            }, cancellationToken);

            var fields = Fields(form, complete: true);
            await validator.EnsureValidAsync(fields, cancellationToken);
            if (video is null)
                throw new ValidationException("Video file is required");
            if (thumbnail is null)
                throw new ValidationException("Thumbnail file is required");

            var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId)
                            .ProjectTo<UserSummaryDto>(mapper.ConfigurationProvider)
                            .SingleOrDefaultAsync(cancellationToken)
                        ?? throw new UnauthorizedException("Invalid Access Token");
            var entity = new Video
            {
                OwnerId = ownerId,
                Title = fields.Title!.Trim(),
                Description = fields.Description!.Trim(),
                VideoFileKey = video.Key,
                ThumbnailKey = thumbnail.Key,
                Duration = await probe.GetDurationAsync(video.Key, cancellationToken),
                IsPublished = true,
            };
            db.Videos.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            return mapper.Map<VideoDto>(entity) with { Owner = owner };
        }
        catch
        {
            // The request may have been aborted: clean up regardless of its cancellation token.
            if (video is not null) await storage.DeleteAsync(video.Key, CancellationToken.None);
            if (thumbnail is not null) await storage.DeleteAsync(thumbnail.Key, CancellationToken.None);
            throw;
        }
    }

    private static PublishVideoFields Fields(IStreamingForm form, bool complete) =>
        new(form.Fields.GetValueOrDefault("title"), form.Fields.GetValueOrDefault("description"), complete);
}
