using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VideoTube.Infrastructure.Data.Queries;

namespace VideoTube.IntegrationTests.Feed;

public sealed class ListSubscriptionFeedTests : ApiTestBase
{
    private static async Task<JsonNode> FeedAsync(TestUser user, string query = "") =>
        await (await user.Client.GetAsync($"/api/v1/feed/subscriptions?{query}")).DataAsync();

    private static async Task SubscribeAsync(TestUser user, Guid channelId) =>
        await (await user.Client.PostAsync($"/api/v1/subscriptions/c/{channelId}", null)).DataAsync();

    /// <summary>Every page by cursor, from the first.</summary>
    private static async Task<List<Guid>> WalkAsync(TestUser user, int limit)
    {
        var ids = new List<Guid>();
        var data = await FeedAsync(user, $"limit={limit}");
        while (true)
        {
            ids.AddRange(SocialRequests.IdsOf(data["docs"]!));
            if (data["nextCursor"]?.GetValue<string>() is not { } cursor)
                return ids;
            Assert.That(ids, Has.Count.LessThan(100), "the walk must end");
            data = await FeedAsync(user, $"limit={limit}&cursor={cursor}");
        }
    }

    [Test]
    public async Task Lists_published_videos_of_followed_channels_newest_first_by_cursor()
    {
        var me = await CreateUserAsync();
        var followed = await CreateUserAsync();
        var alsoFollowed = await CreateUserAsync();
        var stranger = await CreateUserAsync();
        await SubscribeAsync(me, followed.Id);
        await SubscribeAsync(me, alsoFollowed.Id);
        var expected = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            expected.Add((await SeedVideoAsync(followed.Id)).Id);
            expected.Add((await SeedVideoAsync(alsoFollowed.Id)).Id);
            await SeedVideoAsync(stranger.Id);
        }
        await SeedVideoAsync(followed.Id, isPublished: false);
        await SeedVideoAsync(me.Id);
        expected.Reverse();

        var first = await FeedAsync(me, "limit=4");
        var walk = await WalkAsync(me, 4);

        Assert.Multiple(() =>
        {
            Assert.That(walk, Is.EqualTo(expected));
            Assert.That(first["docs"]!.AsArray(), Has.Count.EqualTo(4));
            Assert.That((first["limit"]!.GetValue<int>(), first["hasNextPage"]!.GetValue<bool>()), Is.EqualTo((4, true)));
            var doc = first["docs"]![0]!;
            Assert.That(doc["owner"]!["_id"]!.GetValue<string>(), Is.EqualTo(alsoFollowed.Id.ToString()));
            Assert.That(doc["isPublished"]!.GetValue<bool>(), Is.True);
            Assert.That(doc["videoFile"]!.GetValue<string>(), Does.StartWith(VideoTubeApiFactory.PublicBaseUrl));
        });
    }

    [Test]
    public async Task A_page_is_read_with_one_sql_statement()
    {
        var me = await CreateUserAsync();
        var channel = await CreateUserAsync();
        await SubscribeAsync(me, channel.Id);
        for (var i = 0; i < 3; i++)
            await SeedVideoAsync(channel.Id);
        var cursor = (await FeedAsync(me, "limit=1"))["nextCursor"]!.GetValue<string>();

        Factory.SqlCommands.Reset();
        var data = await FeedAsync(me, $"limit=1&cursor={cursor}");

        Assert.That(data["docs"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(1), string.Join("\n---\n", Factory.SqlCommands.Commands));
    }

    /// <summary>
    /// The statement reads the feed one of two ways, chosen by the subscriber's stored follow count
    /// (<see cref="CompiledReads.SubscriptionFeedWalkFrom"/>): both must give the same pages, each in one statement.
    /// </summary>
    [Test]
    public async Task The_walk_for_many_followed_channels_and_the_merge_for_few_give_the_same_pages()
    {
        var me = await CreateUserAsync();
        var channels = new[] { await CreateUserAsync(), await CreateUserAsync(), await CreateUserAsync() };
        var stranger = await CreateUserAsync();
        foreach (var channel in channels)
            await SubscribeAsync(me, channel.Id);
        for (var i = 0; i < 4; i++)
        {
            foreach (var channel in channels)
                await SeedVideoAsync(channel.Id);
            await SeedVideoAsync(stranger.Id);
        }
        await SeedVideoAsync(channels[0].Id, isPublished: false);

        var merged = await WalkAsync(me, 5);
        await WithDbAsync(db => db.Users.Where(u => u.Id == me.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SubscriptionsCount, CompiledReads.SubscriptionFeedWalkFrom)));
        Factory.SqlCommands.Reset();
        var walked = await WalkAsync(me, 5);

        Assert.Multiple(() =>
        {
            Assert.That(merged, Has.Count.EqualTo(12));
            Assert.That(walked, Is.EqualTo(merged));
            Assert.That(Factory.SqlCommands.Commands, Has.Count.EqualTo(3), "three pages, one statement each");
        });
    }

    [Test]
    public async Task Following_nobody_gives_an_empty_last_page()
    {
        var me = await CreateUserAsync();
        var data = await FeedAsync(me);
        Assert.That((data["docs"]!.AsArray().Count, data["nextCursor"], data["hasNextPage"]!.GetValue<bool>(),
            data["limit"]!.GetValue<int>()), Is.EqualTo((0, (JsonNode?)null, false, 10)));
    }

    [Test]
    public async Task An_unsubscribed_channel_and_an_unpublished_video_leave_the_feed()
    {
        var me = await CreateUserAsync();
        var kept = await CreateUserAsync();
        var dropped = await CreateUserAsync();
        await SubscribeAsync(me, kept.Id);
        await SubscribeAsync(me, dropped.Id);
        var keptVideo = await SeedVideoAsync(kept.Id);
        var hiddenLater = await SeedVideoAsync(kept.Id);
        await SeedVideoAsync(dropped.Id);
        Assert.That(await WalkAsync(me, 10), Has.Count.EqualTo(3));

        await SubscribeAsync(me, dropped.Id); // toggles it off
        await (await kept.Client.PatchAsync($"/api/v1/videos/toggle/publish/{hiddenLater.Id}", null)).DataAsync();

        Assert.That(await WalkAsync(me, 10), Is.EqualTo(new[] { keptVideo.Id }));
    }

    [Test]
    public async Task Without_a_token_is_401()
    {
        using var client = CreateClient();
        await AssertErrorAsync(await client.GetAsync("/api/v1/feed/subscriptions"), HttpStatusCode.Unauthorized);
    }

    [TestCase("garbage")]
    [TestCase("WyJ2aWV3cy5kZXNjIiwiMyIsIjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJd")] // made for views.desc
    public async Task A_bad_cursor_is_400(string cursor)
    {
        var me = await CreateUserAsync();
        var response = await me.Client.GetAsync($"/api/v1/feed/subscriptions?cursor={cursor}");
        Assert.That(await AssertErrorAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("Invalid cursor"));
    }

    [Test]
    public async Task Limit_is_lenient_and_capped()
    {
        var me = await CreateUserAsync();
        Assert.That((await FeedAsync(me, "limit=100000"))["limit"]!.GetValue<int>(), Is.EqualTo(100));
        Assert.That((await FeedAsync(me, "limit=zero"))["limit"]!.GetValue<int>(), Is.EqualTo(10));
    }

    [Test]
    public async Task Reads_racing_an_unsubscribe_and_a_delete_never_fail()
    {
        var me = await CreateUserAsync();
        var channel = await CreateUserAsync();
        await SubscribeAsync(me, channel.Id);
        var videos = new List<Guid>();
        for (var i = 0; i < 6; i++)
            videos.Add((await SeedVideoAsync(channel.Id)).Id);
        var cursor = (await FeedAsync(me, "limit=2"))["nextCursor"]!.GetValue<string>();

        var reads = Enumerable.Range(0, 12).Select(i =>
            me.Client.GetAsync(i % 2 == 0 ? "/api/v1/feed/subscriptions?limit=2" : $"/api/v1/feed/subscriptions?limit=2&cursor={cursor}"));
        var writes = new[]
        {
            me.Client.PostAsync($"/api/v1/subscriptions/c/{channel.Id}", null),
            channel.Client.DeleteAsync($"/api/v1/videos/{videos[0]}"),
            channel.Client.DeleteAsync($"/api/v1/videos/{videos[3]}"),
        };
        var responses = await Task.WhenAll(reads.Concat(writes));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await WalkAsync(me, 2), Is.Empty, "the unsubscribe won in the end");
    }
}
