using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/videos routes.</summary>
public sealed class Videos : IEndpointGroup
{
    /// <summary>Room for the text fields and multipart framing on top of the file limits.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    public static string Prefix => "/api/v1/videos";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("/", List)
            .WithSummary("Published videos (and your own), paged by page number or by cursor, searchable and sortable")
            .WithName("listVideos").Returns<PaginatedList<VideoDto>>().Fails(StatusCodes.Status400BadRequest);
        group.MapPost("/", Publish).DisableAntiforgery()
            .WithSummary("Publish a video (multipart: videoFile, thumbnail, title, description; streamed to storage)")
            .WithName("publishVideo").AcceptsMultipart<PublishForm>().Returns<VideoDto>(StatusCodes.Status201Created);
        group.MapGet("/{videoId}", Get).WithSummary("A video with its likes and channel; counts a view and records history")
            .WithName("getVideo").Returns<VideoDetailDto>();
        group.MapPatch("/{videoId}", Update).DisableAntiforgery()
            .WithSummary("Edit title, description or thumbnail (owner only; JSON or multipart)")
            .WithName("updateVideo").AcceptsMultipart<UpdateForm>().Returns<VideoDto>()
            .Fails(StatusCodes.Status403Forbidden);
        group.MapDelete("/{videoId}", Delete).WithSummary("Delete a video with its files, comments, likes and history (owner only)")
            .WithName("deleteVideo").ReturnsMessage().Fails(StatusCodes.Status403Forbidden);
        group.MapPatch("/toggle/publish/{videoId}", TogglePublish).WithSummary("Publish or unpublish (owner only)")
            .WithName("togglePublishVideo").Returns<VideoDto>().Fails(StatusCodes.Status403Forbidden);
    }

    /// <summary>The upload form as documented; the handler streams these parts, in this order, without buffering.</summary>
    private sealed class PublishForm
    {
        public required IFormFile VideoFile { get; init; }
        public required IFormFile Thumbnail { get; init; }
        public required string Title { get; init; }
        public string? Description { get; init; }
    }

    private sealed class UpdateForm
    {
        public string? Title { get; init; }
        public string? Description { get; init; }
        public IFormFile? Thumbnail { get; init; }
    }

    private sealed record VideoFields(string? Title, string? Description);

    private static async Task<IResult> List(ListVideosHandler handler, string? page, string? limit, string? query,
        string? sortBy, string? sortType, string? userId, string? cursor, CancellationToken ct)
    {
        var videos = await handler.HandleAsync(
            new ListVideosQuery(PageRequest.Parse(page, limit), query, sortBy, sortType, RouteIds.ParseOptional(userId, "user"),
                cursor),
            ct);
        return Envelope.Ok(videos, "Videos fetched successfully");
    }

    private static async Task<IResult> Publish(HttpContext context, PublishVideoHandler handler,
        IOptions<MediaOptions> media, CancellationToken ct)
    {
        BodyLimit.Apply(context, media.Value.MaxVideoBytes + media.Value.MaxImageBytes + FormOverheadBytes);
        var form = MultipartStreamingForm.TryCreate(context.Request)
                   ?? throw new ValidationException("Send the video as multipart/form-data",
                       ["expected parts: videoFile, thumbnail, title, description"]);
        var video = await handler.HandleAsync(new PublishVideoCommand(form), ct);
        return Envelope.Created(video, "Video published successfully");
    }

    private static async Task<IResult> Get(string videoId, WatchVideoHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new WatchVideoCommand(RouteIds.Parse(videoId, "video")), ct),
            "Video fetched successfully");

    private static async Task<IResult> Update(string videoId, HttpContext context, RequestBody body,
        UpdateVideoHandler handler, IOptions<MediaOptions> media, CancellationToken ct)
    {
        var id = RouteIds.Parse(videoId, "video");
        BodyLimit.Apply(context, media.Value.MaxImageBytes + FormOverheadBytes);
        var request = context.Request;
        UpdateVideoCommand command;
        if (request.HasFormContentType)
        {
            // A thumbnail is small, so the buffered form reader is fine here (unlike the video upload).
            var form = await RequestBody.ReadFormAsync(request, ct);
            RequestBody.RejectUnexpectedFiles(form, "thumbnail");
            command = new UpdateVideoCommand(id, form.TryGetValue("title", out var title) ? title.ToString() : null,
                form.TryGetValue("description", out var description) ? description.ToString() : null,
                RequestBody.File(form, "thumbnail"));
        }
        else
        {
            var fields = await body.ReadAsync<VideoFields>(request, ct);
            command = new UpdateVideoCommand(id, fields.Title, fields.Description, null);
        }
        return Envelope.Ok(await handler.HandleAsync(command, ct), "Video updated successfully");
    }

    private static async Task<IResult> Delete(string videoId, DeleteVideoHandler handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeleteVideoCommand(RouteIds.Parse(videoId, "video")), ct);
        return Envelope.Ok("Video deleted successfully");
    }

    private static async Task<IResult> TogglePublish(string videoId, TogglePublishVideoHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new TogglePublishVideoCommand(RouteIds.Parse(videoId, "video")), ct),
            "Video publish status toggled successfully");
}
