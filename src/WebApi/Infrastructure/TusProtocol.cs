using System.Security.Cryptography;
using System.Text;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Uploads;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>The tus 1.0.0 wire format: header names, and parsing of the headers that carry structured values.</summary>
public static class TusProtocol
{
    /// <summary>tus Checksum extension's 460 Checksum Mismatch (no ASP.NET Core constant exists for it).</summary>
    public const int ChecksumMismatchStatus = 460;

    public const string Version = "1.0.0";
    public const string Extensions = "creation,termination,expiration,checksum";
    public const string ChecksumAlgorithms = "sha1,sha256";
    public const string ChunkContentType = "application/offset+octet-stream";

    public const string ResumableHeader = "Tus-Resumable";
    public const string VersionHeader = "Tus-Version";
    public const string ExtensionHeader = "Tus-Extension";
    public const string MaxSizeHeader = "Tus-Max-Size";
    public const string ChecksumAlgorithmHeader = "Tus-Checksum-Algorithm";
    public const string OffsetHeader = "Upload-Offset";
    public const string LengthHeader = "Upload-Length";
    public const string DeferLengthHeader = "Upload-Defer-Length";
    public const string MetadataHeader = "Upload-Metadata";
    public const string ExpiresHeader = "Upload-Expires";
    public const string ChecksumHeader = "Upload-Checksum";
    /// <summary>Not tus: the video a finished upload became, on the final PATCH and on HEAD.</summary>
    public const string VideoIdHeader = "X-Video-Id";

    /// <summary>Headers a browser client must be allowed to read (CORS).</summary>
    public static readonly string[] ExposedHeaders =
    [
        ResumableHeader, VersionHeader, ExtensionHeader, MaxSizeHeader, ChecksumAlgorithmHeader, OffsetHeader,
        LengthHeader, MetadataHeader, ExpiresHeader, VideoIdHeader, "Location",
    ];

    /// <summary>
    /// Upload-Metadata: comma-separated pairs of a key and an optional base64 value. Keys must be unique; values are
    /// UTF-8 text here (every key this API reads is text).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseMetadata(string? header)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
            return pairs;
        foreach (var item in header.Split(','))
        {
            var parts = item.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || parts[0].Any(c => c is < '!' or > '~'))
                throw new ValidationException("Malformed Upload-Metadata", ["expected 'key base64value' pairs separated by commas"]);
            string value;
            try
            {
                value = parts.Length == 2
                    ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(parts[1]))
                    : string.Empty;
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                throw new ValidationException("Malformed Upload-Metadata", [$"the value of '{parts[0]}' is not base64 UTF-8 text"]);
            }
            if (!pairs.TryAdd(parts[0], value))
                throw new ValidationException("Malformed Upload-Metadata", [$"'{parts[0]}' appears twice"]);
        }
        return pairs;
    }

    /// <summary>A non-negative integer header such as Upload-Offset; null when absent.</summary>
    public static long? ParseLength(HttpRequest request, string header)
    {
        var value = request.Headers[header].ToString();
        if (string.IsNullOrEmpty(value))
            return null;
        return long.TryParse(value, System.Globalization.NumberStyles.None, null, out var number)
            ? number
            : throw new ValidationException($"Invalid {header}", [$"{header} must be a non-negative integer"]);
    }

    /// <summary>Upload-Checksum: "algorithm base64digest".</summary>
    public static UploadChecksum? ParseChecksum(HttpRequest request)
    {
        var value = request.Headers[ChecksumHeader].ToString();
        if (string.IsNullOrEmpty(value))
            return null;
        var parts = value.Split(' ', 2, StringSplitOptions.TrimEntries);
        var algorithm = parts[0].ToLowerInvariant() switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            _ => throw new ValidationException("Unsupported Upload-Checksum algorithm", [$"supported: {ChecksumAlgorithms}"]),
        };
        try
        {
            return new UploadChecksum(algorithm, Convert.FromBase64String(parts.Length == 2 ? parts[1] : string.Empty));
        }
        catch (FormatException)
        {
            throw new ValidationException("Invalid Upload-Checksum", ["the digest must be base64"]);
        }
    }

    public static string HttpDate(DateTime utc) => utc.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Protocol rules of every tus response and request, applied before authentication so that 401s and 404s carry them
/// too: <c>Tus-Resumable</c> on every response, and 412 for a request that speaks another version (OPTIONS, and the
/// plain JSON GET, need no version).
/// </summary>
public sealed class TusResumableMiddleware(RequestDelegate next)
{
    public const string PathPrefix = "/api/v1/uploads";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(PathPrefix))
        {
            await next(context);
            return;
        }
        // On starting, because the exception handler clears headers set earlier before it writes an error.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[TusProtocol.ResumableHeader] = TusProtocol.Version;
            return Task.CompletedTask;
        });
        var method = context.Request.Method;
        if (!HttpMethods.IsOptions(method) && !HttpMethods.IsGet(method)
            && context.Request.Headers[TusProtocol.ResumableHeader] != TusProtocol.Version)
        {
            context.Response.Headers[TusProtocol.VersionHeader] = TusProtocol.Version;
            await Envelope.WriteErrorAsync(context, StatusCodes.Status412PreconditionFailed, "Unsupported tus version",
                [$"send {TusProtocol.ResumableHeader}: {TusProtocol.Version}"]);
            return;
        }
        await next(context);
    }
}
