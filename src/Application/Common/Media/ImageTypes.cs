namespace VideoTube.Application.Common.Media;

/// <summary>The image formats accepted, recognised by their leading bytes (never by name or declared type).</summary>
public static class ImageTypes
{
    /// <summary>Bytes needed to recognise any of the formats.</summary>
    public const int HeaderLength = 16;

    private static readonly (byte[] Magic, int Offset, string Extension, string ContentType)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], 0, ".jpg", "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, ".png", "image/png"),
        ("GIF8"u8.ToArray(), 0, ".gif", "image/gif"),
        ("WEBP"u8.ToArray(), 8, ".webp", "image/webp"),
    ];

    /// <summary>The format whose signature <paramref name="header"/> starts with, or null.</summary>
    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> header)
    {
        foreach (var (magic, offset, extension, contentType) in Signatures)
            if (header.Length >= offset + magic.Length && header.Slice(offset, magic.Length).SequenceEqual(magic))
                return (extension, contentType);
        return null;
    }
}
