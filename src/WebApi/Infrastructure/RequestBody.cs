using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Reads a command from a JSON, urlencoded or multipart body, as chai-backend accepted all three. A body of the
/// wrong shape (an object where a string belongs, say) is a 400, never a 500 and never a query operator.
/// </summary>
public sealed class RequestBody(IOptions<JsonOptions> jsonOptions)
{
    public const long MaxJsonBytes = 64 * 1024;

    public async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            var node = new JsonObject();
            foreach (var (key, value) in form)
                node[key] = value.Count == 1 ? value[0] : value.ToString();
            return Deserialize<T>(node.ToJsonString());
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            return Deserialize<T>("{}");
        if (request.ContentLength > MaxJsonBytes)
            throw new PayloadTooLargeException($"JSON body must be at most {MaxJsonBytes / 1024} KiB");
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException("Send the body as JSON, urlencoded or multipart form data");

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxJsonBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxJsonBytes)
            throw new PayloadTooLargeException($"JSON body must be at most {MaxJsonBytes / 1024} KiB");
        var text = new string(buffer, 0, read);
        return Deserialize<T>(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    /// <summary>Reads a form body; a truncated or boundary-less multipart body is the client's fault (400), not a 500.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            throw new UnsupportedMediaTypeException("Send the body as multipart/form-data");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        // Kestrel's own body limit is a BadHttpRequestException (an IOException): it passes on, to be answered 413.
        catch (Exception exception) when (exception is IOException and not BadHttpRequestException or InvalidOperationException
                                          && !cancellationToken.IsCancellationRequested)
        {
            throw new ValidationException("Malformed form body", [exception.Message]);
        }
        // FormOptions.ValueLengthLimit covers urlencoded values only; a multipart text part is bounded by the body
        // limit while read, and refused here with the same cap as the streamed form.
        var oversized = form.Where(field => field.Value.Any(v => v?.Length > MultipartStreamingForm.MaxFieldBytes))
            .Select(field => field.Key).FirstOrDefault();
        if (oversized is not null)
            throw new PayloadTooLargeException($"{oversized} must be at most {MultipartStreamingForm.MaxFieldBytes / 1024} KiB");
        return form;
    }

    /// <summary>The named file of a multipart body; null when absent, 400 when sent twice.</summary>
    public static FileUpload? File(IFormCollection form, string fieldName)
    {
        var files = form.Files.GetFiles(fieldName);
        if (files.Count > 1)
            throw new ValidationException($"Only one {fieldName} file is allowed");
        if (files.Count == 0)
            return null;
        var file = files[0];
        return new FileUpload(fieldName, file.FileName, file.ContentType ?? "application/octet-stream", file.Length,
            file.OpenReadStream);
    }

    /// <summary>Rejects file parts the route does not expect instead of silently storing them.</summary>
    public static void RejectUnexpectedFiles(IFormCollection form, params string[] allowed)
    {
        var unexpected = form.Files.Select(f => f.Name).Where(n => !allowed.Contains(n)).Distinct().ToList();
        if (unexpected.Count > 0)
            throw new ValidationException("Unexpected file field", unexpected.Select(n => $"'{n}' is not accepted here").ToList());
    }

    private T Deserialize<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, jsonOptions.Value.SerializerOptions)
                   ?? throw new ValidationException("Request body is required");
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            throw new ValidationException("Invalid request body", [$"{where} has an invalid value or the JSON is malformed"]);
        }
    }
}
