using System.Net;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class ListUserPlaylistsTests : ApiTestBase
{
    [Test]
    public async Task Lists_a_users_playlists_newest_first_with_totals_of_visible_videos()
    {
        var curator = await CreateUserAsync();
        var creator = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var a = await SeedVideoAsync(creator.Id, duration: 100.5);
        var b = await SeedVideoAsync(creator.Id, duration: 30);
        var hidden = await SeedVideoAsync(curator.Id, duration: 1000, isPublished: false);
        var empty = await curator.CreatePlaylistAsync("empty");
        var full = await curator.CreatePlaylistAsync("full");
        await viewer.CreatePlaylistAsync("not the curator's");
        foreach (var video in new[] { a.Id, b.Id, hidden.Id })
            await curator.AddToPlaylistAsync(video, full);

        var forViewer = (await (await viewer.Client.GetAsync($"/api/v1/playlist/user/{curator.Id}")).DataAsync()).AsArray();
        var forCurator = (await (await curator.Client.GetAsync($"/api/v1/playlist/user/{curator.Id}")).DataAsync()).AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(SocialRequests.IdsOf(forViewer), Is.EqualTo(new[] { full, empty }));
            Assert.That(forViewer[0]!["totalVideos"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(forViewer[0]!["totalDuration"]!.GetValue<double>(), Is.EqualTo(130.5));
            Assert.That(forViewer[0]!["videos"], Is.Null, "the list carries totals, not the videos");
            Assert.That(forViewer[1]!["totalVideos"]!.GetValue<int>(), Is.Zero);
            Assert.That(forViewer[1]!["totalDuration"]!.GetValue<double>(), Is.Zero);
            Assert.That(forViewer[0]!["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(curator.Id.ToString()));
            Assert.That(forCurator[0]!["totalVideos"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(forCurator[0]!["totalDuration"]!.GetValue<double>(), Is.EqualTo(1130.5));
        });
    }

    [Test]
    public async Task Unknown_user_is_404_malformed_id_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        Assert.That((await (await user.Client.GetAsync($"/api/v1/playlist/user/{user.Id}")).DataAsync()).AsArray(), Is.Empty);
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/playlist/user/{Guid.NewGuid()}"),
            HttpStatusCode.NotFound), Is.EqualTo("User not found"));
        await AssertErrorAsync(await user.Client.GetAsync("/api/v1/playlist/user/me"), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/playlist/user/{user.Id}"), HttpStatusCode.Unauthorized);
    }
}
