using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Common.Media;

/// <summary>
/// Checks and stores video files while they stream in: the container is recognised from the first bytes (never the
/// client's Content-Type) and the size limit is enforced as bytes arrive, so nothing is ever buffered whole.
/// </summary>
public sealed class VideoUploads(IMediaStorage storage, IOptions<MediaOptions> options)
{
    /// <summary>How many leading bytes <see cref="Recognise"/> wants (fewer only when the file is shorter).</summary>
    public const int SniffLength = 64;

    public async Task<StoredMedia> SaveAsync(StreamedFile file, CancellationToken cancellationToken)
    {
        var header = new byte[SniffLength];
        var read = await file.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
            throw new ValidationException($"{file.FieldName} file is empty");
        var format = Recognise(header.AsSpan(0, read), file.FieldName);

        await using var content = new LimitedReadStream(file.Content, options.Value.MaxVideoBytes, file.FieldName,
            header.AsMemory(0, read));
        return await storage.SaveAsync(content, VideoMedia.VideoFolder, format.Extension, format.ContentType, cancellationToken);
    }

    /// <summary>The container of a video from its first bytes; anything else is refused with 415.</summary>
    public static VideoFormat Recognise(ReadOnlySpan<byte> header, string what) =>
        Detect(header) ?? throw new UnsupportedMediaTypeException($"{what} must be an MP4, WebM, MOV or MKV video");

    internal static VideoFormat? Detect(ReadOnlySpan<byte> header)
    {
        // ISO base media (MP4, MOV): a box size, then "ftyp" and the major brand; QuickTime's brand is "qt  ".
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
            return header[8..12].SequenceEqual("qt  "u8) ? Mov : Mp4;
        // Older QuickTime files start straight with a movie or data atom.
        if (header.Length >= 8 && (header[4..8].SequenceEqual("moov"u8) || header[4..8].SequenceEqual("mdat"u8)
                                   || header[4..8].SequenceEqual("wide"u8)))
            return Mov;
        // Matroska and WebM share the EBML magic; the DocType near the start tells them apart.
        if (header.Length >= 4 && header[..4].SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
            return header.IndexOf("webm"u8) >= 0 ? WebM : Mkv;
        return null;
    }

    public sealed record VideoFormat(string Extension, string ContentType);

    private static readonly VideoFormat Mp4 = new(".mp4", "video/mp4");
    private static readonly VideoFormat Mov = new(".mov", "video/quicktime");
    private static readonly VideoFormat WebM = new(".webm", "video/webm");
    private static readonly VideoFormat Mkv = new(".mkv", "video/x-matroska");
}
