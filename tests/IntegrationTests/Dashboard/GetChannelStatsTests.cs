using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;

namespace VideoTube.IntegrationTests.Dashboard;

public sealed class GetChannelStatsTests : ApiTestBase
{
    [Test]
    public async Task Totals_match_known_numbers_and_an_independent_count_in_one_sql_statement()
    {
        var channel = await CreateUserAsync();
        var fan = await CreateUserAsync();
        var other = await CreateUserAsync();
        var published = await SeedVideoAsync(channel.Id, views: 10);
        var popular = await SeedVideoAsync(channel.Id, views: 25);
        var draft = await SeedVideoAsync(channel.Id, views: 7, isPublished: false);
        var elsewhere = await SeedVideoAsync(other.Id, views: 1000);
        await WithDbAsync(async db =>
        {
            db.Subscriptions.AddRange(
                new Subscription { SubscriberId = fan.Id, ChannelId = channel.Id },
                new Subscription { SubscriberId = other.Id, ChannelId = channel.Id },
                new Subscription { SubscriberId = channel.Id, ChannelId = other.Id },
                new Subscription { SubscriberId = fan.Id, ChannelId = other.Id });
            return await db.SaveChangesAsync();
        });
        await fan.ToggleLikeAsync("v", published.Id);
        await fan.ToggleLikeAsync("v", popular.Id);
        await other.ToggleLikeAsync("v", popular.Id);
        await channel.ToggleLikeAsync("v", draft.Id);
        await fan.ToggleLikeAsync("v", elsewhere.Id);
        // Likes on the channel's tweets and comments are not likes on its videos.
        await fan.ToggleLikeAsync("t", await channel.PostTweetAsync());
        await fan.ToggleLikeAsync("c", await channel.PostCommentAsync(published.Id));

        Factory.SqlCommands.Reset();
        var response = await channel.Client.GetAsync("/api/v1/dashboard/stats");
        var commands = Factory.SqlCommands.Commands;

        var json = await ReadJsonAsync(response);
        var data = json["data"]!;
        var expected = await WithDbAsync(async db => new
        {
            Videos = await db.Videos.CountAsync(v => v.OwnerId == channel.Id),
            Views = await db.Videos.Where(v => v.OwnerId == channel.Id).SumAsync(v => v.Views),
            Subscribers = await db.Subscriptions.CountAsync(s => s.ChannelId == channel.Id),
            Likes = await db.Likes.Join(db.Videos.Where(v => v.OwnerId == channel.Id), l => l.VideoId, v => v.Id, (l, _) => l)
                .CountAsync(),
        });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json["message"]!.GetValue<string>(), Is.EqualTo("Channel stats fetched successfully"));
            Assert.That(commands, Has.Count.EqualTo(1), string.Join("\n---\n", commands));
            Assert.That(data["totalVideos"]!.GetValue<int>(), Is.EqualTo(3).And.EqualTo(expected.Videos));
            Assert.That(data["totalViews"]!.GetValue<long>(), Is.EqualTo(42).And.EqualTo(expected.Views));
            Assert.That(data["totalSubscribers"]!.GetValue<int>(), Is.EqualTo(2).And.EqualTo(expected.Subscribers));
            Assert.That(data["totalLikes"]!.GetValue<int>(), Is.EqualTo(4).And.EqualTo(expected.Likes));
        });
    }

    [Test]
    public async Task A_new_channel_has_all_zeros()
    {
        var user = await CreateUserAsync();
        var data = await (await user.Client.GetAsync("/api/v1/dashboard/stats")).DataAsync();
        Assert.Multiple(() =>
        {
            Assert.That(data["totalVideos"]!.GetValue<int>(), Is.Zero);
            Assert.That(data["totalViews"]!.GetValue<long>(), Is.Zero);
            Assert.That(data["totalSubscribers"]!.GetValue<int>(), Is.Zero);
            Assert.That(data["totalLikes"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Stats_without_a_token_are_401()
    {
        using var anonymous = CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync("/api/v1/dashboard/stats"), HttpStatusCode.Unauthorized);
    }
}
