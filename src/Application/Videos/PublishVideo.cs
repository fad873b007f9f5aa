using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

public sealed record PublishVideoCommand(IStreamingForm Form);

/// <summary>
/// Publishes a video from a streamed multipart form: the video part goes straight to storage as it arrives (text
/// fields may come before or after it), the row is written by <see cref="CreateVideoHandler"/>, shared with
/// resumable uploads. Any failure removes whatever was stored, so nothing is left behind (chai-backend quirk 3).
/// </summary>
public sealed class PublishVideoHandler(
    ICurrentUser currentUser, VideoUploads videos, ImageUploads images, IMediaStorage storage,
    IOptions<MediaOptions> options, CreateVideoHandler createVideo)
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

            VideoMedia.ValidateNew(form.Fields.GetValueOrDefault("title"), form.Fields.GetValueOrDefault("description"));
            if (video is null)
                throw new BadRequestException("Video file is required");
            if (thumbnail is null)
                throw new BadRequestException("Thumbnail file is required");

            return await createVideo.HandleAsync(new CreateVideoCommand(ownerId, form.Fields.GetValueOrDefault("title"),
                form.Fields.GetValueOrDefault("description"), video, thumbnail), cancellationToken);
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
