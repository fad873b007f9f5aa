using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Tweets;

public sealed class UpdateTweetTests : ApiTestBase
{
    private Task<string> StoredContentAsync(Guid id) =>
        WithDbAsync(db => db.Tweets.Where(t => t.Id == id).Select(t => t.Content).SingleAsync());

    [Test]
    public async Task Owner_updates_the_content_and_keeps_its_likes()
    {
        var user = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var id = await user.PostTweetAsync("original");
        await fan.ToggleLikeAsync("t", id);

        var response = await user.Client.PatchAsJsonAsync($"/api/v1/tweets/{id}", new { content = " edited " });

        var data = await response.DataAsync();
        Assert.Multiple(() =>
        {
            Assert.That(data["content"]!.GetValue<string>(), Is.EqualTo("edited"));
            Assert.That(data["likesCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(DateTime.Parse(data["updatedAt"]!.GetValue<string>()),
                Is.GreaterThan(DateTime.Parse(data["createdAt"]!.GetValue<string>())));
        });
        Assert.That(await StoredContentAsync(id), Is.EqualTo("edited"));
    }

    [Test]
    public async Task Non_owner_gets_403_and_nothing_changes()
    {
        var owner = await CreateUserAsync();
        var other = await CreateUserAsync();
        var id = await owner.PostTweetAsync("original");

        await AssertErrorAsync(await other.Client.PatchAsJsonAsync($"/api/v1/tweets/{id}", new { content = "hijack" }),
            HttpStatusCode.Forbidden);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("original"));
    }

    [Test]
    public async Task Unknown_malformed_invalid_and_anonymous_requests_fail()
    {
        var user = await CreateUserAsync();
        var id = await user.PostTweetAsync("original");
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"/api/v1/tweets/{Guid.NewGuid()}", new { content = "x" }),
            HttpStatusCode.NotFound), Is.EqualTo("Tweet not found"));
        Assert.That(await AssertErrorAsync(await user.Client.PatchAsJsonAsync("/api/v1/tweets/123", new { content = "x" }),
            HttpStatusCode.BadRequest), Is.EqualTo("Invalid tweet id"));
        await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"/api/v1/tweets/{id}", new { content = "" }),
            HttpStatusCode.BadRequest);
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PatchAsJsonAsync($"/api/v1/tweets/{id}", new { content = "x" }),
            HttpStatusCode.Unauthorized);

        Assert.That(await StoredContentAsync(id), Is.EqualTo("original"));
    }
}
