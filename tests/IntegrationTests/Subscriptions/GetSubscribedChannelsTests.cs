using System.Net;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Subscriptions;

/// <summary>GET /c/:channelId lists the channels that user subscribes to (chai-backend's wiring, kept on purpose).</summary>
public sealed class GetSubscribedChannelsTests : ApiTestBase
{
    [Test]
    public async Task Lists_the_channels_the_user_subscribes_to_newest_first_with_their_counts()
    {
        var fan = await CreateUserAsync();
        var popular = await CreateUserAsync();
        var niche = await CreateUserAsync();
        var other = await CreateUserAsync();
        await fan.Client.PostAsync($"/api/v1/subscriptions/c/{popular.Id}", null);
        await other.Client.PostAsync($"/api/v1/subscriptions/c/{popular.Id}", null);
        await fan.Client.PostAsync($"/api/v1/subscriptions/c/{niche.Id}", null);

        Factory.SqlCommands.Reset();
        var response = await other.Client.GetAsync($"/api/v1/subscriptions/c/{fan.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1));
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Subscribed channels fetched successfully"));
        var items = json["data"]!.AsArray();
        Assert.That(items.Select(i => i!["channel"]!["username"]!.GetValue<string>()), Is.EqualTo(new[] { niche.Username, popular.Username }));
        Assert.Multiple(() =>
        {
            Assert.That(items[0]!["subscriber"]!.GetValue<string>(), Is.EqualTo(fan.Id.ToString()));
            Assert.That(items[0]!["channel"]!["_id"]!.GetValue<string>(), Is.EqualTo(niche.Id.ToString()));
            Assert.That(items[0]!["channel"]!["avatar"]!.GetValue<string>(), Does.Contain("/media/avatars/"));
            Assert.That(items[0]!["channel"]!["fullName"]!.GetValue<string>(), Is.EqualTo("Test User"));
            Assert.That(items[0]!["channel"]!["subscribersCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(items[1]!["channel"]!["subscribersCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(items[0]!["createdAt"], Is.Not.Null);
        });
    }

    [Test]
    public async Task A_user_without_subscriptions_gets_an_empty_list()
    {
        var user = await CreateUserAsync();
        var json = await ReadJsonAsync(await user.Client.GetAsync($"/api/v1/subscriptions/c/{user.Id}"));
        Assert.That(json["data"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Unknown_malformed_and_anonymous_are_rejected()
    {
        var user = await CreateUserAsync();
        await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/subscriptions/c/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/subscriptions/c/zzz"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid subscriber id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/subscriptions/c/{user.Id}"), HttpStatusCode.Unauthorized);
    }
}
