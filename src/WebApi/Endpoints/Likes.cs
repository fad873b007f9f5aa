using VideoTube.Application.Likes;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/likes routes (stubs there).</summary>
public sealed class Likes : IEndpointGroup
{
    public static string Prefix => "/api/v1/likes";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapPost("/toggle/v/{videoId}", (string videoId, ToggleLikeHandler handler, CancellationToken ct) =>
            Toggle(handler, LikeTarget.Video, RouteIds.Parse(videoId, "video"), ct)).WithSummary("Like or unlike a video")
            .WithName("toggleVideoLike").Returns<LikeStatusDto>();
        group.MapPost("/toggle/c/{commentId}", (string commentId, ToggleLikeHandler handler, CancellationToken ct) =>
            Toggle(handler, LikeTarget.Comment, RouteIds.Parse(commentId, "comment"), ct)).WithSummary("Like or unlike a comment")
            .WithName("toggleCommentLike").Returns<LikeStatusDto>();
        group.MapPost("/toggle/t/{tweetId}", (string tweetId, ToggleLikeHandler handler, CancellationToken ct) =>
            Toggle(handler, LikeTarget.Tweet, RouteIds.Parse(tweetId, "tweet"), ct)).WithSummary("Like or unlike a tweet")
            .WithName("toggleTweetLike").Returns<LikeStatusDto>();
        group.MapGet("/videos", LikedVideos).WithSummary("Videos you liked, most recent like first")
            .WithName("listLikedVideos").Returns<IReadOnlyList<VideoDto>>();
    }

    private static async Task<IResult> Toggle(ToggleLikeHandler handler, LikeTarget target, Guid id, CancellationToken ct)
    {
        var status = await handler.HandleAsync(new ToggleLikeCommand(target, id), ct);
        return Envelope.Ok(status, status.IsLiked ? "Liked successfully" : "Unliked successfully");
    }

    private static async Task<IResult> LikedVideos(ListCallerVideosHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.LikedVideosAsync(ct), "Liked videos fetched successfully");
}
