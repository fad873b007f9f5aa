using VideoTube.Application.Common.Posts;
using VideoTube.Application.Tweets;
using VideoTube.Domain.Entities;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>chai-backend's /api/v1/tweets routes (stubs there).</summary>
public sealed class Tweets : IEndpointGroup
{
    public static string Prefix => "/api/v1/tweets";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization().DisableAntiforgery();
        group.MapPost("/", Create).WithSummary("Post a tweet")
            .WithName("createTweet").AcceptsJson<ContentRequest>().Returns<TweetDto>(StatusCodes.Status201Created);
        group.MapGet("/user/{userId}", ListByUser).WithSummary("A user's tweets, newest first")
            .WithName("listUserTweets").Returns<IReadOnlyList<TweetDto>>();
        group.MapPatch("/{tweetId}", Update).WithSummary("Edit your tweet")
            .WithName("updateTweet").AcceptsJson<ContentRequest>().Returns<TweetDto>().Fails(StatusCodes.Status403Forbidden);
        group.MapDelete("/{tweetId}", Delete).WithSummary("Delete your tweet")
            .WithName("deleteTweet").ReturnsMessage().Fails(StatusCodes.Status403Forbidden);
    }

    private sealed record ContentRequest(string? Content);

    private static async Task<IResult> Create(HttpRequest request, RequestBody body, CreateTweetHandler handler,
        CancellationToken ct)
    {
        var tweet = await handler.HandleAsync(await body.ReadAsync<CreateTweetCommand>(request, ct), ct);
        return Envelope.Created(tweet, "Tweet created successfully");
    }

    private static async Task<IResult> ListByUser(string userId, ListUserTweetsHandler handler, CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new ListUserTweetsQuery(RouteIds.Parse(userId, "user")), ct),
            "Tweets fetched successfully");

    private static async Task<IResult> Update(string tweetId, HttpRequest request, RequestBody body,
        EditPostHandler<Tweet, TweetDto> handler, CancellationToken ct)
    {
        var id = RouteIds.Parse(tweetId, "tweet");
        var input = await body.ReadAsync<ContentRequest>(request, ct);
        return Envelope.Ok(await handler.HandleAsync(new EditPostCommand<Tweet>(id, input.Content), ct), "Tweet updated successfully");
    }

    private static async Task<IResult> Delete(string tweetId, DeletePostHandler<Tweet> handler, CancellationToken ct)
    {
        await handler.HandleAsync(new DeletePostCommand<Tweet>(RouteIds.Parse(tweetId, "tweet")), ct);
        return Envelope.Ok("Tweet deleted successfully");
    }
}
