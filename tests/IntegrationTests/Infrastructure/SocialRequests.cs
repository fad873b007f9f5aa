using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Infrastructure;

/// <summary>Set-up steps for the social routes (tweets, comments, likes, playlists), made through the API.</summary>
public static class SocialRequests
{
    public static async Task<Guid> PostTweetAsync(this TestUser user, string content = "a tweet") =>
        IdOf(await DataAsync(await user.Client.PostAsJsonAsync("/api/v1/tweets", new { content }), HttpStatusCode.Created));

    public static async Task<Guid> PostCommentAsync(this TestUser user, Guid videoId, string content = "a comment") =>
        IdOf(await DataAsync(await user.Client.PostAsJsonAsync($"/api/v1/comments/{videoId}", new { content }),
            HttpStatusCode.Created));

    public static async Task<Guid> CreatePlaylistAsync(this TestUser user, string name = "a playlist") =>
        IdOf(await DataAsync(await user.Client.PostAsJsonAsync("/api/v1/playlist", new { name }), HttpStatusCode.Created));

    public static async Task<JsonNode> AddToPlaylistAsync(this TestUser user, Guid videoId, Guid playlistId) =>
        await DataAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/{videoId}/{playlistId}", null));

    /// <summary>Toggles a like; <paramref name="kind"/> is the route letter: v (video), c (comment) or t (tweet).</summary>
    public static async Task<bool> ToggleLikeAsync(this TestUser user, string kind, Guid id) =>
        (await DataAsync(await user.Client.PostAsync($"/api/v1/likes/toggle/{kind}/{id}", null)))["isLiked"]!.GetValue<bool>();

    /// <summary>Asserts the success envelope with the given status and returns its data.</summary>
    public static async Task<JsonNode> DataAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        var json = JsonNode.Parse(text)!;
        Assert.That(json["success"]!.GetValue<bool>(), Is.True, text);
        return json["data"]!;
    }

    public static Guid IdOf(JsonNode node) => Guid.Parse(node["_id"]!.GetValue<string>());

    public static List<Guid> IdsOf(JsonNode array) => array.AsArray().Select(item => IdOf(item!)).ToList();
}
