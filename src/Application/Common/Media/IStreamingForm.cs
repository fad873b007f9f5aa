namespace VideoTube.Application.Common.Media;

/// <summary>
/// A multipart form read once, front to back, so a file part can be copied straight to storage instead of being
/// buffered whole. Text parts may come before or after the files.
/// </summary>
public interface IStreamingForm
{
    /// <summary>The text fields read so far (all of them once <see cref="ReadAsync"/> has completed).</summary>
    IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Reads every part; <paramref name="onFile"/> is called for each file part while it is being received.</summary>
    Task ReadAsync(Func<StreamedFile, Task> onFile, CancellationToken cancellationToken);
}

/// <summary>A file part of a streamed form; <see cref="Content"/> is forward-only and valid only inside the callback.</summary>
public sealed record StreamedFile(string FieldName, string FileName, string ContentType, Stream Content)
{
    /// <summary>
    /// Copies a small file (an image) into memory; an oversized one fails with 413 as soon as the limit is crossed,
    /// so at most <paramref name="maxBytes"/> + 1 bytes are ever held.
    /// </summary>
    public async Task<FileUpload> BufferAsync(long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await using (var limited = new LimitedReadStream(Content, maxBytes, FieldName))
            await limited.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return new FileUpload(FieldName, FileName, ContentType, buffer.Length, () => buffer);
    }
}
