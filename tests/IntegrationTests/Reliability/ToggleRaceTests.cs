using System.Net;
using Microsoft.EntityFrameworkCore;

namespace VideoTube.IntegrationTests.Reliability;

/// <summary>
/// Issue 10, reproduction 8: parallel toggles by one user on one target are linearizable. The end state follows the
/// parity of the toggles and the replies agree with it (they alternate, so as many say "on" as "off", plus one).
/// </summary>
public sealed class ToggleRaceTests : ApiTestBase
{
    [Test, CancelAfter(180_000)]
    public async Task Twenty_users_each_toggling_a_like_ten_times_in_parallel_all_end_unliked()
    {
        var owner = await CreateUserAsync();
        var video = await SeedVideoAsync(owner.Id);
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CreateUserAsync()));

        var replies = await Task.WhenAll(users.Select(async user =>
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => user.ToggleLikeAsync("v", video.Id)))));

        Assert.That(replies.Select(r => r.Count(liked => liked)), Has.All.EqualTo(5), "each reply states what it did");
        var likes = await WithDbAsync(db => db.Likes.CountAsync(l => l.VideoId == video.Id));
        Assert.That(likes, Is.Zero, "an even number of toggles leaves every user unliked");
    }

    [Test, CancelAfter(180_000)]
    public async Task Twenty_users_each_toggling_a_subscription_five_times_in_parallel_all_end_subscribed()
    {
        var channel = await CreateUserAsync();
        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CreateUserAsync()));

        var replies = await Task.WhenAll(users.Select(async user =>
            await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
                (await (await user.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null)).DataAsync())["isSubscribed"]!
                .GetValue<bool>()))));

        Assert.That(replies.Select(r => r.Count(subscribed => subscribed)), Has.All.EqualTo(3));
        var subscribers = await WithDbAsync(db => db.Subscriptions.CountAsync(s => s.ChannelId == channel.Id));
        Assert.That(subscribers, Is.EqualTo(20), "an odd number of toggles leaves every user subscribed");
    }
}
