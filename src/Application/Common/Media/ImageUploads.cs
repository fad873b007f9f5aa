using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Media;

/// <summary>
/// Checks and stores images. The type is decided from the file's own bytes, not the client's Content-Type, so a
/// renamed executable is rejected; the stored extension and content type follow from that.
/// </summary>
public sealed class ImageUploads(IMediaStorage storage, IOptions<MediaOptions> options)
{
    /// <summary>Validates then stores an image; throws a 4xx <see cref="AppException"/> for a bad file.</summary>
    public async Task<StoredMedia> SaveAsync(FileUpload file, string folder, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxImageBytes;
        if (file.Length == 0)
            throw new ValidationException($"{file.FieldName} file is empty");
        if (file.Length > maxBytes)
            throw new PayloadTooLargeException($"{file.FieldName} must be at most {maxBytes / 1024 / 1024} MiB");

        await using var stream = file.OpenReadStream();
        var header = new byte[ImageTypes.HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var type = ImageTypes.Detect(header.AsSpan(0, read))
                   ?? throw new UnsupportedMediaTypeException($"{file.FieldName} must be a JPEG, PNG, GIF or WebP image");

        stream.Position = 0;
        return await storage.SaveAsync(stream, folder, type.Extension, type.ContentType, cancellationToken);
    }
}
