using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <param name="Length">Upload-Length; null when the client did not send it (deferred length is not supported).</param>
/// <param name="RawMetadata">The Upload-Metadata header as sent, handed back on HEAD.</param>
/// <param name="Metadata">Its decoded pairs: <c>filename</c>, <c>filetype</c>, <c>title</c>, <c>description</c>.</param>
public sealed record CreateUploadCommand(long? Length, string RawMetadata, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// tus Creation: records a new upload. Everything that can be refused before a byte is sent is refused here (size,
/// title, description), so a client never uploads a gigabyte to learn that its title was too long.
/// </summary>
public sealed class CreateUploadHandler(IApplicationDbContext db, ICurrentUser currentUser,
    IOptions<MediaOptions> media, IOptions<UploadOptions> options, TimeProvider clock)
{
    public async Task<UploadDto> HandleAsync(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequiredUserId;
        var maxBytes = media.Value.MaxVideoBytes;
        if (command.Length is not { } length)
            throw new BadRequestException("Upload-Length is required", ["deferred lengths are not supported"]);
        if (length <= 0)
            throw new BadRequestException("Upload-Length must be a positive number of bytes");
        if (length > maxBytes)
            throw new PayloadTooLargeException($"videoFile must be at most {LimitedReadStream.Describe(maxBytes)}");
        if (command.RawMetadata.Length > Upload.MaxMetadataLength)
            throw new BadRequestException("Upload-Metadata is too long");

        var (title, description) = VideoMedia.ValidateNew(command.Metadata.GetValueOrDefault("title"),
            command.Metadata.GetValueOrDefault("description"));
        var fileName = command.Metadata.GetValueOrDefault("filename") ?? string.Empty;
        var upload = new Upload
        {
            OwnerId = ownerId,
            Length = length,
            Metadata = command.RawMetadata,
            FileName = fileName.Length > Upload.MaxFileNameLength ? fileName[..Upload.MaxFileNameLength] : fileName,
            Title = title,
            Description = description,
            ExpiresAt = clock.GetUtcNow().UtcDateTime + options.Value.Expiration,
        };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return UploadDto.From(upload);
    }
}
