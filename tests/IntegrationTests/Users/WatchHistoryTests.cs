using System.Net;
using System.Text.Json.Nodes;

namespace VideoTube.IntegrationTests.Users;

public sealed class WatchHistoryTests : ApiTestBase
{
    private static async Task<JsonArray> HistoryAsync(TestUser user)
    {
        var response = await user.Client.GetAsync("/api/v1/users/history");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Watch history fetched successfully"));
        return json["data"]!.AsArray();
    }

    [Test]
    public async Task History_lists_watched_videos_most_recent_first_each_once_with_owners()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var first = await SeedVideoAsync(owner.Id, title: "first");
        var second = await SeedVideoAsync(owner.Id, title: "second");
        await SeedVideoAsync(owner.Id, title: "never watched");

        foreach (var video in new[] { first, second, first })
            Assert.That((await viewer.Client.GetAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await FlushViewsAsync();

        Factory.SqlCommands.Reset();
        var history = await HistoryAsync(viewer);

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.That(history.Select(v => v!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "first", "second" }));
        Assert.Multiple(() =>
        {
            Assert.That(history[0]!["views"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(history[0]!["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(owner.Id.ToString()));
            Assert.That(history[0]!["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(owner.Username));
            Assert.That(history[0]!["videoFile"]!.GetValue<string>(), Is.EqualTo(MediaUrl(first.VideoFileKey)));
        });
        Assert.That(await HistoryAsync(owner), Is.Empty, "history is per user");
    }

    [Test]
    public async Task Videos_unpublished_since_they_were_watched_drop_out()
    {
        var owner = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        await viewer.Client.GetAsync($"/api/v1/videos/{video.Id}");
        await owner.Client.GetAsync($"/api/v1/videos/{video.Id}");

        await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null);

        Assert.That(await HistoryAsync(viewer), Is.Empty);
        Assert.That(await HistoryAsync(owner), Has.Count.EqualTo(1), "owners still see their own drafts");
    }

    [Test]
    public async Task Without_a_token_is_401()
    {
        using var client = CreateClient();
        await AssertErrorAsync(await client.GetAsync("/api/v1/users/history"), HttpStatusCode.Unauthorized);
    }
}
