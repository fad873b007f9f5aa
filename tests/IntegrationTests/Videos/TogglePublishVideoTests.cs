using System.Net;

namespace VideoTube.IntegrationTests.Videos;

public sealed class TogglePublishVideoTests : ApiTestBase
{
    [Test]
    public async Task Toggling_flips_visibility_and_returns_the_video()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        var response = await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Video publish status toggled successfully"));
        Assert.That(json["data"]!["isPublished"]!.GetValue<bool>(), Is.False);
        Assert.That(json["data"]!["_id"]!.GetValue<string>(), Is.EqualTo(video.Id.ToString()));
        Assert.That(json["data"]!["owner"]!["username"]!.GetValue<string>(), Is.EqualTo(owner.Username));
        await AssertErrorAsync(await other.Client.GetAsync($"/api/v1/videos/{video.Id}"), HttpStatusCode.NotFound);

        var again = await ReadJsonAsync(await owner.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null));
        Assert.That(again["data"]!["isPublished"]!.GetValue<bool>(), Is.True);
        Assert.That((await other.Client.GetAsync($"/api/v1/videos/{video.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Only_the_owner_may_toggle()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);

        await AssertErrorAsync(await other.Client.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null), HttpStatusCode.Forbidden);
        await AssertErrorAsync(await other.Client.PatchAsync($"/api/v1/videos/toggle/publish/{Guid.NewGuid()}", null), HttpStatusCode.NotFound);
        await AssertErrorAsync(await other.Client.PatchAsync("/api/v1/videos/toggle/publish/nope", null), HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsync($"/api/v1/videos/toggle/publish/{video.Id}", null), HttpStatusCode.Unauthorized);
    }
}
