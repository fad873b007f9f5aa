using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Common.Media;

/// <summary>
/// Checks and stores images. The type is decided from the file's own bytes, not the client's Content-Type, so a
/// renamed executable is rejected; the stored extension and content type follow from that.
/// </summary>
public sealed class ImageUploads(IMediaStorage storage, IOptions<MediaOptions> options)
{
    private static readonly (byte[] Magic, int Offset, string Extension, string ContentType)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], 0, ".jpg", "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, ".png", "image/png"),
        ("GIF8"u8.ToArray(), 0, ".gif", "image/gif"),
        ("WEBP"u8.ToArray(), 8, ".webp", "image/webp"),
    ];

    /// <summary>Validates then stores an image; throws a 4xx <see cref="AppException"/> for a bad file.</summary>
    public async Task<StoredMedia> SaveAsync(FileUpload file, string folder, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxImageBytes;
        if (file.Length == 0)
            throw new ValidationException($"{file.FieldName} file is empty");
        if (file.Length > maxBytes)
            throw new PayloadTooLargeException($"{file.FieldName} must be at most {maxBytes / 1024 / 1024} MiB");

        await using var stream = file.OpenReadStream();
        var header = new byte[16];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var signature = Signatures.FirstOrDefault(s =>
            read >= s.Offset + s.Magic.Length && header.AsSpan(s.Offset, s.Magic.Length).SequenceEqual(s.Magic));
        if (signature.Magic is null)
            throw new UnsupportedMediaTypeException($"{file.FieldName} must be a JPEG, PNG, GIF or WebP image");

        stream.Position = 0;
        return await storage.SaveAsync(stream, folder, signature.Extension, signature.ContentType, cancellationToken);
    }
}
