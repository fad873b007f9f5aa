using VideoTube.Application.Playlists;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/playlist routes (singular prefix, as there; stubs there).</summary>
public sealed class Playlists : IEndpointGroup
{
    public static string Prefix => "/api/v1/playlist";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization().DisableAntiforgery();
        group.MapPost("/", Create).WithSummary("Create a playlist")
            .WithName("createPlaylist").AcceptsJson<PlaylistRequest>().Returns<PlaylistDto>(StatusCodes.Status201Created);
        group.MapGet("/user/{userId}", ListByUser).WithSummary("A user's playlists with video totals")
            .WithName("listUserPlaylists").Returns<IReadOnlyList<PlaylistSummaryDto>>();
        group.MapGet("/{playlistId}", Get).WithSummary("A playlist with its videos")
            .WithName("getPlaylist").Returns<PlaylistDto>().Fails(StatusCodes.Status403Forbidden);
        group.MapPatch("/{playlistId}", Update).WithSummary("Rename or describe your playlist")
            .WithName("updatePlaylist").AcceptsJson<PlaylistRequest>().Returns<PlaylistDto>().Fails(StatusCodes.Status403Forbidden);
        group.MapDelete("/{playlistId}", Delete).WithSummary("Delete your playlist")
            .WithName("deletePlaylist").ReturnsMessage().Fails(StatusCodes.Status403Forbidden);
        // The video id comes first in these paths, as in chai-backend.
        group.MapPatch("/add/{videoId}/{playlistId}", AddVideo).WithSummary("Add a video to your playlist (idempotent)")
            .WithName("addVideoToPlaylist").Returns<PlaylistDto>().Fails(StatusCodes.Status403Forbidden);
        group.MapPatch("/remove/{videoId}/{playlistId}", RemoveVideo).WithSummary("Remove a video from your playlist")
            .WithName("removeVideoFromPlaylist").Returns<PlaylistDto>().Fails(StatusCodes.Status403Forbidden);
    }

    private sealed record PlaylistRequest(string? Name, string? Description);

    private static async Task<IResult> Create(HttpRequest request, RequestBody body, CreatePlaylistHandler handler,
        CancellationToken ct)
    {
        var playlist = await handler.HandleAsync(await body.ReadAsync<CreatePlaylistCommand>(request, ct), ct);
        return Envelope.Created(playlist, "Playlist created successfully");
    }

    private static async Task<IResult> ListByUser(string userId, ListUserPlaylistsHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new ListUserPlaylistsQuery(RouteIds.Parse(userId, "user")), ct),
            "User playlists fetched successfully");

    private static async Task<IResult> Get(string playlistId, GetPlaylistHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new GetPlaylistQuery(RouteIds.Parse(playlistId, "playlist")), ct),
            "Playlist fetched successfully");

    private static async Task<IResult> Update(string playlistId, HttpRequest request, RequestBody body,
        UpdatePlaylistHandler handler, CancellationToken ct)
    {
        var id = RouteIds.Parse(playlistId, "playlist");
        var input = await body.ReadAsync<PlaylistRequest>(request, ct);
        var playlist = await handler.HandleAsync(new UpdatePlaylistCommand(id, input.Name, input.Description), ct);
        return Envelope.Ok(playlist, "Playlist updated successfully");
    }

    private static async Task<IResult> Delete(string playlistId, DeletePlaylistHandler handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeletePlaylistCommand(RouteIds.Parse(playlistId, "playlist")), ct);
        return Envelope.Ok("Playlist deleted successfully");
    }

    private static async Task<IResult> AddVideo(string videoId, string playlistId, AddVideoToPlaylistHandler handler,
        CancellationToken ct)
    {
        var command = new AddVideoToPlaylistCommand(RouteIds.Parse(videoId, "video"), RouteIds.Parse(playlistId, "playlist"));
        return Envelope.Ok(await handler.HandleAsync(command, ct), "Video added to playlist successfully");
    }

    private static async Task<IResult> RemoveVideo(string videoId, string playlistId, RemoveVideoFromPlaylistHandler handler,
        CancellationToken ct)
    {
        var command = new RemoveVideoFromPlaylistCommand(RouteIds.Parse(videoId, "video"), RouteIds.Parse(playlistId, "playlist"));
        return Envelope.Ok(await handler.HandleAsync(command, ct), "Video removed from playlist successfully");
    }
}
