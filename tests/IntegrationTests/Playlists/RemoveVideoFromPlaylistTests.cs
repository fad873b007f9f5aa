using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class RemoveVideoFromPlaylistTests : ApiTestBase
{
    private Task<List<Guid>> EntriesAsync(Guid playlist) =>
        WithDbAsync(db => db.PlaylistVideos.Where(pv => pv.PlaylistId == playlist).Select(pv => pv.VideoId).ToListAsync());

    [Test]
    public async Task Removes_the_video_and_removing_it_again_is_harmless()
    {
        var user = await CreateUserAsync();
        var gone = await SeedVideoAsync(user.Id);
        var kept = await SeedVideoAsync(user.Id);
        var playlist = await user.CreatePlaylistAsync();
        await user.AddToPlaylistAsync(gone.Id, playlist);
        await user.AddToPlaylistAsync(kept.Id, playlist);

        var json = await ReadJsonAsync(await user.Client.PatchAsync($"/api/v1/playlist/remove/{gone.Id}/{playlist}", null));
        var again = await (await user.Client.PatchAsync($"/api/v1/playlist/remove/{gone.Id}/{playlist}", null)).DataAsync();

        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video removed from playlist successfully"));
            Assert.That(SocialRequests.IdsOf(json["data"]!["videos"]!), Is.EqualTo(new[] { kept.Id }));
            Assert.That(SocialRequests.IdsOf(again["videos"]!), Is.EqualTo(new[] { kept.Id }));
        });
        Assert.That(await EntriesAsync(playlist), Is.EqualTo(new[] { kept.Id }));
        Assert.That(await WithDbAsync(db => db.Videos.CountAsync(v => v.Id == gone.Id)), Is.EqualTo(1), "the video itself stays");
    }

    [Test]
    public async Task A_video_unpublished_after_it_was_added_can_still_be_removed()
    {
        var curator = await CreateUserAsync();
        var creator = await CreateUserAsync();
        var video = await SeedVideoAsync(creator.Id);
        var playlist = await curator.CreatePlaylistAsync();
        await curator.AddToPlaylistAsync(video.Id, playlist);
        await WithDbAsync(db => db.Videos.Where(v => v.Id == video.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPublished, false)));

        await (await curator.Client.PatchAsync($"/api/v1/playlist/remove/{video.Id}/{playlist}", null)).DataAsync();

        Assert.That(await EntriesAsync(playlist), Is.Empty);
    }

    [Test]
    public async Task Non_owner_403_unknown_404_malformed_400_and_no_token_401()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        var playlist = await owner.CreatePlaylistAsync();
        await owner.AddToPlaylistAsync(video.Id, playlist);

        await AssertErrorAsync(await other.Client.PatchAsync($"/api/v1/playlist/remove/{video.Id}/{playlist}", null),
            HttpStatusCode.Forbidden);
        await AssertErrorAsync(await owner.Client.PatchAsync($"/api/v1/playlist/remove/{Guid.NewGuid()}/{playlist}", null),
            HttpStatusCode.NotFound);
        await AssertErrorAsync(await owner.Client.PatchAsync($"/api/v1/playlist/remove/{video.Id}/{Guid.NewGuid()}", null),
            HttpStatusCode.NotFound);
        await AssertErrorAsync(await owner.Client.PatchAsync($"/api/v1/playlist/remove/{video.Id}/1", null),
            HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsync($"/api/v1/playlist/remove/{video.Id}/{playlist}", null),
            HttpStatusCode.Unauthorized);

        Assert.That(await EntriesAsync(playlist), Is.EqualTo(new[] { video.Id }));
    }
}
