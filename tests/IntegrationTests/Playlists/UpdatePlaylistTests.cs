using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class UpdatePlaylistTests : ApiTestBase
{
    private Task<(string, string)> StoredAsync(Guid id) => WithDbAsync(db =>
        db.Playlists.Where(p => p.Id == id).Select(p => new ValueTuple<string, string>(p.Name, p.Description)).SingleAsync());

    [Test]
    public async Task Owner_renames_and_describes_and_either_field_may_be_left_out()
    {
        var user = await CreateUserAsync();
        var video = await SeedVideoAsync(user.Id);
        var playlist = await user.CreatePlaylistAsync("old");
        await user.AddToPlaylistAsync(video.Id, playlist);

        var both = await (await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}",
            new { name = " new ", description = "about" })).DataAsync();
        Assert.That(await StoredAsync(playlist), Is.EqualTo(("new", "about")));
        Assert.That(SocialRequests.IdsOf(both["videos"]!), Is.EqualTo(new[] { video.Id }));

        await (await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { description = "" })).DataAsync();
        Assert.That(await StoredAsync(playlist), Is.EqualTo(("new", "")));

        var renamed = await (await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { name = "newer" })).DataAsync();
        Assert.That(renamed["name"]!.GetValue<string>(), Is.EqualTo("newer"));
        Assert.That(await StoredAsync(playlist), Is.EqualTo(("newer", "")));
    }

    [Test]
    public async Task Invalid_fields_are_400()
    {
        var user = await CreateUserAsync();
        var playlist = await user.CreatePlaylistAsync("name");
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { }), HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { name = " " }),
            HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}",
            new { name = new string('n', Playlist.MaxNameLength + 1) }), HttpStatusCode.BadRequest);
        Assert.That(await StoredAsync(playlist), Is.EqualTo(("name", "")));
    }

    [Test]
    public async Task Non_owner_403_unknown_404_malformed_400_and_no_token_401()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var playlist = await owner.CreatePlaylistAsync("mine");
        await AssertErrorAsync(await other.Client.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { name = "theirs" }),
            HttpStatusCode.Forbidden);
        await AssertErrorAsync(await owner.Client.PatchAsJsonAsync($"/api/v1/playlist/{Guid.NewGuid()}", new { name = "x" }),
            HttpStatusCode.NotFound);
        await AssertErrorAsync(await owner.Client.PatchAsJsonAsync("/api/v1/playlist/bad-id", new { name = "x" }),
            HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsJsonAsync($"/api/v1/playlist/{playlist}", new { name = "x" }),
            HttpStatusCode.Unauthorized);
        Assert.That(await StoredAsync(playlist), Is.EqualTo(("mine", "")));
    }
}
