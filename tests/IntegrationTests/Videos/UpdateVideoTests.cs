using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Videos;

public sealed class UpdateVideoTests : VideoTestBase
{
    [Test]
    public async Task Json_updates_title_and_description()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id, title: "old title");

        var response = await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{video.Id}",
            new { title = " new title ", description = "new description" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video updated successfully"));
            Assert.That(data["title"]!.GetValue<string>(), Is.EqualTo("new title"));
            Assert.That(data["description"]!.GetValue<string>(), Is.EqualTo("new description"));
            Assert.That(data["thumbnail"]!.GetValue<string>(), Is.EqualTo(MediaUrl(video.ThumbnailKey)));
            Assert.That(data["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(owner.Username));
            Assert.That(DateTime.Parse(data["updatedAt"]!.GetValue<string>()).ToUniversalTime(), Is.GreaterThan(video.UpdatedAt));
        });
    }

    [Test]
    public async Task A_new_thumbnail_replaces_and_deletes_the_old_file()
    {
        var owner = await CreateUserAsync();
        var published = await PublishAsync(owner);
        var id = published["_id"]!.GetValue<string>();
        var oldThumbnail = PathOf(published, "thumbnail");
        var files = MediaFileCount();

        var form = new MultipartFormDataContent
        {
            { new StringContent("multipart title"), "title" },
            { ImageContent(TestFiles.Png(3000)), "thumbnail", "new.png" },
        };
        var response = await owner.Client.PatchAsync($"/api/v1/videos/{id}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var data = (await ReadJsonAsync(response))["data"]!;
        Assert.That(data["title"]!.GetValue<string>(), Is.EqualTo("multipart title"));
        Assert.That(data["description"]!.GetValue<string>(), Is.EqualTo(published["description"]!.GetValue<string>()));
        Assert.That(PathOf(data, "thumbnail"), Is.Not.EqualTo(oldThumbnail));
        Assert.That(MediaFileCount(), Is.EqualTo(files));
        Assert.That((await owner.Client.GetAsync(oldThumbnail)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await (await owner.Client.GetAsync(PathOf(data, "thumbnail"))).Content.ReadAsByteArrayAsync(),
            Is.EqualTo(TestFiles.Png(3000)));
    }

    [Test]
    public async Task A_bad_thumbnail_is_415_and_changes_nothing()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id, title: "unchanged");
        var files = MediaFileCount();
        var form = new MultipartFormDataContent
        {
            { new StringContent("changed"), "title" },
            { ImageContent("<svg/>"u8.ToArray(), "image/svg+xml"), "thumbnail", "x.svg" },
        };

        await AssertErrorAsync(await owner.Client.PatchAsync($"/api/v1/videos/{video.Id}", form), HttpStatusCode.UnsupportedMediaType);

        Assert.That(MediaFileCount(), Is.EqualTo(files));
        Assert.That(await WithDbAsync(db => db.Videos.Where(v => v.Id == video.Id).Select(v => v.Title).SingleAsync()),
            Is.EqualTo("unchanged"));
    }

    [Test]
    public async Task Invalid_or_empty_changes_are_400()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        Assert.That(await AssertErrorAsync(await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{video.Id}", new { }),
            HttpStatusCode.BadRequest), Is.EqualTo("Nothing to update"));
        Assert.That(await AssertErrorAsync(await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{video.Id}", new { title = "  " }),
            HttpStatusCode.BadRequest), Is.EqualTo("Title cannot be empty"));
        Assert.That(await AssertErrorAsync(await owner.Client.PatchAsJsonAsync($"/api/v1/videos/{video.Id}",
            new { description = new string('d', 5001) }), HttpStatusCode.BadRequest), Is.EqualTo("Invalid description"));
    }

    [Test]
    public async Task Only_the_owner_may_edit()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id, title: "mine");

        await AssertErrorAsync(await other.Client.PatchAsJsonAsync($"/api/v1/videos/{video.Id}", new { title = "stolen" }),
            HttpStatusCode.Forbidden);
        await AssertErrorAsync(await other.Client.PatchAsJsonAsync($"/api/v1/videos/{Guid.NewGuid()}", new { title = "x" }),
            HttpStatusCode.NotFound);
        await AssertErrorAsync(await other.Client.PatchAsJsonAsync("/api/v1/videos/123", new { title = "x" }),
            HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsJsonAsync($"/api/v1/videos/{video.Id}", new { title = "x" }),
            HttpStatusCode.Unauthorized);
        Assert.That(await WithDbAsync(db => db.Videos.Where(v => v.Id == video.Id).Select(v => v.Title).SingleAsync()), Is.EqualTo("mine"));
    }
}
