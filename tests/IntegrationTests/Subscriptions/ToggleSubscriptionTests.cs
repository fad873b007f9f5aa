using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Subscriptions;

public sealed class ToggleSubscriptionTests : ApiTestBase
{
    [Test]
    public async Task Toggle_subscribes_then_unsubscribes()
    {
        var fan = await CreateUserAsync();
        var channel = await CreateUserAsync();

        var first = await fan.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var json = await ReadJsonAsync(first);
        Assert.That(json["data"]!.ToJsonString(), Is.EqualTo("""{"isSubscribed":true}"""));
        Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Subscribed successfully"));
        Assert.That(await WithDbAsync(db => db.Subscriptions.CountAsync(s => s.SubscriberId == fan.Id && s.ChannelId == channel.Id)),
            Is.EqualTo(1));

        var second = await ReadJsonAsync(await fan.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null));
        Assert.That(second["data"]!["isSubscribed"]!.GetValue<bool>(), Is.False);
        Assert.That(second["message"]!.GetValue<string>(), Is.EqualTo("Unsubscribed successfully"));
        Assert.That(await WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.SubscriberId == fan.Id)), Is.False);
    }

    [Test]
    public async Task Twenty_concurrent_toggles_never_fail_and_end_consistent()
    {
        var fan = await CreateUserAsync();
        var channel = await CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => fan.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var rows = await WithDbAsync(db => db.Subscriptions.CountAsync(s => s.SubscriberId == fan.Id && s.ChannelId == channel.Id));
        Assert.That(rows, Is.LessThanOrEqualTo(1), "the unique index keeps one row at most");
        var profile = await ReadJsonAsync(await fan.Client.GetAsync($"/api/v1/users/c/{channel.Username}"));
        Assert.That(profile["data"]!["isSubscribed"]!.GetValue<bool>(), Is.EqualTo(rows == 1));
        Assert.That(profile["data"]!["subscribersCount"]!.GetValue<int>(), Is.EqualTo(rows));

        // The next toggle still works from whatever state the race left.
        var next = await ReadJsonAsync(await fan.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null));
        Assert.That(next["data"]!["isSubscribed"]!.GetValue<bool>(), Is.EqualTo(rows == 0));
    }

    [Test]
    public async Task Self_unknown_malformed_and_anonymous_are_rejected()
    {
        var user = await CreateUserAsync();
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync($"/api/v1/subscriptions/c/{user.Id}", null),
            HttpStatusCode.BadRequest), Is.EqualTo("You cannot subscribe to your own channel"));
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync($"/api/v1/subscriptions/c/{Guid.NewGuid()}", null),
            HttpStatusCode.NotFound), Is.EqualTo("Channel not found"));
        Assert.That(await AssertErrorAsync(await user.Client.PostAsync("/api/v1/subscriptions/c/abc", null),
            HttpStatusCode.BadRequest), Is.EqualTo("Invalid channel id"));
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.PostAsync($"/api/v1/subscriptions/c/{user.Id}", null), HttpStatusCode.Unauthorized);
    }
}
