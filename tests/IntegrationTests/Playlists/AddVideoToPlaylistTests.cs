using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class AddVideoToPlaylistTests : ApiTestBase
{
    private Task<List<Guid>> EntriesAsync(Guid playlist) =>
        WithDbAsync(db => db.PlaylistVideos.Where(pv => pv.PlaylistId == playlist).Select(pv => pv.VideoId).ToListAsync());

    [Test]
    public async Task Adds_a_video_once_however_often_it_is_sent()
    {
        var user = await CreateUserAsync();
        var creator = await CreateUserAsync();
        var video = await SeedVideoAsync(creator.Id);
        var playlist = await user.CreatePlaylistAsync();

        var response = await user.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/{playlist}", null);
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video added to playlist successfully"));
        Assert.That(SocialRequests.IdsOf(json["data"]!["videos"]!), Is.EqualTo(new[] { video.Id }));

        var again = await user.AddToPlaylistAsync(video.Id, playlist);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => user.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/{playlist}", null)));
        foreach (var result in parallel)
            await result.DataAsync();

        Assert.That(SocialRequests.IdsOf(again["videos"]!), Is.EqualTo(new[] { video.Id }));
        Assert.That(await EntriesAsync(playlist), Is.EqualTo(new[] { video.Id }));
    }

    [Test]
    public async Task Non_owner_gets_403()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(other.Id);
        var playlist = await owner.CreatePlaylistAsync();

        await AssertErrorAsync(await other.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/{playlist}", null),
            HttpStatusCode.Forbidden);

        Assert.That(await EntriesAsync(playlist), Is.Empty);
    }

    [Test]
    public async Task Unknown_or_hidden_video_and_unknown_playlist_are_404()
    {
        var user = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        var othersDraft = await SeedVideoAsync(other.Id, isPublished: false);
        var playlist = await user.CreatePlaylistAsync();

        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/{Guid.NewGuid()}/{playlist}", null),
            HttpStatusCode.NotFound), Is.EqualTo("Video not found"));
        await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/{othersDraft.Id}/{playlist}", null),
            HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/{Guid.NewGuid()}", null),
            HttpStatusCode.NotFound), Is.EqualTo("Playlist not found"));

        Assert.That(await EntriesAsync(playlist), Is.Empty);
    }

    [Test]
    public async Task Malformed_ids_are_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        var playlist = await user.CreatePlaylistAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/x/{playlist}", null),
            HttpStatusCode.BadRequest), Is.EqualTo("Invalid video id"));
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsync($"/api/v1/playlist/add/{video.Id}/x", null),
            HttpStatusCode.BadRequest), Is.EqualTo("Invalid playlist id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsync($"/api/v1/playlist/add/{video.Id}/{playlist}", null),
            HttpStatusCode.Unauthorized);
    }
}
