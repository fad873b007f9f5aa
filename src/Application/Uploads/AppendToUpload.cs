using System.Security.Cryptography;
using AutoMapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <param name="Offset">Upload-Offset: where the client believes the upload stands.</param>
/// <param name="ContentLength">The request's Content-Length, when known, to refuse an oversized chunk before reading it.</param>
/// <param name="Checksum">tus Checksum extension: the algorithm and the expected digest of this request's body.</param>
public sealed record AppendToUploadCommand(Guid UploadId, long Offset, Stream Body, long? ContentLength,
    UploadChecksum? Checksum);

public sealed record UploadChecksum(HashAlgorithmName Algorithm, byte[] Digest);

/// <summary>
/// tus PATCH: appends one request's bytes to an upload, and turns the upload into a video when the last byte is in.
/// <list type="bullet">
/// <item>The upload is claimed for the whole request (<see cref="IUploadQueries"/>), so a concurrent PATCH or DELETE of
/// the same upload on any instance gets 409 instead of interleaving bytes; a dead instance's claim dies with it.</item>
/// <item>The bytes become one new part object in storage (S3 has no append); the offset moves only once the part is
/// stored, in the one short transaction that records the part (and, for the last one, creates the video).</item>
/// <item>A client that drops mid-request keeps what arrived: the body simply ends early and that shorter part is
/// kept (unless a checksum was promised for the whole body, which can then not match).</item>
/// </list>
/// </summary>
public sealed class AppendToUploadHandler(ICurrentUser currentUser, IUploadQueries uploads,
    IMediaStorage storage, CreateVideoHandler createVideo, IOptions<UploadOptions> options, TimeProvider clock,
    IMapper mapper, ILogger<AppendToUploadHandler> logger)
{
    private const string PartExtension = ".part";
    private const string PartContentType = "application/octet-stream";
    private const string FieldName = "videoFile";

    public async Task<UploadDto> HandleAsync(AppendToUploadCommand command, CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        StoredMedia? part = null;
        StoredMedia? video = null;
        string[] finishedParts = [];
        try
        {
            await using var claimed = await uploads.ClaimAsync(command.UploadId, cancellationToken);
            var upload = UploadAccess.EnsureUsable(claimed.Upload, callerId, clock.GetUtcNow().UtcDateTime);
            if (command.Offset != upload.Offset)
                throw new ConflictException($"Upload-Offset does not match: the upload is at offset {upload.Offset}");
            if (upload.IsComplete)
                return mapper.Map<UploadDto>(upload);
            var remaining = upload.Length - upload.Offset;
            if (command.ContentLength > remaining)
                throw new PayloadTooLargeException(
                    $"The chunk would exceed Upload-Length: at most {remaining} more bytes are expected");

            // From here on the client's disconnect must not cancel the work: what arrived is to be kept.
            part = await StorePartAsync(upload, command, remaining);
            if (part is not null)
            {
                upload.PartKeys = [.. upload.PartKeys, part.Key];
                upload.Offset += part.Length;
            }
            upload.ExpiresAt = clock.GetUtcNow().UtcDateTime + options.Value.Expiration;
            Func<Task>? createVideoWithUpload = null;
            if (upload.Offset == upload.Length)
            {
                var whole = video = await storage.ConcatenateAsync(upload.PartKeys, VideoMedia.VideoFolder,
                    upload.Extension, upload.ContentType, CancellationToken.None);
                createVideoWithUpload = async () =>
                {
                    var created = await createVideo.HandleAsync(
                        new CreateVideoCommand(upload.OwnerId, upload.Title, upload.Description, whole, null),
                        CancellationToken.None);
                    finishedParts = [.. upload.PartKeys];
                    upload.PartKeys = [];
                    upload.VideoId = created.Id;
                };
            }
            await claimed.SaveAsync(createVideoWithUpload, CancellationToken.None);
            var result = mapper.Map<UploadDto>(upload);
            part = video = null; // committed: these are the upload's (or the video's) now
            await storage.DeleteQuietlyAsync(logger, finishedParts);
            return result;
        }
        catch
        {
            // Nothing was committed: a part or video object made by this request belongs to no row.
            if (video is not null) await storage.DeleteAsync(video.Key, CancellationToken.None);
            if (part is not null) await storage.DeleteAsync(part.Key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Streams the body into a new part object; null when the request carried no bytes.</summary>
    private async Task<StoredMedia?> StorePartAsync(Upload upload, AppendToUploadCommand command, long remaining)
    {
        await using var body = new ChunkReadStream(command.Body, command.Checksum?.Algorithm);
        var header = Array.Empty<byte>();
        if (upload.Offset == 0)
        {
            // The first bytes decide whether this is a video at all, exactly as for the multipart route.
            header = new byte[Math.Min(VideoUploads.SniffLength, remaining)];
            var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
            // A client cut off within the first bytes sends them again: too few to recognise, nothing to keep.
            if (read == 0 || (body.Interrupted && read < header.Length))
                return null;
            header = header[..read];
            var format = VideoUploads.Recognise(header, FieldName);
            upload.Extension = format.Extension;
            upload.ContentType = format.ContentType;
        }

        StoredMedia part;
        await using (var content = new LimitedReadStream(body, remaining, FieldName, header))
            part = await storage.SaveAsync(content, VideoMedia.UploadFolder, PartExtension, PartContentType,
                CancellationToken.None);

        if (command.Checksum is { } checksum && !CryptographicOperations.FixedTimeEquals(body.Hash(), checksum.Digest))
        {
            await storage.DeleteAsync(part.Key, CancellationToken.None);
            throw new ChecksumMismatchException("Upload-Checksum does not match the bytes received");
        }
        if (part.Length > 0)
            return part;
        await storage.DeleteAsync(part.Key, CancellationToken.None);
        return null;
    }
}
