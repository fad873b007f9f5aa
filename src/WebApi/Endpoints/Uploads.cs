using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Uploads;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>
/// Resumable video uploads, tus 1.0.0 (Core, Creation, Termination, Expiration, Checksum). The metadata
/// (<c>title</c>, <c>description</c>, <c>filename</c>, <c>filetype</c>) travels in Upload-Metadata; when the last
/// byte arrives the upload becomes a video exactly as POST /api/v1/videos makes one, and its id is returned in
/// <c>X-Video-Id</c> and by GET /api/v1/uploads/{id}. Version and Tus-Resumable rules: <see cref="TusResumableMiddleware"/>.
/// </summary>
public sealed class Uploads : IEndpointGroup
{
    public static string Prefix => TusResumableMiddleware.PathPrefix;

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        // The protocol answers carry headers, not the envelope: 204s (and HEAD's empty 200) are documented bare; the
        // errors are the envelope as everywhere. 412 is TusResumableMiddleware's; 460 is tus's checksum mismatch.
        // Capability discovery says nothing about anyone's uploads, and browsers' CORS preflights carry no token.
        group.MapMethods("/", [HttpMethods.Options], Options).AllowAnonymous()
            .WithSummary("tus capabilities: version, extensions, maximum size, checksum algorithms")
            .WithName("uploadCapabilities").Produces(StatusCodes.Status204NoContent);
        group.MapMethods("/{uploadId}", [HttpMethods.Options], Options).AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/", Create).DisableAntiforgery()
            .WithSummary("tus Creation: Upload-Length and Upload-Metadata (base64 title, description, filename, filetype); 201 with Location")
            .WithName("createUpload").Returns<UploadDto>(StatusCodes.Status201Created)
            .Fails(StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge);
        group.MapMethods("/{uploadId}", [HttpMethods.Head], Head)
            .WithSummary("tus: the upload's offset (Upload-Offset), length and expiry")
            .WithName("uploadOffset").Produces(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status410Gone, StatusCodes.Status412PreconditionFailed);
        group.MapPatch("/{uploadId}", Patch).DisableAntiforgery()
            .WithSummary("tus: append bytes at Upload-Offset (application/offset+octet-stream); the last one creates the video (X-Video-Id)")
            .WithName("appendToUpload").Produces(StatusCodes.Status204NoContent)
            .Fails(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status410Gone,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, TusProtocol.ChecksumMismatchStatus);
        group.MapDelete("/{uploadId}", Delete).WithSummary("tus Termination: discard the upload and its bytes")
            .WithName("deleteUpload").Produces(StatusCodes.Status204NoContent).Fails(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{uploadId}", Get).WithSummary("The upload's state as JSON, with videoId once it is complete")
            .WithName("getUpload").Returns<UploadDto>();
    }

    private static IResult Options(HttpContext context, IOptions<MediaOptions> media)
    {
        var headers = context.Response.Headers;
        headers[TusProtocol.VersionHeader] = TusProtocol.Version;
        headers[TusProtocol.ExtensionHeader] = TusProtocol.Extensions;
        headers[TusProtocol.MaxSizeHeader] = media.Value.MaxVideoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[TusProtocol.ChecksumAlgorithmHeader] = TusProtocol.ChecksumAlgorithms;
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Create(HttpContext context, CreateUploadHandler handler, CancellationToken ct)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(TusProtocol.DeferLengthHeader))
            throw new ValidationException("Upload-Defer-Length is not supported", ["send Upload-Length"]);
        var rawMetadata = request.Headers[TusProtocol.MetadataHeader].ToString();
        var upload = await handler.HandleAsync(new CreateUploadCommand(TusProtocol.ParseLength(request, TusProtocol.LengthHeader),
            rawMetadata, TusProtocol.ParseMetadata(rawMetadata)), ct);
        context.Response.Headers[TusProtocol.ExpiresHeader] = TusProtocol.HttpDate(upload.ExpiresAt);
        // Relative, so it stays right behind a reverse proxy; tus clients resolve it against the creation URL.
        context.Response.Headers.Location = $"{Prefix}/{upload.Id}";
        return Envelope.Created(upload, "Upload created");
    }

    private static async Task<IResult> Head(string uploadId, HttpContext context, GetUploadHandler handler, CancellationToken ct)
    {
        var upload = await handler.HandleAsync(new GetUploadQuery(ParseId(uploadId)), ct);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers[TusProtocol.OffsetHeader] = upload.UploadOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[TusProtocol.LengthHeader] = upload.UploadLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (upload.Metadata.Length > 0)
            headers[TusProtocol.MetadataHeader] = upload.Metadata;
        WriteStateHeaders(context, upload);
        return TypedResults.Ok();
    }

    private static async Task<IResult> Patch(string uploadId, HttpContext context, AppendToUploadHandler handler,
        IOptions<MediaOptions> media, CancellationToken ct)
    {
        var request = context.Request;
        var id = ParseId(uploadId);
        if (!string.Equals(request.ContentType, TusProtocol.ChunkContentType, StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException($"Content-Type must be {TusProtocol.ChunkContentType}");
        var offset = TusProtocol.ParseLength(request, TusProtocol.OffsetHeader)
                     ?? throw new ValidationException("Upload-Offset is required");
        BodyLimit.Apply(context, media.Value.MaxVideoBytes);
        var upload = await handler.HandleAsync(new AppendToUploadCommand(id, offset, request.Body, request.ContentLength,
            TusProtocol.ParseChecksum(request)), ct);
        context.Response.Headers[TusProtocol.OffsetHeader] =
            upload.UploadOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        WriteStateHeaders(context, upload);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Delete(string uploadId, DeleteUploadHandler handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteUploadCommand(ParseId(uploadId)), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Get(string uploadId, GetUploadHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new GetUploadQuery(ParseId(uploadId)), ct), "Upload fetched successfully");

    private static void WriteStateHeaders(HttpContext context, UploadDto upload)
    {
        if (upload.VideoId is { } videoId)
            context.Response.Headers[TusProtocol.VideoIdHeader] = videoId.ToString();
        else
            context.Response.Headers[TusProtocol.ExpiresHeader] = TusProtocol.HttpDate(upload.ExpiresAt);
    }

    /// <summary>A malformed id names no upload: 404 as tus expects, not the 400 of the other routes.</summary>
    private static Guid ParseId(string uploadId) =>
        Guid.TryParse(uploadId, out var id) ? id : throw new NotFoundException("Upload not found");
}
