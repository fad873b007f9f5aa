using AutoMapper;
using FluentValidation;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Validation;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Uploads;

/// <param name="Length">Upload-Length; null when the client did not send it (deferred length is not supported).</param>
/// <param name="RawMetadata">The Upload-Metadata header as sent, handed back on HEAD.</param>
/// <param name="Metadata">Its decoded pairs: <c>filename</c>, <c>filetype</c>, <c>title</c>, <c>description</c>.</param>
public sealed record CreateUploadCommand(long? Length, string RawMetadata, IReadOnlyDictionary<string, string> Metadata)
{
    public string? Title => Metadata.GetValueOrDefault("title");
    public string? Description => Metadata.GetValueOrDefault("description");
}

/// <summary>The same title and description rules as a multipart publish (<see cref="CreateVideoValidator"/>).</summary>
public sealed class CreateUploadValidator : CommandValidator<CreateUploadCommand>
{
    public CreateUploadValidator()
    {
        RuleFor(command => command.Length)
            .Must(length => length is not null).Reported("Upload-Length is required", "deferred lengths are not supported")
            .Must(length => length > 0).WithMessage("Upload-Length must be a positive number of bytes");
        RuleFor(command => command.RawMetadata.Length).LessThanOrEqualTo(Upload.MaxMetadataLength)
            .WithMessage("Upload-Metadata is too long");
        RuleFor(command => command.Title).RequiredField("title").ValidTitle();
        RuleFor(command => command.Description).RequiredField("description").ValidDescription();
    }
}

/// <summary>
/// tus Creation: records a new upload. Everything that can be refused before a byte is sent is refused here (size,
/// title, description), so a client never uploads a gigabyte to learn that its title was too long.
/// </summary>
public sealed class CreateUploadHandler(IApplicationDbContext db, ICurrentUser currentUser,
    IOptions<MediaOptions> media, IOptions<UploadOptions> options, TimeProvider clock,
    IMapper mapper, IValidator<CreateUploadCommand> validator)
{
    public async Task<UploadDto> HandleAsync(CreateUploadCommand command, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequiredUserId;
        var maxBytes = media.Value.MaxVideoBytes;
        await validator.EnsureValidAsync(command, cancellationToken);
        var length = command.Length!.Value;
        if (length > maxBytes)
            throw new PayloadTooLargeException($"videoFile must be at most {LimitedReadStream.Describe(maxBytes)}");

        var fileName = command.Metadata.GetValueOrDefault("filename") ?? string.Empty;
        var upload = new Upload
        {
            OwnerId = ownerId,
            Length = length,
            Metadata = command.RawMetadata,
            FileName = fileName.Length > Upload.MaxFileNameLength ? fileName[..Upload.MaxFileNameLength] : fileName,
            Title = command.Title!.Trim(),
            Description = command.Description!.Trim(),
            ExpiresAt = clock.GetUtcNow().UtcDateTime + options.Value.Expiration,
        };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<UploadDto>(upload);
    }
}
