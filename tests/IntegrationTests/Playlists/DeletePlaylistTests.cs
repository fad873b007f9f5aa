using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class DeletePlaylistTests : ApiTestBase
{
    [Test]
    public async Task Owner_deletes_the_playlist_and_its_entries_but_not_the_videos()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        var playlist = await user.CreatePlaylistAsync();
        await user.AddToPlaylistAsync(video.Id, playlist);

        var json = await ReadJsonAsync(await user.Client.DeleteAsync($"/api/v1/playlist/{playlist}"));

        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Playlist deleted successfully"));
        Assert.That(json["data"]!.AsObject(), Is.Empty);
        Assert.That(await WithDbAsync(db => db.Playlists.AnyAsync(p => p.Id == playlist)), Is.False);
        Assert.That(await WithDbAsync(db => db.PlaylistVideos.AnyAsync(pv => pv.PlaylistId == playlist)), Is.False);
        Assert.That(await WithDbAsync(db => db.Videos.AnyAsync(v => v.Id == video.Id)), Is.True);
        await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/playlist/{playlist}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Non_owner_403_unknown_404_malformed_400_and_no_token_401()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var playlist = await owner.CreatePlaylistAsync();
        await AssertErrorAsync(await other.Client.DeleteAsync($"/api/v1/playlist/{playlist}"), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await owner.Client.DeleteAsync($"/api/v1/playlist/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertErrorAsync(await owner.Client.DeleteAsync("/api/v1/playlist/0"), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.DeleteAsync($"/api/v1/playlist/{playlist}"), HttpStatusCode.Unauthorized);
        Assert.That(await WithDbAsync(db => db.Playlists.AnyAsync(p => p.Id == playlist)), Is.True);
    }
}
