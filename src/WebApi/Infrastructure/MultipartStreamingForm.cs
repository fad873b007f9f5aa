using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Reads a multipart body section by section with <see cref="MultipartReader"/>: unlike ReadFormAsync, which
/// buffers every file (to memory or a temp file) before the endpoint runs, a file part reaches the use case while
/// it is still arriving.
/// </summary>
public sealed class MultipartStreamingForm : IStreamingForm
{
    /// <summary>Text fields are small (a title, a description); a huge one is an abuse, not data.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>
    /// The forms read this way have four parts. Counting parts and text fields before reading them bounds what one
    /// request can make the server hold (MaxTextFields x MaxFieldBytes), however many parts the client sends.
    /// </summary>
    public const int MaxParts = 16;

    public const int MaxTextFields = 8;

    private readonly HttpRequest _request;
    private readonly string _boundary;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private MultipartStreamingForm(HttpRequest request, string boundary)
    {
        _request = request;
        _boundary = boundary;
    }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The form of a multipart/form-data request, or null for any other body.</summary>
    public static MultipartStreamingForm? TryCreate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
            throw new ValidationException("Malformed multipart body", ["the multipart boundary is missing or too long"]);
        return new MultipartStreamingForm(request, boundary);
    }

    public async Task ReadAsync(Func<StreamedFile, Task> onFile, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(_boundary, _request.Body);
        var parts = 0;
        var textFields = 0;
        // ReadNextSectionAsync drains whatever the previous callback left unread.
        while (await GuardAsync(() => reader.ReadNextSectionAsync(cancellationToken)) is { } section)
        {
            if (++parts > MaxParts)
                throw new PayloadTooLargeException($"A form may have at most {MaxParts} parts");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new ValidationException("Malformed multipart body", ["every part needs a form-data Content-Disposition"]);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue
                    ? disposition.FileNameStar
                    : disposition.FileName).Value ?? string.Empty;
                await onFile(new StreamedFile(name, fileName, section.ContentType ?? "application/octet-stream",
                    new SectionStream(this, section.Body)));
            }
            else
            {
                if (++textFields > MaxTextFields)
                    throw new PayloadTooLargeException($"A form may have at most {MaxTextFields} text fields");
                _fields[name] = await GuardAsync(() => ReadFieldAsync(name, section.Body, cancellationToken));
            }
        }
    }

    /// <summary>
    /// The multipart parser reports a body that ends without its closing boundary as a plain IOException; that is
    /// the client's mistake (400), unlike an aborted request or Kestrel's own size limit, which pass through.
    /// </summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (IOException exception) when (exception is not BadHttpRequestException
                                            && !_request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new ValidationException("Malformed multipart body", ["the body ended before its closing boundary"]);
        }
    }

    /// <summary>A file part's body with the same error translation, so storage sees a 400, not an I/O failure.</summary>
    private sealed class SectionStream(MultipartStreamingForm form, Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            await form.GuardAsync(() => inner.ReadAsync(buffer, cancellationToken).AsTask());

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxFieldBytes)
            throw new PayloadTooLargeException($"{name} must be at most {MaxFieldBytes / 1024} KiB");
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
