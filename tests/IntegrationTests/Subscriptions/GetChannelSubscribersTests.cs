using System.Net;

namespace VideoTube.IntegrationTests.Subscriptions;

/// <summary>GET /u/:subscriberId lists the subscribers of that channel (chai-backend's wiring, kept on purpose).</summary>
public sealed class GetChannelSubscribersTests : ApiTestBase
{
    [Test]
    public async Task Lists_the_channels_subscribers_newest_first_with_their_own_counts()
    {
        var channel = await CreateUserAsync();
        var early = await CreateUserAsync();
        var late = await CreateUserAsync();
        await early.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null);
        await late.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null);
        await channel.Client.PostAsync($"/api/v1/subscriptions/c/{late.Id}", null);

        Factory.SqlCommands.Reset();
        var response = await early.Client.GetAsync($"/api/v1/subscriptions/u/{channel.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1));
        var json = await ReadJsonAsync(response);
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Channel subscribers fetched successfully"));
        var items = json["data"]!.AsArray();
        Assert.That(items.Select(i => i!["subscriber"]!["_id"]!.GetValue<string>()),
            Is.EqualTo(new[] { late.Id.ToString(), early.Id.ToString() }));
        Assert.Multiple(() =>
        {
            Assert.That(items[0]!["channel"]!.GetValue<string>(), Is.EqualTo(channel.Id.ToString()));
            Assert.That(items[0]!["subscriber"]!["username"]!.GetValue<string>(), Is.EqualTo(late.Username));
            Assert.That(items[0]!["subscriber"]!["subscribersCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(items[1]!["subscriber"]!["subscribersCount"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Unknown_malformed_and_anonymous_are_rejected()
    {
        var user = await CreateUserAsync();
        await AssertErrorAsync(await user.Client.GetAsync($"/api/v1/subscriptions/u/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.That(await AssertErrorAsync(await user.Client.GetAsync("/api/v1/subscriptions/u/1"), HttpStatusCode.BadRequest),
            Is.EqualTo("Invalid channel id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync($"/api/v1/subscriptions/u/{user.Id}"), HttpStatusCode.Unauthorized);
    }
}
