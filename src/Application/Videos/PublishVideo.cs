using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Users;
using VideoTube.Application.Videos.Processing;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed record PublishVideoCommand(IStreamingForm Form);

/// <summary>
/// Publishes a video from a streamed multipart form: the video part goes straight to storage as it arrives (text
/// fields may come before or after it), the duration is probed from the stored file, and only then is the row
/// written. Any failure removes whatever was stored, so nothing is left behind (chai-backend quirk 3).
/// </summary>
public sealed class PublishVideoHandler(
    IApplicationDbContext db, ICurrentUser currentUser, VideoUploads videos, ImageUploads images, IMediaStorage storage,
    IVideoProbe probe, IVideoProcessingQueue processing, IOptions<MediaOptions> options, IMapper mapper)
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
                VideoMedia.ValidateIfPresent(form.Fields.GetValueOrDefault("title"), form.Fields.GetValueOrDefault("description"));
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
                        throw new BadRequestException($"Only one {file.FieldName} file is allowed");
                    default:
                        throw new BadRequestException("Unexpected file field", [$"'{file.FieldName}' is not accepted here"]);
                }
            }, cancellationToken);

            var (title, description) = VideoMedia.ValidateNew(form.Fields.GetValueOrDefault("title"),
                form.Fields.GetValueOrDefault("description"));
            if (video is null)
                throw new BadRequestException("Video file is required");
            if (thumbnail is null)
                throw new BadRequestException("Thumbnail file is required");

            var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId)
                            .ProjectTo<UserSummaryDto>(mapper.ConfigurationProvider)
                            .SingleOrDefaultAsync(cancellationToken)
                        ?? throw new UnauthorizedException("Invalid Access Token");
            var entity = new Video
            {
                OwnerId = ownerId,
                Title = title,
                Description = description,
                VideoFile = video.Url,
                VideoFileKey = video.Key,
                Thumbnail = thumbnail.Url,
                ThumbnailKey = thumbnail.Key,
                Duration = await probe.GetDurationAsync(video.Key, cancellationToken),
                IsPublished = true,
            };
            // The row and its processing job commit together: no video waits for a job that was never queued.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                db.Videos.Add(entity);
                await db.SaveChangesAsync(cancellationToken);
                await processing.EnqueueAsync(entity.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
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
}
