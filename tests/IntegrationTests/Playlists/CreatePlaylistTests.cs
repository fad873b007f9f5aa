using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Playlists;

public sealed class CreatePlaylistTests : ApiTestBase
{
    [Test]
    public async Task Creates_an_empty_playlist_owned_by_the_caller()
    {
        var user = await CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/playlist", new { name = "  Favourites ", description = " best of " });

        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Playlist created successfully"));
            Assert.That(data["name"]!.GetValue<string>(), Is.EqualTo("Favourites"));
            Assert.That(data["description"]!.GetValue<string>(), Is.EqualTo("best of"));
            Assert.That(data["videos"]!.AsArray(), Is.Empty);
            Assert.That(data["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(user.Id.ToString()));
        });
        var stored = await WithDbAsync(db => db.Playlists.SingleAsync(p => p.OwnerId == user.Id));
        Assert.That((stored.Name, stored.Description), Is.EqualTo(("Favourites", "best of")));
    }

    [Test]
    public async Task Description_is_optional()
    {
        var user = await CreateUserAsync();
        var data = await (await user.Client.PostAsJsonAsync("/api/v1/playlist", new { name = "Later" })).DataAsync(HttpStatusCode.Created);
        Assert.That(data["description"]!.GetValue<string>(), Is.Empty);
    }

    [Test]
    public async Task Invalid_fields_are_400_and_no_token_401()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/playlist", new { description = "x" }),
            HttpStatusCode.BadRequest), Is.EqualTo("Name is required"));
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/playlist", new { name = "  " }), HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/playlist",
            new { name = new string('n', Playlist.MaxNameLength + 1) }), HttpStatusCode.BadRequest);
        await AssertErrorAsync(await user.Client.PostAsJsonAsync("/api/v1/playlist",
            new { name = "ok", description = new string('d', Playlist.MaxDescriptionLength + 1) }), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PostAsJsonAsync("/api/v1/playlist", new { name = "x" }), HttpStatusCode.Unauthorized);

        Assert.That(await WithDbAsync(db => db.Playlists.CountAsync(p => p.OwnerId == user.Id)), Is.Zero);
    }
}
