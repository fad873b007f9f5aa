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
            throw new BadRequestException("Malformed multipart body", ["the multipart boundary is missing or too long"]);
        return new MultipartStreamingForm(request, boundary);
    }

    public async Task ReadAsync(Func<StreamedFile, Task> onFile, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(_boundary, _request.Body);
        // ReadNextSectionAsync drains whatever the previous callback left unread.
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new BadRequestException("Malformed multipart body", ["every part needs a form-data Content-Disposition"]);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue
                    ? disposition.FileNameStar
                    : disposition.FileName).Value ?? string.Empty;
                await onFile(new StreamedFile(name, fileName, section.ContentType ?? "application/octet-stream", section.Body));
            }
            else
            {
                _fields[name] = await ReadFieldAsync(name, section.Body, cancellationToken);
            }
        }
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
