using System.Net;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class GetPlaylistTests : ApiTestBase
{
    [Test]
    public async Task Shows_the_videos_in_the_order_added_with_owners_hiding_others_unpublished_ones()
    {
        var curator = await CreateUserAsync();
        var creator = await CreateUserAsync();
        var viewer = await CreateUserAsync();
        var second = await SeedVideoAsync(creator.Id, title: "second");
        var first = await SeedVideoAsync(creator.Id, title: "first");
        var draft = await SeedVideoAsync(curator.Id, title: "curator's draft", isPublished: false);
        var playlist = await curator.CreatePlaylistAsync("mix");
        await curator.AddToPlaylistAsync(first.Id, playlist);
        await curator.AddToPlaylistAsync(draft.Id, playlist);
        await curator.AddToPlaylistAsync(second.Id, playlist);

        var forViewer = await (await viewer.Client.GetAsync($"/api/v1/playlist/{playlist}")).DataAsync();
        var forCurator = await (await curator.Client.GetAsync($"/api/v1/playlist/{playlist}")).DataAsync();

        Assert.Multiple(() =>
        {
            Assert.That(forViewer["name"]!.GetValue<string>(), Is.EqualTo("mix"));
            Assert.That(forViewer["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(curator.Username));
            Assert.That(SocialRequests.IdsOf(forViewer["videos"]!), Is.EqualTo(new[] { first.Id, second.Id }));
            Assert.That(forViewer["videos"]![0]!["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(creator.Id.ToString()));
            Assert.That(forViewer["videos"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("first"));
            Assert.That(SocialRequests.IdsOf(forCurator["videos"]!), Is.EqualTo(new[] { first.Id, draft.Id, second.Id }));
        });
    }

    [Test]
    public async Task Unknown_is_404_malformed_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        var playlist = await user.CreatePlaylistAsync();
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/playlist/{Guid.NewGuid()}"), HttpStatusCode.NotFound),
            Is.EqualTo("Playlist not found"));
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/playlist/abc"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid playlist id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/playlist/{playlist}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_playlist_with_its_visible_videos_is_read_in_one_statement()
    {
        var curator = await CreateUserAsync();
        var video = await SeedVideoAsync(curator.Id);
        var draft = await SeedVideoAsync(curator.Id, isPublished: false);
        var playlist = await curator.CreatePlaylistAsync();
        await curator.AddToPlaylistAsync(video.Id, playlist);
        await curator.AddToPlaylistAsync(draft.Id, playlist);
        var viewer = await CreateUserAsync();

        Factory.SqlCommands.Reset();
        var data = await (await viewer.Client.GetAsync($"/api/v1/playlist/{playlist}")).DataAsync();

        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
        Assert.That(SocialRequests.IdsOf(data["videos"]!), Is.EqualTo(new[] { video.Id }));
    }
}
